import { Button, Group, TextInput } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api/http';
import type { DonationDto, DonationPatch, DonationStatus } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFieldErrors } from '../../components/useFieldErrors';
import { useT } from '../../prefs/PreferencesProvider';

/** The next steps of pledged → scheduled → received → closed that make sense from where the donation is. */
const NEXT: Record<DonationStatus, DonationStatus[]> = {
  pledged: ['scheduled', 'received'], scheduled: ['received'], received: ['closed'], closed: [],
};

export function DonationStatusActions({ donation, onChanged }: { donation: DonationDto; onChanged: () => void }) {
  const t = useT();
  const errors = useFieldErrors();
  const [pickup, setPickup] = useState(donation.scheduledPickupDate?.slice(0, 10) ?? donation.preferredPickupDate?.slice(0, 10) ?? '');
  const [busy, setBusy] = useState<DonationStatus | null>(null);
  const next = NEXT[donation.status] ?? [];
  if (next.length === 0) return null;

  const move = async (status: DonationStatus) => {
    const body: DonationPatch = { status };
    if (status === 'scheduled' && pickup) body.scheduledPickupDate = pickup;
    setBusy(status);
    errors.clear();
    try {
      await api<DonationDto>(`/api/donations/${donation.id}`, { method: 'PATCH', body });
      onChanged();
    } catch (err) {
      errors.setError(err);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div>
      <Group align="flex-end" gap="sm" wrap="wrap">
        {next.includes('scheduled') && (
          <TextInput type="date" label={t('donation.scheduledPickup')} value={pickup} onChange={(e) => setPickup(e.currentTarget.value)}
            error={errors.field('scheduledPickupDate')} dir="ltr" />
        )}
        {next.map((s) => (
          <Button key={s} variant={s === 'closed' ? 'default' : 'filled'} loading={busy === s} onClick={() => { void move(s); }}>
            {t(`donation.to.${s}`)}
          </Button>
        ))}
      </Group>
      {errors.error !== null && <div style={{ marginTop: 8 }}><ErrorAlert error={errors.error} unshown={errors.unshown(['scheduledPickupDate'])} /></div>}
    </div>
  );
}
