import { Anchor, Group, SegmentedControl, Select, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { NEEDS } from '../../api/types';
import type { WaitlistItemDto } from '../../api/types';
import { useQuery } from '@tanstack/react-query';
import { endpoints } from '../../api/endpoints';
import { PagedList } from '../../components/PagedList';
import { useEnumLabel } from '../../components/Labels';
import { PageHeader } from '../../components/PageHeader';
import { useEnumOptions } from '../../components/useEnumOptions';
import { useQueryParams } from '../../components/useQueryParams';
import { usePrefs } from '../../prefs/PreferencesProvider';
import { BeneficiaryStatusBadge } from '../beneficiaries/BeneficiaryStatusBadge';
import { PriorityBreakdown } from '../beneficiaries/PriorityBreakdown';
import { TableScroll } from '../../components/TableScroll';
import { Busy } from '../../components/Busy';

/**
 * An institution's place in the list (GET /api/waitlist?kind=institution, spec §13): by the day it asked, then by
 * the devices it asked for, while it still needs some (`item.institution`).
 */
type InstitutionItem = WaitlistItemDto;

/**
 * Two lists: families and students by priority, each score broken down so the order can be explained; institutions
 * (no family score) by request date, with what they asked for, received and still need.
 */
export default function WaitlistPage() {
  const { t, fmt } = usePrefs();
  const label = useEnumLabel();
  const options = useEnumOptions();
  const { values, page, set } = useQueryParams(['need', 'kind'] as const);
  const institutions = values.kind === 'institution';
  const list = useQuery(
    endpoints.waitlist({ need: values.need, kind: institutions ? 'institution' : undefined, page, pageSize: 25 }),
  );
  return (
    <>
      <PageHeader title={t('waitlist.title')}>{list.isFetching && <Busy />}</PageHeader>
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
        <SegmentedControl
          value={institutions ? 'institution' : 'people'}
          onChange={(v) => set({ kind: v === 'institution' ? 'institution' : null })}
          aria-label={t('beneficiary.kind')}
          data-testid="waitlist-kind"
          data={[
            { value: 'people', label: t('waitlist.people') },
            { value: 'institution', label: t('waitlist.institutions') },
          ]}
        />
        <Select
          label={t('beneficiary.need')}
          placeholder={t('list.all')}
          clearable
          data={options('need', NEEDS)}
          value={values.need || null}
          onChange={(need) => set({ need })}
          w={180}
        />
        <Text size="sm" c="dimmed" style={{ flex: '1 1 260px' }}>
          {institutions ? t('waitlist.institutionsIntro') : t('waitlist.intro')}
        </Text>
      </Group>
      <PagedList query={list} onPage={(p) => set({ page: p })} empty={t('waitlist.empty')}>
        {(items, result) =>
          institutions ? (
            <TableScroll label={t('waitlist.institutions')}>
              <Table verticalSpacing="sm" data-testid="waitlist-institutions">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('waitlist.rank')}</Table.Th>
                    <Table.Th>{t('institution.name')}</Table.Th>
                    <Table.Th>{t('institution.requestedDevices')}</Table.Th>
                    <Table.Th>{t('institution.received')}</Table.Th>
                    <Table.Th>{t('institution.outstanding')}</Table.Th>
                    <Table.Th>{t('institution.requestedAt')}</Table.Th>
                    <Table.Th>{t('beneficiary.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {(items as InstitutionItem[]).map((item) => {
                    const b = item.beneficiary;
                    const figures = item.institution;
                    const requested = figures?.requestedDevices ?? b.institution?.requestedDevices;
                    const received = figures?.devicesReceived ?? b.institution?.devicesReceived;
                    return (
                      <Table.Tr key={b.id}>
                        <Table.Td>{fmt.number(item.rank)}</Table.Td>
                        <Table.Td>
                          <Anchor component={Link} to={`/beneficiaries/${b.id}`}>
                            {b.name}
                          </Anchor>
                          <Text size="xs" c="dimmed">
                            {label('institutionType', b.institution?.type)}
                            {b.city ? ` · ${b.city}` : ''}
                          </Text>
                        </Table.Td>
                        <Table.Td>{requested === undefined ? '—' : fmt.number(requested)}</Table.Td>
                        <Table.Td>{received === undefined ? '—' : fmt.number(received)}</Table.Td>
                        <Table.Td>
                          <Text fw={600} size="sm">
                            {figures
                              ? fmt.number(figures.outstanding)
                              : requested !== undefined && received !== undefined
                                ? fmt.number(Math.max(0, requested - received))
                                : '—'}
                          </Text>
                        </Table.Td>
                        <Table.Td className="nm-nowrap">{fmt.date(figures?.requestedAt ?? b.createdAt)}</Table.Td>
                        <Table.Td>
                          <BeneficiaryStatusBadge status={b.status} />
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </TableScroll>
          ) : (
            <TableScroll label={t('waitlist.title')}>
              <Table verticalSpacing="sm" data-testid="waitlist-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('waitlist.rank')}</Table.Th>
                    <Table.Th>{t('beneficiary.name')}</Table.Th>
                    <Table.Th>{t('beneficiary.need')}</Table.Th>
                    <Table.Th>{t('beneficiary.status')}</Table.Th>
                    <Table.Th>{t('priority.score')}</Table.Th>
                    <Table.Th style={{ minWidth: 240 }}>{t('priority.breakdown')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((item) => (
                    <Table.Tr key={item.beneficiary.id}>
                      <Table.Td>{fmt.number(item.rank)}</Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={`/beneficiaries/${item.beneficiary.id}`}>
                          {item.beneficiary.name}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {label('beneficiaryKind', item.beneficiary.kind)}
                          {item.beneficiary.city ? ` · ${item.beneficiary.city}` : ''}
                        </Text>
                      </Table.Td>
                      <Table.Td>{label('need', item.beneficiary.need)}</Table.Td>
                      <Table.Td>
                        <BeneficiaryStatusBadge status={item.beneficiary.status} />
                      </Table.Td>
                      <Table.Td>
                        <Text fw={600}>{fmt.number(item.score)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <PriorityBreakdown breakdown={item.breakdown} weights={result.weights ?? undefined} compact />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          )
        }
      </PagedList>
    </>
  );
}
