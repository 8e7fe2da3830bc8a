import { Anchor, Badge, Button, Group, SegmentedControl, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { distribution } from '../../api/distribution';
import { MANAGERS } from '../../api/types';
import { useUser } from '../../auth/AuthProvider';
import { Busy } from '../../components/Busy';
import { IconPlus } from '../../components/icons';
import { Ltr } from '../../components/Ltr';
import { PagedList } from '../../components/PagedList';
import { PageHeader } from '../../components/PageHeader';
import { TableScroll } from '../../components/TableScroll';
import { useQueryParams } from '../../components/useQueryParams';
import { usePrefs } from '../../prefs/PreferencesProvider';
import { BatchStatusBadge } from './BatchStatusBadge';

const PAGE_SIZE = 25;

/** Batches for institutions and partner associations, the ones awaiting their handover first (spec §13). */
export default function BatchListPage() {
  const { t, fmt } = usePrefs();
  const user = useUser();
  const { values, page, set } = useQueryParams(['status'] as const);
  const status = values.status || 'reserved';
  const list = useQuery(
    distribution.batches.list({ status: status === 'all' ? undefined : status, page, pageSize: PAGE_SIZE }),
  );
  return (
    <>
      <PageHeader title={t('batches.title')}>
        {list.isFetching && <Busy />}
        {MANAGERS.includes(user.role) && (
          <Button component={Link} to="/batches/new" leftSection={<IconPlus size={16} />} data-testid="batch-new">
            {t('batches.new')}
          </Button>
        )}
      </PageHeader>
      <Group mb="md">
        <SegmentedControl
          value={status}
          onChange={(v) => set({ status: v === 'reserved' ? null : v })}
          aria-label={t('device.status')}
          data={[
            { value: 'reserved', label: t('batchStatus.reserved') },
            { value: 'handed_over', label: t('batchStatus.handed_over') },
            { value: 'cancelled', label: t('batchStatus.cancelled') },
            { value: 'all', label: t('list.all') },
          ]}
        />
      </Group>
      <PagedList query={list} onPage={(p) => set({ page: p })} empty={t('batches.empty')}>
        {(items) => (
          <TableScroll label={t('batches.title')}>
            <Table striped highlightOnHover verticalSpacing="xs" data-testid="batch-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('batches.code')}</Table.Th>
                  <Table.Th>{t('batches.recipient')}</Table.Th>
                  <Table.Th>{t('batches.deviceCount')}</Table.Th>
                  <Table.Th>{t('device.status')}</Table.Th>
                  <Table.Th>{t('common.created')}</Table.Th>
                  <Table.Th>{t('handover.date')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((b) => (
                  <Table.Tr key={b.id}>
                    <Table.Td className="nm-nowrap">
                      <Anchor component={Link} to={`/batches/${b.id}`}>
                        <Ltr mono>{b.code}</Ltr>
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      {b.recipient.name}
                      <Text size="xs" c="dimmed" component="div">
                        <Badge size="xs" variant="outline" color="gray" me={4}>
                          {t(`batches.kind.${b.recipient.kind}`)}
                        </Badge>
                        {b.recipient.city ?? ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>{t('batches.devicesN', { n: b.deviceCount })}</Table.Td>
                    <Table.Td>
                      <BatchStatusBadge status={b.status} />
                    </Table.Td>
                    <Table.Td className="nm-nowrap">{fmt.date(b.createdAt)}</Table.Td>
                    <Table.Td className="nm-nowrap">{b.handedOverAt ? fmt.date(b.handedOverAt) : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
      </PagedList>
    </>
  );
}
