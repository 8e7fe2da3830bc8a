import { Group, Stack, Text } from '@mantine/core';
import { useEnumLabel } from '../../components/Labels';
import { usePrefs } from '../../prefs/PreferencesProvider';

/** How long a device typically stays in each stage (median days over the last year), longest bar = slowest stage. */
export function StageTimes({ medians }: { medians: Record<string, number | null> }) {
  const { t } = usePrefs();
  const label = useEnumLabel();
  const entries = Object.entries(medians);
  const max = Math.max(1, ...entries.map(([, v]) => v ?? 0));
  return (
    <Stack gap={6} data-testid="stage-times">
      {entries.map(([stage, days]) => (
        <div key={stage}>
          <Group justify="space-between" gap={4} wrap="nowrap">
            <Text size="sm">{label('deviceStatus', stage)}</Text>
            <Text size="sm" c={days === null ? 'dimmed' : undefined}>
              {days === null ? '—' : t('dash.days', { n: Math.round(days * 10) / 10 })}
            </Text>
          </Group>
          <div className="nm-bar-track" aria-hidden="true">
            <div className="nm-bar" style={{ inlineSize: `${((days ?? 0) / max) * 100}%`, background: '#1c7ed6' }} />
          </div>
        </div>
      ))}
    </Stack>
  );
}
