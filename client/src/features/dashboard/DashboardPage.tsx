import { Button, Grid, Paper, SimpleGrid, Text } from '@mantine/core';
import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { endpoints } from '../../api/endpoints';
import { useUser } from '../../auth/AuthProvider';
import { MANAGERS, REGIONAL_REPORT_ROLES } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { FullPageLoader } from '../../components/FullPageLoader';
import { IconPlus } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { usePrefs } from '../../prefs/PreferencesProvider';
import { useProgrammes } from '../allocation/useProgrammes';
import { BatchCertificates } from './BatchCertificates';
import { CreateProgrammeModal } from './CreateProgrammeModal';
import { MonthlyChart } from './MonthlyChart';
import { PartnersCard } from './PartnersCard';
import { ProgrammeProgressCard } from './ProgrammeProgressCard';
import { StageTimes } from './StageTimes';
import { PipelineBar } from './PipelineBar';
import { RegionsBreakdown } from './RegionsBreakdown';
import { HANDOVER_SERIES_COLOUR, INTAKE_SERIES_COLOUR } from './statusColours';
import { Busy } from '../../components/Busy';
import { FirstSteps } from '../../components/FirstSteps';
import { TitledCard } from '../../components/TitledCard';
import { CsvLink } from '../reports/CsvLink';
import { CumulativeChart } from '../reports/CumulativeChart';
import { DashboardFilters, useDashboardFilters } from '../reports/DashboardFilters';

/**
 * The programme at a glance: progress to the target with its forecast, the devices' pipeline, monthly flow, stage
 * times, and the breakdowns by region and by partner. Everything but the programme's own progress and cumulative
 * chart follows all the filters; those two follow the programme filter and say so when others are set.
 */
