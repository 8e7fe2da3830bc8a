import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { Link } from 'react-router';
import { endpoints } from '../../api/endpoints';
import { distribution } from '../../api/distribution';
import type { CustodyDeviceDto } from '../../api/types';
import { deviceModelName } from '../../components/DeviceCells';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useEnumLabel } from '../../components/Labels';
import { Ltr } from '../../components/Ltr';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { TableScroll } from '../../components/TableScroll';
import { TitledCard } from '../../components/TitledCard';
import { Busy } from '../../components/Busy';
import { usePrefs } from '../../prefs/PreferencesProvider';
import { BeneficiaryStatusBadge } from '../beneficiaries/BeneficiaryStatusBadge';
import { certificateUrl } from '../allocation/HandoverOutcome';
import { ReturnFromCustodyForm } from './ReturnFromCustody';
import { HANDOVER_STATUSES } from './partnerHandover';
import { isolate } from '../../i18n/isolate';

const PAGE_SIZE = 25;

/** A figure at the top of the page: what the association holds, follows and has handed on. */
function Figure({ label, value, testId }: { label: string; value: number | undefined; testId: string }) {
  const { fmt } = usePrefs();
  return (
    <Paper withBorder p={{ base: 'xs', sm: 'md' }} data-testid={testId}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={{ base: 22, sm: 28 }} fw={600}>
        {value === undefined ? '—' : fmt.number(value)}
      </Text>
    </Paper>
  );
}

/** "RAM 8 GB · 256 GB" from what the workshop recorded, for telling two devices of one model apart. */
function specs(d: CustodyDeviceDto, gb: (n: number) => string): string {
  return [d.ramGb ? `RAM ${gb(d.ramGb)}` : null, d.storageGb ? gb(d.storageGb) : null].filter(Boolean).join(' · ');
}

