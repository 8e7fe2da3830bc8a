import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/http';
import type { PartnerDto, PartnerInput, PartnerKind } from '../../api/types';
import { PARTNER_KINDS } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useEnumOptions } from '../../components/useEnumOptions';
import { useFieldErrors } from '../../components/useFieldErrors';
import { toLatinDigits } from '../../i18n/format';
import { useT } from '../../prefs/PreferencesProvider';

const KNOWN = ['name', 'nameLatin', 'kind', 'city', 'contactPerson', 'phone', 'email'];

/** A school, family-business centre or association that refers beneficiaries or distributes devices. */
export function PartnerFormModal({ onClose, onSaved }: { onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const options = useEnumOptions();
  const errors = useFieldErrors();
  const [form, setForm] = useState<Required<PartnerInput>>({ name: '', nameLatin: '', kind: 'family_centre', city: '', contactPerson: '', phone: '', email: '' });
  const [busy, setBusy] = useState(false);
  const text = (k: Exclude<keyof PartnerInput, 'kind'>) => ({
    value: form[k], error: errors.field(k), name: k,
    // Read the value now: the updater runs later, when the event's currentTarget is already gone.
    onChange: (e: { currentTarget: HTMLInputElement }) => { const v = e.currentTarget.value; setForm((f) => ({ ...f, [k]: v })); },
  });
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const body: PartnerInput = { name: form.name.trim(), kind: form.kind };
    for (const k of ['nameLatin', 'city', 'contactPerson', 'email'] as const) if (form[k].trim()) body[k] = form[k].trim();
    if (form.phone.trim()) body.phone = toLatinDigits(form.phone.trim());
    setBusy(true);
    errors.clear();
    try {
      await api<PartnerDto>('/api/partners', { method: 'POST', body });
      onSaved();
    } catch (err) {
      errors.setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={t('partners.new')} centered size="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {errors.error !== null && <ErrorAlert error={errors.error} unshown={errors.unshown(KNOWN)} />}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('partner.name')} required {...text('name')} />
            <TextInput label={t('partner.nameLatin')} dir="ltr" {...text('nameLatin')} />
            <Select label={t('partner.kind')} data={options('partnerKind', PARTNER_KINDS)} value={form.kind} allowDeselect={false}
              onChange={(v) => setForm((f) => ({ ...f, kind: (v ?? 'other') as PartnerKind }))} error={errors.field('kind')} />
            <TextInput label={t('partner.city')} {...text('city')} />
            <TextInput label={t('partner.contactPerson')} {...text('contactPerson')} />
            <TextInput label={t('partner.phone')} type="tel" dir="ltr" inputMode="tel" {...text('phone')} />
            <TextInput label={t('partner.email')} type="email" dir="ltr" {...text('email')} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('action.cancel')}</Button>
            <Button type="submit" loading={busy}>{t('action.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
