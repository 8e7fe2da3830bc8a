import { Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { connectivity, SPONSORS_KEY } from '../../api/connectivity';
import type { SponsorDto, SponsorInput } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { useServerForm } from '../../components/useServerForm';
import { toLatinDigits } from '../../i18n/format';
import { useT } from '../../prefs/PreferencesProvider';

type Form = { name: string; nameLatin: string; contactPerson: string; phone: string };

/** A company or foundation that gives SIM data bundles for the families (spec §14): its name and whom to call. */
export function SponsorFormModal({ onClose, onSaved }: { onClose: () => void; onSaved: (s: SponsorDto) => void }) {
  const t = useT();
  const { form, onSubmit, busy, error, unshown } = useServerForm({
    initialValues: { name: '', nameLatin: '', contactPerson: '', phone: '' },
    submit: (v) => {
      const body: SponsorInput = { name: v.name.trim() };
      if (v.nameLatin.trim()) body.nameLatin = v.nameLatin.trim();
      if (v.contactPerson.trim()) body.contactPerson = v.contactPerson.trim();
      if (v.phone.trim()) body.phone = toLatinDigits(v.phone.trim());
      return connectivity.sponsors.create(body);
    },
    invalidates: [SPONSORS_KEY],
    onSuccess: onSaved,
  });
  const text = (k: keyof Form) => ({ ...form.getInputProps(k), name: k });
  return (
    <Modal opened onClose={onClose} title={t('sponsors.new')} centered size="lg">
      <form onSubmit={onSubmit} noValidate data-testid="sponsor-form">
        <Stack>
          {error && <ErrorAlert error={error} unshown={unshown} />}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('sponsor.name')} required data-autofocus {...text('name')} />
            <TextInput label={t('sponsor.nameLatin')} dir="ltr" {...text('nameLatin')} />
            <TextInput label={t('sponsor.contactPerson')} {...text('contactPerson')} />
            <TextInput label={t('sponsor.phone')} type="tel" dir="ltr" inputMode="tel" {...text('phone')} />
          </SimpleGrid>
          <FormActions busy={busy} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
