import { Anchor, Badge, Group, Paper, Progress, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { training } from '../../api/training';
import type { ProgrammeBreakdown, ProgrammeWeights } from '../../api/types';
import { Busy } from '../../components/Busy';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useEnumLabel } from '../../components/Labels';
import { Ltr } from '../../components/Ltr';
import { PagedList } from '../../components/PagedList';
import { PageHeader } from '../../components/PageHeader';
import { TableScroll } from '../../components/TableScroll';
import { useQueryParams } from '../../components/useQueryParams';
import { usePrefs } from '../../prefs/PreferencesProvider';
import { BeneficiaryStatusBadge } from '../beneficiaries/BeneficiaryStatusBadge';
import { PriorityBreakdown } from '../beneficiaries/PriorityBreakdown';
import { CommitteeScoreForm } from './CommitteeScoreForm';

/** The family score's factors (PriorityBreakdown), then the committee's points against its share. */
function Breakdown({ breakdown, weights }: { breakdown: ProgrammeBreakdown; weights: ProgrammeWeights }) {
  const { t } = usePrefs();
  return (
    <Stack gap={2}>
      <PriorityBreakdown breakdown={breakdown} weights={weights} compact />
      {weights.committee > 0 && (
        <div data-testid="committee-points">
          <Group justify="space-between" gap={4} wrap="nowrap">
            <Text size="xs">{t('committee.points')}</Text>
            <Text size="xs" c="dimmed" className="nm-nowrap">
              {t('priority.points', { n: breakdown.committee, max: weights.committee })}
            </Text>
          </Group>
          <Progress
            value={(breakdown.committee / weights.committee) * 100}
            size="xs"
            color="grape"
            aria-label={t('committee.points')}
          />
        </div>
      )}
    </Stack>
  );
}

/**
 * A programme's own waiting list (spec §14): the eligible beneficiaries by the programme's score, each score broken
 * down (the committee's points too), how many each rule left out, and the committee's score where it scores.
 */
export default function ProgrammeWaitlistPage() {
  const { t, fmt, language } = usePrefs();
  const label = useEnumLabel();
  const id = Number(useParams().id) || 0;
  const { page, set } = useQueryParams([] as const);
  const programme = useQuery(training.programmes.get(id));
  const list = useQuery(training.programmes.waitlist(id, { page, pageSize: 25 }));
  const p = programme.data;
  const name = p ? (language !== 'ar' && p.nameLatin ? p.nameLatin : p.name) : '';
  const committee = p?.committeeScoring ?? false;
  const excluded = list.data?.excluded;
  return (
    <>
      <PageHeader title={t('progWaitlist.title', { name })}>
        {(list.isFetching || programme.isFetching) && <Busy />}
        <Anchor component={Link} to={`/programmes/${id}`} size="sm">
          {t('progWaitlist.rules')}
        </Anchor>
      </PageHeader>
      {programme.error && <ErrorAlert error={programme.error} onRetry={() => void programme.refetch()} />}
      {excluded && (
        <Paper withBorder p="sm" mb="md" data-testid="waitlist-excluded">
          <Text size="sm" fw={500} mb={4}>
            {t('progWaitlist.excludedTitle')}
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
            {(['kind', 'age', 'region', 'income'] as const).map((k) => (
              <Text key={k} size="sm" data-rule={k} data-count={excluded[k]}>
                {t(`progWaitlist.excluded.${k}`, { n: excluded[k] })}
              </Text>
            ))}
          </SimpleGrid>
        </Paper>
      )}
      <PagedList query={list} onPage={(n) => set({ page: n })} empty={t('progWaitlist.empty')}>
        {(items, result) => (
          <TableScroll label={t('progWaitlist.title', { name })}>
            <Table verticalSpacing="sm" data-testid="programme-waitlist">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('waitlist.rank')}</Table.Th>
                  <Table.Th>{t('beneficiary.name')}</Table.Th>
                  <Table.Th>{t('priority.score')}</Table.Th>
                  <Table.Th style={{ minWidth: 220 }}>{t('priority.breakdown')}</Table.Th>
                  {committee && <Table.Th style={{ minWidth: 260 }}>{t('committee.score')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((item) => (
                  <Table.Tr
                    key={item.beneficiary.id}
                    data-testid="programme-waitlist-row"
                    data-id={item.beneficiary.id}>
                    <Table.Td>{fmt.number(item.rank)}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/beneficiaries/${item.beneficiary.id}`}>
                        {item.beneficiary.name}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {label('beneficiaryKind', item.beneficiary.kind)}
                        {item.beneficiary.city ? ` · ${item.beneficiary.city}` : ''}
                      </Text>
                      <Group gap={4} mt={2}>
                        <BeneficiaryStatusBadge status={item.beneficiary.status} />
                        {item.applicationReference && (
                          <Badge size="xs" variant="outline" color="gray">
                            <Ltr mono>{item.applicationReference}</Ltr>
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text fw={600} data-testid="programme-score">
                        {fmt.number(item.score)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Breakdown breakdown={item.breakdown} weights={result.weights} />
                    </Table.Td>
                    {committee && (
                      <Table.Td>
                        <CommitteeScoreForm
                          key={`${item.beneficiary.id}-${item.committeeScore?.scoredAt ?? ''}`}
                          programmeId={id}
                          beneficiaryId={item.beneficiary.id}
                          current={item.committeeScore}
                        />
                      </Table.Td>
                    )}
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
