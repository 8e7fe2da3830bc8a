import { Group, Paper, Progress, SimpleGrid, Text, Title } from '@mantine/core';
import type { ProgrammeProgressDto } from '../../api/types';
import { Field } from '../../components/Field';
import { usePrefs } from '../../prefs/PreferencesProvider';

/** Families and students served against the target, and when the target will be met at the last 30 days' pace. */
export function ProgrammeProgressCard({ progress, name }: { progress: ProgrammeProgressDto; name: string }) {
  const { t, fmt } = usePrefs();
  const target = progress.targetFamilies + progress.targetStudents;
  const served = progress.servedFamilies + progress.servedStudents;
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
          {progress.forecastCompletionDate ? fmt.day(progress.forecastCompletionDate) : t('dash.noForecast')}
        </Field>
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt="xs">
        {t('dash.forecastHint')}
      </Text>
    </Paper>
  );
}
