import { Button, Group } from '@mantine/core';
import { endpoints, keys } from '../../api/endpoints';
import type { DonationDto, DonationPatch, DonationStatus } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useServerForm } from '../../components/useServerForm';
import { useT } from '../../prefs/PreferencesProvider';
import { DateField } from '../../components/DateField';

/** The next steps of pledged → scheduled → received → closed that make sense from where the donation is. */
const NEXT: Record<DonationStatus, DonationStatus[]> = {
  pledged: ['scheduled', 'received'],
  scheduled: ['received'],
  received: ['closed'],
  closed: [],
};

export function DonationStatusActions({ donation }: { donation: DonationDto }) {
  const t = useT();
  const { form, mutation, busy, error, unshown } = useServerForm({
    initialValues: {
      status: donation.status,
      scheduledPickupDate:
        donation.scheduledPickupDate?.slice(0, 10) ?? donation.preferredPickupDate?.slice(0, 10) ?? '',
    },
    submit: (v) => {
      const body: DonationPatch = { status: v.status };
      if (v.status === 'scheduled' && v.scheduledPickupDate) body.scheduledPickupDate = v.scheduledPickupDate;
      return endpoints.donations.update(donation.id, body);
    },
    invalidates: [keys.donations, keys.donors, keys.intakeQueue, keys.reports],
    known: ['scheduledPickupDate'],
  });
  const next = NEXT[donation.status] ?? [];
  if (next.length === 0) return null;
  const moving = busy ? mutation.variables?.status : null;

  return (
    <div>
      <Group align="flex-end" gap="sm" wrap="wrap">
        {next.includes('scheduled') && (
          <DateField label={t('donation.scheduledPickup')} {...form.getInputProps('scheduledPickupDate')} />
        )}
        {next.map((s) => (
          <Button
            key={s}
            variant={s === 'closed' ? 'default' : 'filled'}
            loading={moving === s}
            onClick={() => mutation.mutate({ ...form.getValues(), status: s })}>
            {t(`donation.to.${s}`)}
          </Button>
        ))}
      </Group>
      {error && (
        <div style={{ marginTop: 8 }}>
          <ErrorAlert error={error} unshown={unshown} />
        </div>
      )}
    </div>
  );
}
