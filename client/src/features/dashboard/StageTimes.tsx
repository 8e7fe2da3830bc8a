import { Group, Stack, Text } from '@mantine/core';
import { useEnumLabel } from '../../components/Labels';
import { usePrefs } from '../../prefs/PreferencesProvider';

type T = ReturnType<typeof usePrefs>['t'];

/**
 * A median stage time in words: "less than a day" under a day (never "0 days"), else whole days with the language's
 * plural forms (Arabic: يوم واحد، يومان، 3 أيام، 11 يومًا، 100 يوم); a dash when no stage ended in the period.
 */
export function stageDuration(days: number | null, t: T): string {
  if (days === null) return '—';
  if (days < 1) return t('dash.duration.lessThanDay');
  return t('dash.duration.days', { n: Math.round(days) });
}

/** How long a device typically stays in each stage (median over the period), longest bar = slowest stage. */
export function StageTimes({ medians }: { medians: Record<string, number | null> }) {
  const { t } = usePrefs();
  const label = useEnumLabel();
  const entries = Object.entries(medians);
  const max = Math.max(1, ...entries.map(([, v]) => v ?? 0));
  return (
    <Stack gap={6} data-testid="stage-times">
      {entries.map(([stage, days]) => (
        <div key={stage} data-stage={stage}>
          <Group justify="space-between" gap={4} wrap="nowrap">
            <Text size="sm">{label('deviceStatus', stage)}</Text>
            <Text size="sm" c={days === null ? 'dimmed' : undefined} data-testid="stage-time">
              {stageDuration(days, t)}
            </Text>
          </Group>
          <div className="nm-bar-track" aria-hidden="true">
            <div
              className="nm-bar"
              style={{ inlineSize: `${((days ?? 0) / max) * 100}%`, background: 'var(--mantine-color-gray-6)' }}
            />
          </div>
        </div>
      ))}
    </Stack>
  );
}
