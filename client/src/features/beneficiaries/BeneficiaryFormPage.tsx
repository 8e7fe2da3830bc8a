import { Checkbox, Group, Radio, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useNavigate } from 'react-router';
import type {
  BeneficiaryDto,
  BeneficiaryInput,
  BeneficiaryKind,
  ContactChannel,
  ContactConsentInput,
  ContactLanguage,
  InstitutionType,
  Need,
  Purpose,
} from '../../api/types';
import { CONTACT_CHANNELS, CONTACT_LANGUAGES, INSTITUTION_TYPES, NEEDS, PERSON_KINDS, PURPOSES } from '../../api/types';
import { endpoints, keys } from '../../api/endpoints';
import { FormPage } from '../../components/FormPage';
import { LabelledSegmentedControl } from '../../components/LabelledSegmentedControl';
import { RecordFormPage } from '../../components/RecordFormPage';
import { NumberField, parseNumber } from '../../components/NumberField';
import { CityAutocomplete, RegionSelect } from '../../components/RegionFields';
import { useEnumOptions } from '../../components/useEnumOptions';
import { useServerForm } from '../../components/useServerForm';
import { toLatinDigits } from '../../i18n/format';
import { PHONE_PLACEHOLDER } from '../../i18n/country';
import { usePrefs, useT } from '../../prefs/PreferencesProvider';
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
  /** The family's answer to "may we message you?" (spec §12): nested, so the server's `contactConsent.channel` lands. */
  contactConsent: { given: boolean; channel: ContactChannel | null; language: ContactLanguage | null };
  /** Kind `institution` only (spec §13), nested like the server's paths (`institution.contactPerson`). */
  institution: {
    type: InstitutionType | null;
    registrationNumber: string;
    contactPerson: string;
    requestedDevices: string;
    justification: string;
  };
};
/** Families and students first, as most records are; institutions last (spec §13). */
const BENEFICIARY_KINDS_ORDER: readonly BeneficiaryKind[] = [...PERSON_KINDS, 'institution'];
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
  contactConsent: { given: false, channel: null, language: null },
  institution: { type: null, registrationNumber: '', contactPerson: '', requestedDevices: '', justification: '' },
};
/** Every field on the form, the consent's parts included: a server error on any other path is listed in the alert. */
const KNOWN = [
  ...Object.keys(EMPTY),
  'contactConsent.given',
  'contactConsent.channel',
  'contactConsent.language',
  'institution.type',
  'institution.registrationNumber',
  'institution.contactPerson',
  'institution.requestedDevices',
  'institution.justification',
] as const;
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
    householdSize: b.householdSize === null ? '' : String(b.householdSize),
    monthlyIncome: b.monthlyIncome === null ? '' : String(b.monthlyIncome),
    schoolChildren: String(b.schoolChildren),
    need: b.need,
    purpose: b.purpose,
    partnerId: b.partnerId === null ? null : String(b.partnerId),
    contactConsent: {
      given: b.contactConsent.given,
      channel: b.contactConsent.channel,
      language: b.contactConsent.language,
    },
    institution: b.institution
      ? {
          type: b.institution.type,
          registrationNumber: b.institution.registrationNumber ?? '',
          contactPerson: b.institution.contactPerson,
          requestedDevices: String(b.institution.requestedDevices),
          justification: b.institution.justification ?? '',
        }
      : EMPTY.institution,
  };
}

/**
 * The consent goes only when it says something new: a yes on a new record, or an answer that differs from the one
 * recorded (the server records who gave it and when, so an untouched answer must not look like a new one). A yes
 * without a channel goes as it is, and the server names the missing field.
 */
function consentToSend(c: Form['contactConsent'], existing?: BeneficiaryDto): ContactConsentInput | undefined {
  const next: ContactConsentInput = c.given
    ? { given: true, ...(c.channel ? { channel: c.channel } : {}), language: c.language }
    : { given: false };
  if (!existing) return c.given ? next : undefined;
  const was = existing.contactConsent;
  const same = c.given ? was.given && was.channel === c.channel && was.language === c.language : !was.given;
  return same ? undefined : next;
}

/**
 * The national ID is write-only: it is never sent back, so when editing the field starts empty (the masked form is its
 * hint) and is sent only if the manager types a new one. An empty number is left out, so the server names it as missing.
 */
