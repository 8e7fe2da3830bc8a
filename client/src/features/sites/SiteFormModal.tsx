import { Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { endpoints, keys } from '../../api/endpoints';
import type { SiteDto, SiteInput } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { CityAutocomplete, RegionSelect } from '../../components/RegionFields';
import { useServerForm } from '../../components/useServerForm';
import { useT } from '../../prefs/PreferencesProvider';

type Form = { code: string; name: string; nameLatin: string; regionCode: string | null; city: string };

/** A warehouse or branch: a new one, or `existing` edited (its region first of all, for sites recorded before). */
export function SiteFormModal({
  existing,
  onClose,
  onSaved,
}: {
  existing?: SiteDto;
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useT();
  const initialValues: Form = {
    code: existing?.code ?? '',
    name: existing?.name ?? '',
    nameLatin: existing?.nameLatin ?? '',
    regionCode: existing?.regionCode ?? null,
    city: existing?.city ?? '',
  };
  const { form, onSubmit, busy, error, unshown } = useServerForm({
    initialValues,
    submit: (v) => {
      const body: SiteInput = { code: v.code.trim(), name: v.name.trim(), regionCode: v.regionCode };
      if (v.nameLatin.trim()) body.nameLatin = v.nameLatin.trim();
      if (v.city.trim()) body.city = v.city.trim();
      return existing ? endpoints.siteWrites.update(existing.id, body) : endpoints.siteWrites.create(body);
    },
    invalidates: [keys.sites],
    onSuccess: onSaved,
  });
  const text = (k: Exclude<keyof Form, 'regionCode'>) => ({ ...form.getInputProps(k), name: k });
  return (
    <Modal opened onClose={onClose} title={t(existing ? 'sites.edit' : 'sites.new')} centered size="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {error && <ErrorAlert error={error} unshown={unshown} />}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('site.code')} required dir="ltr" classNames={{ input: 'nm-mono' }} {...text('code')} />
            <TextInput label={t('site.name')} required dir="auto" {...text('name')} />
            <TextInput label={t('site.nameLatin')} dir="ltr" {...text('nameLatin')} />
            <RegionSelect
              name="regionCode"
              {...form.getInputProps('regionCode')}
              onChange={(v) => form.setFieldValue('regionCode', v)}
            />
            <CityAutocomplete label={t('site.city')} regionCode={form.values.regionCode} {...text('city')} />
          </SimpleGrid>
          <FormActions busy={busy} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
