import { Checkbox, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useNavigate } from 'react-router';
import type { DonorDto, DonorInput, DonorKind, DocumentLanguage } from '../../api/types';
import { endpoints, keys } from '../../api/endpoints';
import { FormPage } from '../../components/FormPage';
import { LabelledSegmentedControl } from '../../components/LabelledSegmentedControl';
import { RecordFormPage } from '../../components/RecordFormPage';
import { DONOR_KINDS, DOCUMENT_LANGUAGES } from '../../api/types';
import { useEnumOptions } from '../../components/useEnumOptions';
import { useServerForm } from '../../components/useServerForm';
import { toLatinDigits } from '../../i18n/format';
import { PHONE_PLACEHOLDER } from '../../i18n/country';
import { usePrefs, useT } from '../../prefs/PreferencesProvider';

type Form = Required<Omit<DonorInput, 'kind' | 'preferredLanguage'>> & {
  kind: DonorKind;
  preferredLanguage: DocumentLanguage;
};
const EMPTY: Form = {
  kind: 'company',
  name: '',
  nameLatin: '',
  contactPerson: '',
  email: '',
  phone: '',
  city: '',
  crNumber: '',
  preferredLanguage: 'ar',
  creditOnCertificates: false,
};

function fromDto(d: DonorDto): Form {
  return {
    kind: d.kind,
    name: d.name,
    nameLatin: d.nameLatin ?? '',
    contactPerson: d.contactPerson ?? '',
    email: d.email ?? '',
    phone: d.phone ?? '',
    city: d.city ?? '',
    crNumber: d.crNumber ?? '',
    preferredLanguage: d.preferredLanguage,
    creditOnCertificates: d.creditOnCertificates,
  };
}

/** Empty optional fields are left out rather than sent as "", so the server's own validation sees only what was typed. */
function toInput(f: Form): DonorInput {
  const out: DonorInput = {
    kind: f.kind,
    name: f.name.trim(),
    preferredLanguage: f.preferredLanguage,
    creditOnCertificates: f.creditOnCertificates,
  };
  const optional = {
    nameLatin: f.nameLatin,
    contactPerson: f.contactPerson,
    email: f.email,
    city: f.city,
    phone: toLatinDigits(f.phone),
    crNumber: f.kind === 'company' ? toLatinDigits(f.crNumber) : '',
  };
  for (const [k, v] of Object.entries(optional)) if (v.trim()) (out as unknown as Record<string, string>)[k] = v.trim();
  return out;
}

export default function DonorFormPage() {
  return <RecordFormPage load={endpoints.donors.get}>{(existing) => <DonorForm existing={existing} />}</RecordFormPage>;
}

function DonorForm({ existing }: { existing?: DonorDto }) {
  const t = useT();
  const { country } = usePrefs();
  const options = useEnumOptions();
  const navigate = useNavigate();
  const editing = existing !== undefined;
  const { form, onSubmit, busy, error, unshown } = useServerForm({
    initialValues: existing ? fromDto(existing) : EMPTY,
    submit: (v) => (existing ? endpoints.donors.update(existing.id, toInput(v)) : endpoints.donors.create(toInput(v))),
    invalidates: [keys.donors, keys.donations],
    onSuccess: (saved) => {
      void navigate(`/donors/${saved.id}`);
    },
  });
  const text = (k: Exclude<keyof Form, 'kind' | 'preferredLanguage' | 'creditOnCertificates'>) => ({
    name: k,
    ...form.getInputProps(k),
  });

  return (
    <FormPage
      title={editing ? t('donors.edit') : t('donors.new')}
      maw={860}
      onSubmit={onSubmit}
      error={error}
      unshown={unshown}
      busy={busy}>
      <LabelledSegmentedControl
        id="donor-kind"
        label={t('donor.kind')}
        {...form.getInputProps('kind')}
        data={options('donorKind', DONOR_KINDS)}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput label={t('donor.name')} required {...text('name')} />
        <TextInput label={t('donor.nameLatin')} dir="ltr" {...text('nameLatin')} />
        <TextInput label={t('donor.contactPerson')} {...text('contactPerson')} />
        <TextInput label={t('donor.city')} {...text('city')} />
        <TextInput
          label={t('donor.phone')}
          type="tel"
          dir="ltr"
          inputMode="tel"
          placeholder={PHONE_PLACEHOLDER[country].international}
          {...text('phone')}
        />
        <TextInput label={t('donor.email')} type="email" dir="ltr" {...text('email')} />
        {form.values.kind === 'company' && (
          <TextInput label={t('donor.crNumber')} dir="ltr" inputMode="numeric" {...text('crNumber')} />
        )}
        <Select
          label={t('donor.language')}
          data={options('language', DOCUMENT_LANGUAGES)}
          {...form.getInputProps('preferredLanguage')}
          onChange={(v) => form.setFieldValue('preferredLanguage', v === 'en' || v === 'fr' ? v : 'ar')}
          allowDeselect={false}
        />
      </SimpleGrid>
      <Checkbox
        label={t('donor.creditOnCertificates')}
        description={t('donor.creditOnCertificatesHint')}
        {...form.getInputProps('creditOnCertificates', { type: 'checkbox' })}
      />
    </FormPage>
  );
}