function DevicesCard() {
  const { t, fmt } = usePrefs();
  const label = useEnumLabel();
  const [page, setPage] = useState(1);
  const list = useQuery({
    ...distribution.custody.list({ page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const gb = (n: number) => t('partnerHome.gb', { n });
  // The device whose return is being written, its form in a row under it.
  const [returning, setReturning] = useState<number | null>(null);
  return (
    <TitledCard title={t('partnerHome.devices')} data-testid="partner-devices">
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('partnerHome.noDevices')}
        </Text>
      )}
      {list.data && list.data.items.length > 0 && (
        <TableScroll label={t('partnerHome.devices')}>
          <Table striped verticalSpacing="xs" data-testid="custody-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('device.assetTag')}</Table.Th>
                <Table.Th>{t('device.model')}</Table.Th>
                <Table.Th>{t('device.grade')}</Table.Th>
                <Table.Th>{t('custody.since')}</Table.Th>
                <Table.Th>{t('device.status')}</Table.Th>
                <Table.Th>
                  <span className="nm-sr">{t('partnerHome.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((d) => (
                <Fragment key={d.deviceId}>
                  <Table.Tr data-testid="custody-row" data-tag={d.assetTag}>
                    <Table.Td className="nm-nowrap">
                      <Ltr mono>{d.assetTag}</Ltr>
                    </Table.Td>
                    <Table.Td>
                      <Ltr>{deviceModelName(d)}</Ltr>
                      <Text size="xs" c="dimmed">
                        {label('deviceType', d.type)}
                        {specs(d, gb) ? ' · ' : ''}
                        <Ltr>{specs(d, gb)}</Ltr>
                      </Text>
                    </Table.Td>
                    <Table.Td>{d.grade ?? '—'}</Table.Td>
                    <Table.Td className="nm-nowrap">{fmt.date(d.since)}</Table.Td>
                    <Table.Td>
                      {d.allocationId ? (
                        <Badge color="cyan" variant="light">
                          {t('partnerHome.reservedFor')}
                        </Badge>
                      ) : (
                        <Badge color="teal" variant="light">
                          {t('partnerHome.available')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap" justify="flex-end">
                        {d.allocationId ? (
                          <Button
                            component={Link}
                            to={`/partner/handovers/${d.allocationId}`}
                            size="compact-sm"
                            variant="subtle">
                            {t('partnerHome.continue')}
                          </Button>
                        ) : (
                          <>
                            <Button
                              component={Link}
                              to={`/partner/handover?device=${d.deviceId}`}
                              size="compact-sm"
                              variant="subtle"
                              aria-label={t('partnerHome.handOverTag', { tag: d.assetTag })}>
                              {t('partnerHome.handOver')}
                            </Button>
                            <Button
                              size="compact-sm"
                              variant="subtle"
                              color="orange"
                              onClick={() => setReturning(d.deviceId)}
                              aria-label={t('custody.returnTag', { tag: d.assetTag })}
                              data-testid="custody-return-open">
                              {t('custody.return')}
                            </Button>
                          </>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                  {returning === d.deviceId && (
                    <Table.Tr>
                      <Table.Td colSpan={6}>
                        <ReturnFromCustodyForm
                          deviceId={d.deviceId}
                          assetTag={d.assetTag}
                          onClose={() => setReturning(null)}
                        />
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      {list.data && list.data.total > PAGE_SIZE && (
        <Pager total={list.data.total} page={list.data.page} pageSize={PAGE_SIZE} onPage={setPage} />
      )}
    </TitledCard>
  );
}

function FamiliesCard({ query }: { query: ReturnType<typeof useFamilies> }) {
  const { t } = usePrefs();
  const label = useEnumLabel();
  const { list, setPage } = query;
  return (
    <TitledCard title={t('partnerHome.families')} data-testid="partner-families">
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('partnerHome.noFamilies')}
        </Text>
      )}
      {list.data && list.data.items.length > 0 && (
        <TableScroll label={t('partnerHome.families')}>
          <Table striped verticalSpacing="xs" data-testid="families-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('beneficiary.name')}</Table.Th>
                <Table.Th>{t('beneficiary.phone')}</Table.Th>
                <Table.Th>{t('beneficiary.city')}</Table.Th>
                <Table.Th>{t('beneficiary.need')}</Table.Th>
                <Table.Th>{t('beneficiary.status')}</Table.Th>
                <Table.Th>
                  <span className="nm-sr">{t('partnerHome.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((b) => (
                <Table.Tr key={b.id} data-testid="family-row">
                  <Table.Td>
                    {b.name}
                    <Text size="xs" c="dimmed">
                      {label('beneficiaryKind', b.kind)}
                    </Text>
                  </Table.Td>
                  <Table.Td className="nm-nowrap">
                    <Ltr>{b.phone}</Ltr>
                  </Table.Td>
                  <Table.Td>{b.city ?? '—'}</Table.Td>
                  <Table.Td>{label('need', b.need)}</Table.Td>
                  <Table.Td>
                    <BeneficiaryStatusBadge status={b.status} />
                  </Table.Td>
                  <Table.Td>
                    {HANDOVER_STATUSES.includes(b.status) && (
                      <Button
                        component={Link}
                        to={`/partner/handover?family=${b.id}`}
                        size="compact-sm"
                        variant="subtle"
                        aria-label={t('partnerHome.handOverTo', { name: b.name })}>
                        {t('partnerHome.handOver')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      {list.data && list.data.total > PAGE_SIZE && (
        <Pager total={list.data.total} page={list.data.page} pageSize={PAGE_SIZE} onPage={setPage} />
      )}
    </TitledCard>
  );
}

/** An allocation names its family by id only; the name is looked up per row (a page holds at most 25). */
function FamilyName({ id }: { id: number }) {
  const { data } = useQuery(endpoints.beneficiaries.get(id));
  return <>{data?.name ?? `#${id}`}</>;
}

function HandoversCard() {
  const { t, fmt } = usePrefs();
  const label = useEnumLabel();
  const [page, setPage] = useState(1);
  const list = useQuery({
    ...endpoints.allocations.list({ page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  return (
    <TitledCard title={t('partnerHome.handovers')} data-testid="partner-handovers">
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('partnerHome.noHandovers')}
        </Text>
      )}
      {list.data && list.data.items.length > 0 && (
        <TableScroll label={t('partnerHome.handovers')}>
          <Table striped verticalSpacing="xs" data-testid="handovers-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('device.assetTag')}</Table.Th>
                <Table.Th>{t('partnerHome.family')}</Table.Th>
                <Table.Th>{t('beneficiary.status')}</Table.Th>
                <Table.Th>{t('handover.date')}</Table.Th>
                <Table.Th>
                  <span className="nm-sr">{t('partnerHome.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td className="nm-nowrap">
                    <Anchor component={Link} to={`/partner/handovers/${a.id}`}>
                      <Ltr mono>{a.assetTag ?? `#${a.deviceId}`}</Ltr>
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <FamilyName id={a.beneficiaryId} />
                  </Table.Td>
                  <Table.Td>{label('allocationStatus', a.status)}</Table.Td>
                  <Table.Td className="nm-nowrap">{a.handedOverAt ? fmt.date(a.handedOverAt) : '—'}</Table.Td>
                  <Table.Td>
                    {a.status === 'handed_over' && (
                      <Anchor
                        href={certificateUrl(a.id)}
                        target="_blank"
                        rel="noopener"
                        size="sm"
                        aria-label={t('partnerHome.certificateOf', { tag: a.assetTag ?? `#${a.deviceId}` })}>
                        {t('partnerHome.certificate')}
                      </Anchor>
                    )}
                    {a.status === 'reserved' && (
                      <Anchor component={Link} to={`/partner/handovers/${a.id}`} size="sm">
                        {t('partnerHome.continue')}
                      </Anchor>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      {list.data && list.data.total > PAGE_SIZE && (
        <Pager total={list.data.total} page={list.data.page} pageSize={PAGE_SIZE} onPage={setPage} />
      )}
    </TitledCard>
  );
}

/** The association's families (the server lists only those it referred), a page at a time. */
function useFamilies() {
  const [page, setPage] = useState(1);
  const list = useQuery({
    ...endpoints.beneficiaries.list({ page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  return { list, page, setPage };
}

/**
 * A partner association's own home (spec §13): the devices in its custody, the families it referred, the handovers
 * it recorded, and "record a handover". The server scopes every list to the user's organisation; nothing of the
 * charity's other data is asked for.
 */
export default function PartnerHomePage() {
  const { t } = usePrefs();
  const families = useFamilies();
  const custody = useQuery(distribution.custody.list({ pageSize: 1 }));
  const served = useQuery(endpoints.allocations.list({ status: 'handed_over', pageSize: 1 }));
  const partnerName = custody.data?.items[0]?.partnerName;
  const fetching = families.list.isFetching || custody.isFetching;
  return (
    <>
      <PageHeader
        title={partnerName ? t('partnerHome.titleOf', { partner: isolate(partnerName) }) : t('partnerHome.title')}>
        {fetching && <Busy />}
        <Button component={Link} to="/partner/handover" data-testid="record-handover">
          {t('partnerHome.record')}
        </Button>
      </PageHeader>
      <Stack gap="md">
        {/* Three small figures side by side, on a phone too: the lists below are what the partner scrolls to. */}
        <SimpleGrid cols={3} spacing={{ base: 'xs', sm: 'md' }}>
          <Figure label={t('partnerHome.inCustody')} value={custody.data?.total} testId="figure-custody" />
          <Figure label={t('partnerHome.familiesCount')} value={families.list.data?.total} testId="figure-families" />
          <Figure label={t('partnerHome.servedCount')} value={served.data?.total} testId="figure-served" />
        </SimpleGrid>
        <DevicesCard />
        <HandoversCard />
        <FamiliesCard query={families} />
      </Stack>
    </>
  );
}
