import { Anchor, Badge, Group, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { WorkQueueDto } from '../../api/types';
import { useQuery } from '@tanstack/react-query';
import { endpoints } from '../../api/endpoints';
import { AgeBadge } from '../../components/AgeBadge';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FullPageLoader } from '../../components/FullPageLoader';
import { useEnumLabel } from '../../components/Labels';
import { Ltr } from '../../components/Ltr';
import { AssetTagCell } from '../../components/DeviceCells';
import { PageHeader } from '../../components/PageHeader';
import { usePrefs } from '../../prefs/PreferencesProvider';
import { Busy } from '../../components/Busy';
import { useAuth } from '../../auth/AuthProvider';
import { STAFF } from '../../api/types';
import { AwaitingConfirmation } from './AwaitingConfirmation';

const LIMIT = 5;

function QueueCard({ queue }: { queue: WorkQueueDto }) {
  const { t, fmt } = usePrefs();
  const label = useEnumLabel();
  return (
    <Paper withBorder p="md" data-testid={`queue-${queue.status}`}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={2} fz="lg">
          {label('deviceStatus', queue.status)}
        </Title>
        <Badge size="lg" variant="light" aria-label={t('wq.countLabel', { n: queue.count })}>
          {fmt.number(queue.count)}
        </Badge>
      </Group>
      {queue.oldest.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('wq.empty')}
        </Text>
      ) : (
        <Table verticalSpacing={4} highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('device.assetTag')}</Table.Th>
              <Table.Th>{t('device.model')}</Table.Th>
              <Table.Th>{t('queue.age')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {queue.oldest.map((d) => (
              <Table.Tr key={d.id}>
                <AssetTagCell device={d} />
                <Table.Td>
                  <Text size="sm" lineClamp={1}>
                    {label('deviceType', d.type)}
                    {d.model ? (
                      <>
                        {' '}
                        · <Ltr>{d.model}</Ltr>
                      </>
                    ) : null}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <AgeBadge days={d.ageDays} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {queue.count > queue.oldest.length && (
        <Anchor component={Link} to={`/devices?status=${queue.status}`} size="sm" mt="xs" display="inline-block">
          {t('wq.viewAll', { n: queue.count })}
        </Anchor>
      )}
    </Paper>
  );
}

/** The workshop's to-do lists: per stage, how many devices wait and the ones waiting longest, each opening its page. */
export default function WorkQueuesPage() {
  const { t } = usePrefs();
  const { state } = useAuth();
  const staff = state.status === 'signed-in' && STAFF.includes(state.user.role);
  const { data, error, isFetching: loading, refetch } = useQuery(endpoints.workQueues({ limit: LIMIT }));
  const reload = () => void refetch();
  if (error && !data)
    return (
      <>
        <PageHeader title={t('wq.title')} />
        <ErrorAlert error={error} onRetry={reload} />
      </>
    );
  if (!data) return <FullPageLoader />;
  return (
    <>
      <PageHeader title={t('wq.title')}>{loading && <Busy />}</PageHeader>
      <Text size="sm" c="dimmed" mb="md">
        {t('wq.intro')}
      </Text>
      {staff && <AwaitingConfirmation />}
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
        {data.queues.map((q) => (
          <QueueCard key={q.status} queue={q} />
        ))}
      </SimpleGrid>
    </>
  );
}
