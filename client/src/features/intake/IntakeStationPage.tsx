import { Anchor, Group, Paper, Text } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { DeviceDto, DonationDto, IntakeDeviceInput } from '../../api/types';
import { useQuery } from '@tanstack/react-query';
import { endpoints } from '../../api/endpoints';
import { FullPageLoader } from '../../components/FullPageLoader';
import { DonationStatusBadge } from '../../components/Labels';
import { Ltr } from '../../components/Ltr';
import { PageHeader } from '../../components/PageHeader';
import { usePrefs } from '../../prefs/PreferencesProvider';
import { DonationPicker } from './DonationPicker';
import { loadRecent, saveRecent, type RecentDevice } from './recentIntake';

// The device form and the recent list (with @mantine/form, the grid, the table) are a chunk of their own: the screen
// a technician lands on shows only the donation picker. The chunk is fetched as soon as the pointer or the focus
// reaches the picker, and at once when the address already names a donation.
let benchModule: Promise<typeof import('./IntakeBench')> | undefined;
const loadBench = () => (benchModule ??= import('./IntakeBench'));
const IntakeBench = lazy(loadBench);
const prefetchBench = () => {
  void loadBench();
};

/** The intake bench: choose the donation once (kept in the URL), then add device after device. */
export default function IntakeStationPage() {
  const { t, fmt } = usePrefs();
  const [params, setParams] = useSearchParams();
  const donationId = Number(params.get('donation')) || null;
  const { data: donation } = useQuery({ ...endpoints.donations.get(donationId ?? 0), enabled: Boolean(donationId) });
  const [recent, setRecent] = useState<RecentDevice[]>(() => (donationId ? loadRecent(donationId) : []));
  const [added, setAdded] = useState(0);
  // Another donation chosen: its own recent list, and the count starts again.
  const [shownFor, setShownFor] = useState(donationId);
  if (shownFor !== donationId) {
    setShownFor(donationId);
    setRecent(donationId ? loadRecent(donationId) : []);
    setAdded(0);
  }

  const choose = (d: DonationDto | null) => setParams(d ? { donation: String(d.id) } : {}, { replace: true });

  const onAdded = (device: DeviceDto, input: IntakeDeviceInput) => {
    if (!donationId) return;
    const item: RecentDevice = {
      id: device.id,
      assetTag: device.assetTag,
      type: device.type,
      at: device.createdAt ?? new Date().toISOString(),
      manufacturer: device.manufacturer ?? input.manufacturer ?? '',
      model: device.model ?? input.model ?? '',
      serialNumber: device.serialNumber ?? input.serialNumber ?? '',
    };
    setRecent((prev) => {
      const next = [item, ...prev];
      saveRecent(donationId, next);
      return next;
    });
    setAdded((n) => n + 1);
  };

  return (
    <>
      <PageHeader title={t('intake.title')} />
      <Paper withBorder p="md" mb="md" onPointerEnter={prefetchBench} onFocus={prefetchBench}>
        <DonationPicker value={donationId} onChange={choose} />
        {donation && (
          <Group gap="sm" mt="sm" wrap="wrap">
            <Anchor component={Link} to={`/donations/${donation.id}`}>
              <Ltr mono>{donation.code}</Ltr>
            </Anchor>
            <Text size="sm">{donation.donorName}</Text>
            <DonationStatusBadge status={donation.status} />
            <Text size="sm" c="dimmed">
              {t('intake.counts', {
                received: donation.receivedCount + added,
                expected: typeof donation.expectedCount === 'number' ? fmt.number(donation.expectedCount) : '—',
              })}
            </Text>
          </Group>
        )}
      </Paper>
      {donationId ? (
        <Suspense fallback={<FullPageLoader />}>
          <IntakeBench donationId={donationId} recent={recent} onAdded={onAdded} />
        </Suspense>
      ) : (
        <Text c="dimmed">{t('intake.chooseFirst')}</Text>
      )}
    </>
  );
}
