import { Group, Paper, Progress, SimpleGrid, Text, Title } from '@mantine/core';
import { FORECAST_RULES, type ProgrammeForecastDto, type ProgrammeProgressDto } from '../../api/types';
import { Field } from '../../components/Field';
import { usePrefs } from '../../prefs/PreferencesProvider';

type Prefs = ReturnType<typeof usePrefs>;

/** Under this many days left, the pace needed is said as a total by the end date rather than a monthly rate. */
const SHORT_DAYS = 31;

/** The forecast's answer (docs/forecast.md): a date only from enough history, otherwise why not. */
function outlook(f: ProgrammeForecastDto, { t, fmt }: Prefs): string {
  switch (f.status) {
    case 'no_target':
      return t('dash.forecastNoTarget');
    case 'complete':
      return t('dash.forecastComplete');
    case 'not_enough_data':
      return f.handoversSoFar && f.firstHandoverOn
        ? t('dash.forecastNotEnough', { n: f.handoversSoFar, since: fmt.day(f.firstHandoverOn) })
        : t('dash.forecastNoHandovers');
    case 'stalled':
      return t('dash.forecastStalled', { weeks: FORECAST_RULES.paceWindowDays / 7 });
    case 'beyond_horizon':
      return t('dash.forecastBeyond', { years: FORECAST_RULES.horizonYears });
    case 'projected':
      return fmt.day(f.date);
  }
}

/** What the end date asks for: the monthly pace needed, or that it has passed; nothing once the target is met. */
function deadline(f: ProgrammeForecastDto, { t, fmt }: Prefs): string | null {
  if (f.status === 'complete' || f.status === 'no_target') return null;
  if (!f.endsOn) return t('dash.forecastNoEnd');
  const date = fmt.day(f.endsOn);
  if (f.endPassed) return t('dash.forecastEnded', { date, n: f.remaining });
  if (f.daysLeft !== null && f.daysLeft < SHORT_DAYS)
    return t('dash.forecastNeededDays', { n: f.remaining, date, days: f.daysLeft });
  return f.paceNeededPerMonth !== null ? t('dash.forecastNeeded', { n: f.paceNeededPerMonth, date }) : null;
}

/** Families and students served against the target, the forecast, and the pace the end date needs. */
export function ProgrammeProgressCard({
  progress,
  name,
  programmeWide = false,
}: {
  progress: ProgrammeProgressDto;
  name: string;
  /** The dashboard is filtered by region, site or period, which this card (the whole programme's) does not follow. */
  programmeWide?: boolean;
}) {
  const prefs = usePrefs();
  const { t, fmt } = prefs;
  const target = progress.targetFamilies + progress.targetStudents;
  const served = progress.servedFamilies + progress.servedStudents;
  const f = progress.forecast;
  const needed = deadline(f, prefs);
  const showPace = (f.status === 'projected' || f.status === 'beyond_horizon') && f.pacePerMonth !== null;
  return (
    <Paper withBorder p="md" data-testid="programme-progress">
      <Group justify="space-between" align="baseline" wrap="wrap" mb="xs">
        <Title order={2} fz="lg">
          {name}
        </Title>
        <Text fz={28} fw={600} lh={1}>
          {t('unit.percent', { n: progress.percent })}
        </Text>
      </Group>
      <Progress
        value={Math.min(100, progress.percent)}
        size="xl"
        radius="xl"
        aria-label={t('dash.progressOf', { served, target })}
      />
      <Text size="sm" mt={6}>
        {t('dash.servedOf', { served, target })}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" mt="sm">
        <Field label={t('dash.families')}>
          {t('dash.nOfM', { n: progress.servedFamilies, m: progress.targetFamilies })}
        </Field>
        <Field label={t('dash.students')}>
          {t('dash.nOfM', { n: progress.servedStudents, m: progress.targetStudents })}
        </Field>
        <Field label={t('dash.last30')}>{fmt.number(progress.last30DaysRate)}</Field>
        <Field label={t('dash.forecast')}>
          <span data-testid="forecast" data-status={f.status}>
            {outlook(f, prefs)}
          </span>
          {showPace && (
            <Text span size="xs" c="dimmed" display="block">
              {t('dash.forecastPace', { pace: f.pacePerMonth! })}
            </Text>
          )}
        </Field>
      </SimpleGrid>
      {needed && (
        <Text
          size="sm"
          mt="sm"
          fw={f.endsOn ? 500 : undefined}
          c={f.endPassed ? 'red.8' : f.endsOn ? undefined : 'dimmed'}
          data-testid="forecast-needed">
          {needed}
        </Text>
      )}
      {programmeWide && (
        <Text size="xs" mt="xs" data-testid="programme-wide">
          {t('dash.programmeWide')}
        </Text>
      )}
      <Text size="xs" c="dimmed" mt="xs">
        {t('dash.forecastHint', {
          minHandovers: FORECAST_RULES.minHandovers,
          minWeeks: FORECAST_RULES.minDays / 7,
          paceWeeks: FORECAST_RULES.paceWindowDays / 7,
          years: FORECAST_RULES.horizonYears,
        })}
      </Text>
    </Paper>
  );
}
