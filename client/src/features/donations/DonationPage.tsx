import { Anchor, Badge, Button, Divider, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { endpoints } from '../../api/endpoints';
import { useUser } from '../../auth/AuthProvider';
import { MANAGERS, STAFF } from '../../api/types';
import { DEVICE_STATUSES } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { FullPageLoader } from '../../components/FullPageLoader';
import { DonationStatusBadge, useEnumLabel } from '../../components/Labels';
import { Ltr } from '../../components/Ltr';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { usePrefs } from '../../prefs/PreferencesProvider';
import { DeviceTable } from '../devices/DeviceTable';
import { CsvImport } from './CsvImport';
import { DonationDocuments } from './DonationDocuments';
import { DonationStatusActions } from './DonationStatusActions';

export default function DonationPage() {
  const { t, fmt } = usePrefs();
  const label = useEnumLabel();
  const user = useUser();
  const { id } = useParams();
  const donationId = Number(id) || 0;
  const [page, setPage] = useState(1);
  const detail = useQuery(endpoints.donations.get(donationId));
  const devices = useQuery(endpoints.devices.list({ donationId, page, pageSize: 50 }));
  const d = detail.data;
  if (detail.error)
    return (
      <>
        <PageHeader title={t('donation.title')} />
        <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />
      </>
    );
  if (!d) return <FullPageLoader />;
  const counts = DEVICE_STATUSES.filter((s) => (d.devicesByStatus?.[s] ?? 0) > 0);
  return (
    <>
      <PageHeader
        title={
          <Group gap="sm" component="span">
            <Ltr mono>{d.code}</Ltr>
            <DonationStatusBadge status={d.status} />
          </Group>
        }>
        {STAFF.includes(user.role) && d.status !== 'closed' && (
          <Button component={Link} to={`/intake?donation=${d.id}`}>
            {t('donation.startIntake')}
          </Button>
        )}
      </PageHeader>
      <Stack gap="md">
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
            <Field label={t('donation.donor')}>
              <Anchor component={Link} to={`/donors/${d.donorId}`}>
                {d.donorName}
              </Anchor>
            </Field>
            <Field label={t('donation.channel')}>{label('channel', d.channel)}</Field>
            <Field label={t('donation.expected')}>
              {d.expectedCount === null ? null : fmt.number(d.expectedCount)}
            </Field>
            <Field label={t('donation.received')}>{fmt.number(d.receivedCount)}</Field>
            <Field label={t('common.created')}>{fmt.dateTime(d.createdAt)}</Field>
            <Field label={t('donation.preferredPickup')}>
              {d.preferredPickupDate && fmt.day(d.preferredPickupDate)}
            </Field>
            <Field label={t('donation.scheduledPickup')}>
              {d.scheduledPickupDate && fmt.day(d.scheduledPickupDate)}
            </Field>
            <Field label={t('donation.receivedAt')}>{d.receivedAt && fmt.dateTime(d.receivedAt)}</Field>
          </SimpleGrid>
          {d.notes && (
            <>
              <Divider my="sm" />
              <Field label={t('donation.notes')}>{d.notes}</Field>
            </>
          )}
          {d.pledgeItems?.length > 0 && (
            <>
              <Divider my="sm" />
              <Text size="xs" c="dimmed">
                {t('donation.items')}
              </Text>
              {d.pledgeItems.map((i, n) => (
                <Text size="sm" key={n}>
                  {fmt.number(i.count)} × {label('deviceType', i.type)}
                  {i.description ? ` — ${i.description}` : ''}
                </Text>
              ))}
            </>
          )}
          {MANAGERS.includes(user.role) && (
            <>
              <Divider my="sm" />
              <DonationStatusActions donation={d} />
            </>
          )}
        </Paper>
        <DonationDocuments donation={d} hasDevices={d.receivedCount > 0 || (devices.data?.total ?? 0) > 0} />
        <Paper withBorder p="md">
          <Group justify="space-between" mb="xs" wrap="wrap">
            <Title order={2} fz="lg">
              {t('devices.title')}
            </Title>
            <Group gap={6} wrap="wrap">
              {counts.map((s) => (
                <Badge
                  key={s}
                  variant="light"
                  component={Link}
                  to={`/devices?donationId=${d.id}&status=${s}`}
                  style={{ cursor: 'pointer' }}>
                  {label('deviceStatus', s)}: {fmt.number(d.devicesByStatus[s] ?? 0)}
                </Badge>
              ))}
            </Group>
          </Group>
          {devices.error ? (
            <ErrorAlert error={devices.error} onRetry={() => void devices.refetch()} />
          ) : (
            devices.data && (
              <>
                <DeviceTable devices={devices.data.items} showDonation={false} />
                <Pager
                  total={devices.data.total}
                  page={devices.data.page}
                  pageSize={devices.data.pageSize}
                  onPage={setPage}
                />
              </>
            )
          )}
          {STAFF.includes(user.role) && d.status !== 'closed' && (
            <>
              <Divider my="md" />
              <CsvImport donationId={d.id} />
            </>
          )}
        </Paper>
      </Stack>
    </>
  );
}
