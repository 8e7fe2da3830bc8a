import { Anchor, Badge, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
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
      <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="md">
        <Paper withBorder p="md">
          <Title order={2} fz="lg" mb="xs">
            {t('queue.pledges')}{' '}
            <Badge variant="light">{fmt.number(data.totals?.pledges ?? data.pledges.length)}</Badge>
          </Title>
          {data.pledges.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t('queue.noPledges')}
            </Text>
          ) : (
            <div className="nm-table-wrap">
              <Table highlightOnHover verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('donation.code')}</Table.Th>
                    <Table.Th>{t('donation.donor')}</Table.Th>
                    <Table.Th>{t('donation.items')}</Table.Th>
                    <Table.Th>{t('donation.preferredPickup')}</Table.Th>
                    <Table.Th>{t('queue.age')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.pledges.map((p) => (
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
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          )}
          <MoreWaiting shown={data.pledges.length} total={data.totals?.pledges} />
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} fz="lg" mb="xs">
            {t('queue.devices')}{' '}
            <Badge variant="light">{fmt.number(data.totals?.devices ?? data.devices.length)}</Badge>
          </Title>
          {data.devices.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t('queue.noDevices')}
            </Text>
          ) : (
            <div className="nm-table-wrap">
              <Table highlightOnHover verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('device.assetTag')}</Table.Th>
                    <Table.Th>{t('device.type')}</Table.Th>
                    <Table.Th>{t('device.model')}</Table.Th>
                    <Table.Th>{t('device.donation')}</Table.Th>
                    <Table.Th>{t('queue.age')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.devices.map((d) => (
                    <Table.Tr key={d.id}>
                      <DeviceIdentityCells device={d} />
                      <DonationCodeCell donationId={d.donationId} donationCode={d.donationCode} />
                      <Table.Td>
                        <AgeBadge days={d.ageDays} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          )}
          <MoreWaiting shown={data.devices.length} total={data.totals?.devices}>
            <Anchor component={Link} to="/devices?status=intake" size="sm">
              {t('queue.seeAllDevices')}
            </Anchor>
          </MoreWaiting>
        </Paper>
      </SimpleGrid>
    </>
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
