import { Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { endpoints, keys } from '../../api/endpoints';
import type { PartnerDto, PartnerInput, PartnerKind } from '../../api/types';
import { PARTNER_KINDS } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { CityAutocomplete, RegionSelect } from '../../components/RegionFields';
import { useEnumOptions } from '../../components/useEnumOptions';
import { useServerForm } from '../../components/useServerForm';
import { toLatinDigits } from '../../i18n/format';
import { useT } from '../../prefs/PreferencesProvider';

type Form = Required<Omit<PartnerInput, 'regionCode'>> & { regionCode: string | null };

/**
 * A school, family-business centre or association that refers beneficiaries or distributes devices: a new one, or
 * `existing` edited (its region and city first of all, for partners recorded before regions were a list).
 */
export function PartnerFormModal({
  existing,
  onClose,
  onSaved,
}: {
  existing?: PartnerDto;
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useT();
  const options = useEnumOptions();
  const initialValues: Form = {
    name: existing?.name ?? '',
    nameLatin: existing?.nameLatin ?? '',
    kind: existing?.kind ?? 'family_centre',
    regionCode: existing?.regionCode ?? null,
    city: existing?.city ?? '',
    contactPerson: existing?.contactPerson ?? '',
    phone: existing?.phone ?? '',
    email: existing?.email ?? '',
  };
  const { form, onSubmit, busy, error, unshown } = useServerForm({
    initialValues,
    submit: (v) => {
      const body: PartnerInput = { name: v.name.trim(), kind: v.kind, regionCode: v.regionCode };
      for (const k of ['nameLatin', 'city', 'contactPerson', 'email'] as const) if (v[k].trim()) body[k] = v[k].trim();
      if (v.phone.trim()) body.phone = toLatinDigits(v.phone.trim());
      return existing ? endpoints.partners.update(existing.id, body) : endpoints.partners.create(body);
    },
    invalidates: [keys.partners],
    onSuccess: onSaved,
  });
  const text = (k: Exclude<keyof Form, 'kind' | 'regionCode'>) => ({ ...form.getInputProps(k), name: k });
  return (
    <Modal opened onClose={onClose} title={t(existing ? 'partners.edit' : 'partners.new')} centered size="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {error && <ErrorAlert error={error} unshown={unshown} />}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('partner.name')} required {...text('name')} />
            <TextInput label={t('partner.nameLatin')} dir="ltr" {...text('nameLatin')} />
            <Select
              label={t('partner.kind')}
              data={options('partnerKind', PARTNER_KINDS)}
              allowDeselect={false}
              {...form.getInputProps('kind')}
              onChange={(v) => form.setFieldValue('kind', (v ?? 'other') as PartnerKind)}
            />
            <RegionSelect
              name="regionCode"
              {...form.getInputProps('regionCode')}
              onChange={(v) => form.setFieldValue('regionCode', v)}
            />
            <CityAutocomplete label={t('partner.city')} regionCode={form.values.regionCode} {...text('city')} />
            <TextInput label={t('partner.contactPerson')} {...text('contactPerson')} />
            <TextInput label={t('partner.phone')} type="tel" dir="ltr" inputMode="tel" {...text('phone')} />
            <TextInput label={t('partner.email')} type="email" dir="ltr" {...text('email')} />
          </SimpleGrid>
          <FormActions busy={busy} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
