import { Anchor, Badge, Button, Group, SegmentedControl, Table } from '@mantine/core';
import { Link } from 'react-router';
import type { AllocationStatus } from '../../api/types';
import { useQuery } from '@tanstack/react-query';
import { endpoints } from '../../api/endpoints';
import { PagedList } from '../../components/PagedList';
import { useEnumLabel } from '../../components/Labels';
import { Ltr } from '../../components/Ltr';
import { PageHeader } from '../../components/PageHeader';
import { useQueryParams } from '../../components/useQueryParams';
import { usePrefs } from '../../prefs/PreferencesProvider';
import { TableScroll } from '../../components/TableScroll';
import { Busy } from '../../components/Busy';

const STATUS_COLORS: Record<AllocationStatus, string> = { reserved: 'cyan', handed_over: 'green', cancelled: 'gray' };
const PAGE_SIZE = 20;

/** An allocation names its beneficiary by id only; the name is looked up per row (a page holds at most 20). */
function BeneficiaryName({ id }: { id: number }) {
  const { data } = useQuery(endpoints.beneficiaries.get(id));
  return (
    <Anchor component={Link} to={`/beneficiaries/${id}`}>
      {data?.name ?? `#${id}`}
    </Anchor>
  );
}

/** Reservations waiting for their handover first (the default filter), then everything else. */
export default function AllocationListPage() {
  const { t, fmt } = usePrefs();
  const label = useEnumLabel();
  const { values, page, set } = useQueryParams(['status'] as const);
  const status = values.status || 'reserved';
  const list = useQuery(
    endpoints.allocations.list({ status: status === 'all' ? undefined : status, page, pageSize: PAGE_SIZE }),
  );
  return (
    <>
      <PageHeader title={t('allocations.title')}>
        {list.isFetching && <Busy />}
        <Button component={Link} to="/allocation" variant="light">
          {t('nav.allocation')}
        </Button>
      </PageHeader>
      <Group mb="md">
        <SegmentedControl
          value={status}
          onChange={(v) => set({ status: v === 'reserved' ? null : v })}
          aria-label={t('beneficiary.status')}
          data={[
            { value: 'reserved', label: label('allocationStatus', 'reserved') },
            { value: 'handed_over', label: label('allocationStatus', 'handed_over') },
            { value: 'cancelled', label: label('allocationStatus', 'cancelled') },
            { value: 'all', label: t('list.all') },
          ]}
        />
      </Group>
      <PagedList query={list} onPage={(p) => set({ page: p })}>
        {(items) => (
          <TableScroll label={t('allocations.title')}>
            <Table striped highlightOnHover verticalSpacing="xs" data-testid="allocation-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('device.assetTag')}</Table.Th>
                  <Table.Th>{t('beneficiary.title')}</Table.Th>
                  <Table.Th>{t('beneficiary.status')}</Table.Th>
                  <Table.Th>{t('allocation.reservedAt')}</Table.Th>
                  <Table.Th>{t('handover.date')}</Table.Th>
                  <Table.Th>
                    <span className="nm-sr">{t('action.open')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td className="nm-nowrap">
                      <Anchor component={Link} to={`/devices/${a.deviceId}`}>
                        <Ltr mono>{a.assetTag ?? `#${a.deviceId}`}</Ltr>
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <BeneficiaryName id={a.beneficiaryId} />
                    </Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLORS[a.status]} variant="light">
                        {label('allocationStatus', a.status)}
                      </Badge>
                    </Table.Td>
                    <Table.Td className="nm-nowrap">{fmt.date(a.createdAt)}</Table.Td>
                    <Table.Td className="nm-nowrap">{a.handedOverAt ? fmt.date(a.handedOverAt) : '—'}</Table.Td>
                    <Table.Td>
                      <Button
                        component={Link}
                        to={`/allocations/${a.id}`}
                        size="xs"
                        variant={a.status === 'reserved' ? 'filled' : 'light'}>
                        {a.status === 'reserved' ? t('allocation.openHandover') : t('action.open')}
                      </Button>
                    </Table.Td>
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
