import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useNavigate } from 'react-router';
import type { BeneficiaryDto, BeneficiaryInput, BeneficiaryKind, Need, Purpose } from '../../api/types';
import { BENEFICIARY_KINDS, NEEDS, PURPOSES } from '../../api/types';
import { endpoints, keys } from '../../api/endpoints';
import { FormPage } from '../../components/FormPage';
import { LabelledSegmentedControl } from '../../components/LabelledSegmentedControl';
import { RecordFormPage } from '../../components/RecordFormPage';
import { NumberField, parseNumber } from '../../components/NumberField';
import { CityAutocomplete, RegionSelect } from '../../components/RegionFields';
import { useEnumOptions } from '../../components/useEnumOptions';
import { useServerForm } from '../../components/useServerForm';
import { toLatinDigits } from '../../i18n/format';
import { useT } from '../../prefs/PreferencesProvider';
import { usePartners } from './usePartners';

type Form = {
  kind: BeneficiaryKind;
  name: string;
  nationalId: string;
  phone: string;
  regionCode: string | null;
  city: string;
  /** Legacy free text, kept as it was (no longer typed in: the region is picked from the list). */
  region: string;
  householdSize: string;
  monthlyIncome: string;
  schoolChildren: string;
  need: Need;
  purpose: Purpose;
  partnerId: string | null;
};
const EMPTY: Form = {
  kind: 'family',
  name: '',
  nationalId: '',
  phone: '',
  regionCode: null,
  city: '',
  region: '',
  householdSize: '',
  monthlyIncome: '',
  schoolChildren: '0',
  need: 'laptop',
  purpose: 'general',
  partnerId: null,
};
/** Hints under the input, so the inputs of a row stay aligned whether or not a field has a hint. */
const BELOW: ('label' | 'input' | 'description' | 'error')[] = ['label', 'input', 'description', 'error'];

function fromDto(b: BeneficiaryDto): Form {
  return {
    kind: b.kind,
    name: b.name,
    nationalId: '',
    phone: b.phone,
    regionCode: b.regionCode,
    city: b.city ?? '',
    region: b.region ?? '',
    householdSize: String(b.householdSize),
    monthlyIncome: String(b.monthlyIncome),
    schoolChildren: String(b.schoolChildren),
    need: b.need,
    purpose: b.purpose,
    partnerId: b.partnerId === null ? null : String(b.partnerId),
  };
}

/**
 * The national ID is write-only: it is never sent back, so when editing the field starts empty (the masked form is its
 * hint) and is sent only if the manager types a new one. An empty number is left out, so the server names it as missing.
 */
function toInput(f: Form, editing: boolean): BeneficiaryInput {
  const out: BeneficiaryInput = {
    kind: f.kind,
    name: f.name.trim(),
    phone: toLatinDigits(f.phone.trim()),
    need: f.need,
    purpose: f.purpose,
    householdSize: parseNumber(f.householdSize),
    monthlyIncome: parseNumber(f.monthlyIncome),
    schoolChildren: parseNumber(f.schoolChildren) ?? 0,
  };
  if (f.nationalId.trim()) out.nationalId = toLatinDigits(f.nationalId.trim());
  out.regionCode = f.regionCode;
  if (f.city.trim()) out.city = f.city.trim();
  if (f.region.trim()) out.region = f.region.trim();
  if (f.partnerId) out.partnerId = Number(f.partnerId);
  else if (editing) out.partnerId = null;
  return out;
}

export default function BeneficiaryFormPage() {
  return (
    <RecordFormPage load={endpoints.beneficiaries.get}>
      {(existing) => <BeneficiaryForm existing={existing} />}
    </RecordFormPage>
  );
}

function BeneficiaryForm({ existing }: { existing?: BeneficiaryDto }) {
  const t = useT();
  const options = useEnumOptions();
  const navigate = useNavigate();
  const partners = usePartners();
  const editing = existing !== undefined;
  const { form, onSubmit, busy, error, unshown } = useServerForm({
    initialValues: existing ? fromDto(existing) : EMPTY,
    submit: (v) =>
      existing
        ? endpoints.beneficiaries.update(existing.id, toInput(v, true))
        : endpoints.beneficiaries.create(toInput(v, false)),
    invalidates: [keys.beneficiaries, keys.waitlist],
    onSuccess: (saved) => {
      void navigate(`/beneficiaries/${saved.id}`);
    },
  });
  const input = (k: keyof Form) => ({ name: k, ...form.getInputProps(k) });

  return (
    <FormPage
      title={editing ? t('beneficiaries.edit') : t('beneficiaries.new')}
      maw={900}
      testId="beneficiary-form"
      onSubmit={onSubmit}
      error={error}
      unshown={unshown}
      busy={busy}>
      <LabelledSegmentedControl
        id="beneficiary-kind"
        label={t('beneficiary.kind')}
        {...form.getInputProps('kind')}
        data={options('beneficiaryKind', BENEFICIARY_KINDS)}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput label={t('beneficiary.name')} required dir="auto" {...input('name')} />
        <TextInput
          label={t('beneficiary.nationalId')}
          required={!editing}
          dir="ltr"
          inputMode="numeric"
          autoComplete="off"
          {...input('nationalId')}
          classNames={{ input: 'nm-mono' }}
          placeholder={existing?.nationalIdMasked}
          description={editing ? t('beneficiary.nationalIdKeep') : t('beneficiary.nationalIdHint')}
          inputWrapperOrder={BELOW}
        />
        <TextInput
          label={t('beneficiary.phone')}
          required
          type="tel"
          dir="ltr"
          inputMode="tel"
          placeholder="05XXXXXXXX"
          {...input('phone')}
        />
        <Select
          label={t('beneficiary.partner')}
          clearable
          data={partners.options}
          {...form.getInputProps('partnerId')}
          placeholder={t('beneficiary.noPartner')}
        />
        <RegionSelect
          name="regionCode"
          {...form.getInputProps('regionCode')}
          onChange={(v) => form.setFieldValue('regionCode', v)}
          description={
            existing?.region && !form.values.regionCode ? t('region.legacy', { text: existing.region }) : undefined
          }
          inputWrapperOrder={BELOW}
        />
        <CityAutocomplete
          label={t('beneficiary.city')}
          regionCode={form.values.regionCode}
          {...input('city')}
          inputWrapperOrder={BELOW}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        <NumberField
          label={t('beneficiary.household')}
          required
          {...input('householdSize')}
          value={form.values.householdSize}
        />
        <NumberField
          label={t('beneficiary.income')}
          required
          decimal
          {...input('monthlyIncome')}
          value={form.values.monthlyIncome}
          description={t('beneficiary.incomeHint')}
          inputWrapperOrder={BELOW}
        />
        <NumberField
          label={t('beneficiary.schoolChildren')}
          {...input('schoolChildren')}
          value={form.values.schoolChildren}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t('beneficiary.need')}
          required
          data={options('need', NEEDS)}
          allowDeselect={false}
          {...form.getInputProps('need')}
        />
        <Select
          label={t('beneficiary.purpose')}
          data={options('purpose', PURPOSES)}
          allowDeselect={false}
          {...form.getInputProps('purpose')}
        />
      </SimpleGrid>
    </FormPage>
  );
}