function toInput(f: Form, existing?: BeneficiaryDto): BeneficiaryInput {
  const editing = existing !== undefined;
  const out: BeneficiaryInput = {
    kind: f.kind,
    name: f.name.trim(),
    phone: toLatinDigits(f.phone.trim()),
    need: f.need,
    purpose: f.purpose,
  };
  if (f.kind === 'institution') {
    // An institution has no national ID, household, income or school children: the server refuses them (spec §13).
    const i = f.institution;
    out.institution = {
      // Left out when not picked, so that the server names the missing field.
      ...(i.type ? { type: i.type } : {}),
      contactPerson: i.contactPerson.trim(),
      requestedDevices: parseNumber(i.requestedDevices) as number,
      registrationNumber: i.registrationNumber.trim() ? toLatinDigits(i.registrationNumber.trim()) : null,
      justification: i.justification.trim() || null,
    } as BeneficiaryInput['institution'];
  } else {
    out.householdSize = parseNumber(f.householdSize);
    out.monthlyIncome = parseNumber(f.monthlyIncome);
    out.schoolChildren = parseNumber(f.schoolChildren) ?? 0;
  }
  if (f.kind !== 'institution' && f.nationalId.trim()) out.nationalId = toLatinDigits(f.nationalId.trim());
  out.regionCode = f.regionCode;
  if (f.city.trim()) out.city = f.city.trim();
  if (f.region.trim()) out.region = f.region.trim();
  if (f.partnerId) out.partnerId = Number(f.partnerId);
  else if (editing) out.partnerId = null;
  const consent = f.kind === 'institution' ? undefined : consentToSend(f.contactConsent, existing);
  if (consent) out.contactConsent = consent;
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
  const { country } = usePrefs();
  const options = useEnumOptions();
  const navigate = useNavigate();
  const partners = usePartners();
  const editing = existing !== undefined;
  const { form, onSubmit, busy, error, unshown } = useServerForm({
    initialValues: existing ? fromDto(existing) : EMPTY,
    submit: (v) =>
      existing
        ? endpoints.beneficiaries.update(existing.id, toInput(v, existing))
        : endpoints.beneficiaries.create(toInput(v)),
    invalidates: [keys.beneficiaries, keys.waitlist],
    known: KNOWN,
    onSuccess: (saved) => {
      void navigate(`/beneficiaries/${saved.id}`);
    },
  });
  const input = (k: keyof Form) => ({ name: k, ...form.getInputProps(k) });
  const nested = (k: `institution.${keyof Form['institution']}`) => ({ name: k, ...form.getInputProps(k) });
  const institution = form.values.kind === 'institution';
  // A record stays a person or an institution: their fields are kept apart by the server (spec §13).
  const kinds: readonly BeneficiaryKind[] = !existing ? BENEFICIARY_KINDS_ORDER : institution ? [] : PERSON_KINDS;

  return (
    <FormPage
      title={editing ? t('beneficiaries.edit') : t('beneficiaries.new')}
      maw={900}
      testId="beneficiary-form"
      onSubmit={onSubmit}
      error={error}
      unshown={unshown}
      busy={busy}>
      {kinds.length > 0 && (
        <LabelledSegmentedControl
          id="beneficiary-kind"
          label={t('beneficiary.kind')}
          {...form.getInputProps('kind')}
          data={options('beneficiaryKind', kinds)}
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={institution ? t('institution.name') : t('beneficiary.name')}
          required
          dir="auto"
          {...input('name')}
        />
        {institution ? (
          <Select
            label={t('institution.type')}
            required
            name="institution.type"
            data={options('institutionType', INSTITUTION_TYPES)}
            allowDeselect={false}
            {...form.getInputProps('institution.type')}
          />
        ) : (
          <TextInput
            label={t('beneficiary.nationalId')}
            required={!editing}
            dir="ltr"
            inputMode={country === 'MA' ? 'text' : 'numeric'}
            autoComplete="off"
            {...input('nationalId')}
            classNames={{ input: 'nm-mono' }}
            placeholder={existing?.nationalIdMasked ?? undefined}
            description={editing ? t('beneficiary.nationalIdKeep') : t('beneficiary.nationalIdHint', { country })}
            inputWrapperOrder={BELOW}
          />
        )}
        {institution && (
          <TextInput
            label={t('institution.registrationNumber')}
            dir="ltr"
            autoComplete="off"
            {...nested('institution.registrationNumber')}
            classNames={{ input: 'nm-mono' }}
          />
        )}
        {institution && (
          <TextInput
            label={t('institution.contactPerson')}
            required
            dir="auto"
            {...nested('institution.contactPerson')}
          />
        )}
        <TextInput
          label={institution ? t('institution.phone') : t('beneficiary.phone')}
          required
          type="tel"
          dir="ltr"
          inputMode="tel"
          placeholder={PHONE_PLACEHOLDER[country].national}
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
      {institution ? (
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <NumberField
            label={t('institution.requestedDevices')}
            required
            {...nested('institution.requestedDevices')}
            value={form.values.institution.requestedDevices}
          />
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
      ) : (
        <>
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
              description={t('beneficiary.incomeHint', { country })}
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
        </>
      )}
      {institution ? (
        <Textarea
          label={t('institution.justification')}
          description={t('institution.justificationHint')}
          dir="auto"
          // Fixed rows, not autosize: its hidden measuring copy stays in the page after the form leaves, as wide as
          // this field, and overflows a phone's screen on the next page.
          rows={3}
          {...nested('institution.justification')}
          inputWrapperOrder={BELOW}
        />
      ) : (
        <ContactConsentFields form={form} />
      )}
    </FormPage>
  );
}

/** "May we message the family?": when they agree, by which channel and in which language (spec §12). */
function ContactConsentFields({ form }: { form: UseFormReturnType<Form> }) {
  const t = useT();
  const options = useEnumOptions();
  const consent = form.values.contactConsent;
  return (
    <Stack gap="sm" data-testid="contact-consent-fields">
      <Checkbox
        name="contactConsent.given"
        label={t('consent.given')}
        description={t('consent.givenHint')}
        {...form.getInputProps('contactConsent.given', { type: 'checkbox' })}
      />
      {consent.given && (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Radio.Group
            label={t('consent.channel')}
            name="contactConsent.channel"
            required
            {...form.getInputProps('contactConsent.channel')}>
            <Group gap="md" mt={6}>
              {options('contactChannel', CONTACT_CHANNELS).map((o) => (
                <Radio key={o.value} value={o.value} label={o.label} />
              ))}
            </Group>
          </Radio.Group>
          <Select
            label={t('consent.language')}
            name="contactConsent.language"
            clearable
            placeholder={t('consent.languageDefault')}
            data={options('language', CONTACT_LANGUAGES)}
            {...form.getInputProps('contactConsent.language')}
          />
        </SimpleGrid>
      )}
    </Stack>
  );
}
