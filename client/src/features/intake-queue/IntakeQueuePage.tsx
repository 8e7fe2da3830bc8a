import { Anchor, Badge, SimpleGrid, Table, Text } from '@mantine/core';
import { Suspense, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { endpoints } from '../../api/endpoints';
import { AgeBadge } from '../../components/AgeBadge';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FullPageLoader } from '../../components/FullPageLoader';
import { useEnumLabel } from '../../components/Labels';
import { Ltr } from '../../components/Ltr';
import { DeviceIdentityCells, DonationCodeCell } from '../../components/DeviceCells';
import { PageHeader } from '../../components/PageHeader';
import { usePrefs } from '../../prefs/PreferencesProvider';
import { TitledCard } from '../../components/TitledCard';
import { laterScreen } from '../../components/laterScreen';

// The first hour's guide: its own chunk (with the later screens' messages), fetched only when the queue is empty, so
// the screen most people land on carries none of it.
const FirstSteps = laterScreen(() => import('../../components/FirstSteps'));

export default function IntakeQueuePage() {
  const { t, fmt } = usePrefs();
  const label = useEnumLabel();
  const { data, error, isFetching, refetch } = useQuery(endpoints.intakeQueue());
  if (error)
    return (
      <>
        <PageHeader title={t('queue.title')} />
        <ErrorAlert error={error} onRetry={() => void refetch()} />
      </>
    );
  if (isFetching || !data) return <FullPageLoader />;
  return (
    <>
      <PageHeader title={t('queue.title')} />
      {(data.totals?.pledges ?? data.pledges.length) === 0 && (data.totals?.devices ?? data.devices.length) === 0 && (
        <Suspense fallback={null}>
          <FirstSteps until="intake" />
        </Suspense>
      )}
      <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="md">
        <QueuePanel
          title={t('queue.pledges')}
          total={data.totals?.pledges ?? data.pledges.length}
          emptyText={t('queue.noPledges')}
          headers={[
            t('donation.code'),
            t('donation.donor'),
            t('donation.items'),
            t('donation.preferredPickup'),
            t('queue.age'),
          ]}
          rows={data.pledges.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td className="nm-nowrap">
                <Anchor component={Link} to={`/donations/${p.id}`}>
                  <Ltr mono>{p.code}</Ltr>
                </Anchor>
              </Table.Td>
              <Table.Td>{p.donorName}</Table.Td>
              <Table.Td>
                {(p.pledgeItems ?? [])
                  .map((i) => `${fmt.number(i.count)} × ${label('deviceType', i.type)}`)
                  .join(t('common.listSep')) || '—'}
              </Table.Td>
              <Table.Td className="nm-nowrap">{fmt.day(p.preferredPickupDate)}</Table.Td>
              <Table.Td>
                <AgeBadge days={p.ageDays} />
              </Table.Td>
            </Table.Tr>
          ))}>
          <MoreWaiting shown={data.pledges.length} total={data.totals?.pledges} />
        </QueuePanel>
        <QueuePanel
          title={t('queue.devices')}
          total={data.totals?.devices ?? data.devices.length}
          emptyText={t('queue.noDevices')}
          headers={[t('device.assetTag'), t('device.type'), t('device.model'), t('device.donation'), t('queue.age')]}
          rows={data.devices.map((d) => (
            <Table.Tr key={d.id}>
              <DeviceIdentityCells device={d} />
              <DonationCodeCell donationId={d.donationId} donationCode={d.donationCode} />
              <Table.Td>
                <AgeBadge days={d.ageDays} />
              </Table.Td>
            </Table.Tr>
          ))}>
          <MoreWaiting shown={data.devices.length} total={data.totals?.devices}>
            <Anchor component={Link} to="/devices?status=intake" size="sm">
              {t('queue.seeAllDevices')}
            </Anchor>
          </MoreWaiting>
        </QueuePanel>
      </SimpleGrid>
    </>
  );
}

/** One side of the queue: its title and total, a table of the oldest waiting (or a line saying none are), then children. */
function QueuePanel({
  title,
  total,
  emptyText,
  headers,
  rows,
  children,
}: {
  title: string;
  total: number;
  emptyText: string;
  headers: string[];
  rows: ReactNode[];
  children: ReactNode;
}) {
  const { fmt } = usePrefs();
  return (
    <TitledCard
      title={
        <>
          {title} <Badge variant="light">{fmt.number(total)}</Badge>
        </>
      }>
      {rows.length === 0 ? (
        <Text c="dimmed" size="sm">
          {emptyText}
        </Text>
      ) : (
        <div className="nm-table-wrap">
          <Table highlightOnHover verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                {headers.map((h) => (
                  <Table.Th key={h}>{h}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>{rows}</Table.Tbody>
          </Table>
        </div>
      )}
      {children}
    </TitledCard>
  );
}

/** The queue lists only the oldest (the server's limit): say so when more are waiting. */
function MoreWaiting({ shown, total, children }: { shown: number; total?: number; children?: ReactNode }) {
  const { t } = usePrefs();
  if (total === undefined || total <= shown) return null;
  return (
    <Text c="dimmed" size="sm" mt="xs">
      {t('queue.oldestShown', { shown, total })} {children}
    </Text>
  );
}