export default function DashboardPage() {
  const { t, fmt } = usePrefs();
  const user = useUser();
  const manager = MANAGERS.includes(user.role);
  // The filters are sent as they are (the query key includes them); the progress card and the cumulative chart
  // follow the programme filter, or the newest programme without one.
  const filters = useDashboardFilters();
  const dashboard = useQuery({ ...endpoints.reports.dashboard(filters.query), placeholderData: keepPreviousData });
  const programmes = useProgrammes();
  const [creating, setCreating] = useState(false);
  const chosen =
    filters.values.programmeId ||
    (programmes.items.length ? String(programmes.items[programmes.items.length - 1].id) : null);
  const progress = useQuery({ ...endpoints.programmes.progress(Number(chosen) || 0), enabled: Boolean(chosen) });
  const cumulative = useQuery({
    ...endpoints.reports.programmeCumulative(Number(chosen) || 0),
    enabled: Boolean(chosen),
  });
  const d = dashboard.data;
  if (dashboard.error && !d)
    return (
      <>
        <PageHeader title={t('dash.title')} />
        <ErrorAlert error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      </>
    );
  if (!d) return <FullPageLoader />;
  const programme = programmes.items.find((p) => String(p.id) === chosen);
  const programmeWide = Boolean(
    filters.values.regionCode || filters.values.siteId || filters.values.from || filters.values.to,
  );
  const regional = REGIONAL_REPORT_ROLES.includes(user.role);

  return (
    <>
      <PageHeader title={t('dash.title')}>
        {(dashboard.isFetching || progress.isFetching) && <Busy />}
        {manager && (
          <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            {t('dash.newProgramme')}
          </Button>
        )}
      </PageHeader>
      {/* The first hour: until a device has gone past intake, the guide says what to do next. */}
      {!Object.values(filters.values).some(Boolean) &&
        Object.entries(d.devicesByStatus).every(([status, n]) => status === 'intake' || !n) && <FirstSteps />}
      <Paper withBorder p="sm" mb="md">
        <DashboardFilters values={filters.values} set={filters.set} />
      </Paper>
      <Grid gap="md">
        <Grid.Col span={12}>
          {progress.data && programme ? (
            <ProgrammeProgressCard
              progress={progress.data}
              name={programmes.nameOf(programme)}
              programmeWide={programmeWide}
            />
          ) : (
            <Paper withBorder p="md">
              <Text size="sm" c="dimmed">
                {programmes.data && !programmes.items.length ? t('dash.noProgramme') : t('common.loading')}
              </Text>
            </Paper>
          )}
        </Grid.Col>
        {cumulative.data && programme && (
          <Grid.Col span={12}>
            <TitledCard title={`${t('dash.cumulative')} · ${programmes.nameOf(programme)}`}>
              {programmeWide && (
                <Text size="xs" mb="xs">
                  {t('dash.programmeWide')}
                </Text>
              )}
              {cumulative.data.months.some((m) => m.cumulativeFamilies + m.cumulativeStudents > 0) ? (
                <>
                  <CumulativeChart data={cumulative.data} title={t('dash.cumulative')} />
                  <CsvLink
                    href={endpoints.reports.programmeCumulativeCsvUrl(cumulative.data.programmeId)}
                    name={t('dash.cumulative')}
                  />
                </>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('dash.cumulativeNone')}
                </Text>
              )}
            </TitledCard>
          </Grid.Col>
        )}
        <Grid.Col span={12}>
          <TitledCard title={t('dash.funnel')}>
            <PipelineBar counts={d.devicesByStatus} />
            <CsvLink href={endpoints.reports.dashboardCsvUrl('status', filters.query)} name={t('dash.funnel')} />
          </TitledCard>
        </Grid.Col>
        <Grid.Col span={12}>
          <TitledCard title={t('dash.monthly')} h="100%">
            <MonthlyChart
              title={t('dash.monthly')}
              months={d.monthly.map((m) => m.month)}
              series={[
                {
                  key: 'intake',
                  label: t('dash.intake'),
                  color: INTAKE_SERIES_COLOUR,
                  values: d.monthly.map((m) => m.intake),
                },
                {
                  key: 'handovers',
                  label: t('dash.handovers'),
                  color: HANDOVER_SERIES_COLOUR,
                  values: d.monthly.map((m) => m.handovers),
                },
              ]}
            />
            <CsvLink
              href={endpoints.reports.dashboardCsvUrl('monthly', filters.query)}
              name={t('dash.monthly')}
              testId="monthly-csv"
            />
          </TitledCard>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <TitledCard title={t('dash.stageTimes')} h="100%">
            <Text size="xs" c="dimmed" mb="xs">
              {t('dash.stageTimesHint')}
            </Text>
            <StageTimes medians={d.medianDaysPerStage} />
            <CsvLink href={endpoints.reports.dashboardCsvUrl('stages', filters.query)} name={t('dash.stageTimes')} />
          </TitledCard>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <TitledCard title={t('dash.yield')} h="100%">
            <Text fz={32} fw={600}>
              {t('unit.percent', { n: Math.round(d.yield.ratio * 1000) / 10 })}
            </Text>
            <SimpleGrid cols={2} spacing="sm" mt="xs">
              <Field label={t('dash.placed')}>{fmt.number(d.yield.placed)}</Field>
              <Field label={t('dash.received')}>{fmt.number(d.yield.received)}</Field>
            </SimpleGrid>
            <Text size="xs" c="dimmed" mt="xs">
              {t('dash.yieldHint')}
            </Text>
          </TitledCard>
        </Grid.Col>
        {/* Partners' figures are counts about families: for the roles that read regional figures (not technicians). */}
        {regional && (
          <Grid.Col span={12}>
            <RegionsBreakdown query={filters.query} />
          </Grid.Col>
        )}
        {regional && (
          <Grid.Col span={12}>
            <PartnersCard dashboard={d} query={filters.query} />
          </Grid.Col>
        )}
        {manager && programmes.items.length > 0 && (
          <Grid.Col span={12}>
            <Paper withBorder p="md">
              <BatchCertificates programmes={programmes.items} nameOf={programmes.nameOf} />
            </Paper>
          </Grid.Col>
        )}
      </Grid>
      {creating && (
        <CreateProgrammeModal
          onClose={() => setCreating(false)}
          onCreated={(p) => {
            setCreating(false);
            filters.set({ programmeId: String(p.id) });
          }}
        />
      )}
    </>
  );
}
