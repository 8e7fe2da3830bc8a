import { Group, Progress, Stack, Text } from '@mantine/core';
import type { PriorityBreakdown as Breakdown, PriorityWeights } from '../../api/types';
import { PRIORITY_FACTORS } from '../../api/types';
import { usePrefs } from '../../prefs/PreferencesProvider';

/** Default maximum points per factor (docs/priority-score.md), used when the answer does not carry the weights. */
const DEFAULT_MAX: Record<string, number> = {
  incomePerMember: 40,
  householdSize: 15,
  schoolChildren: 20,
  daysWaiting: 15,
  partnerReferral: 10,
};

/** Why someone ranks where they do: each factor's points against its maximum, so the score can be explained aloud. */
export function PriorityBreakdown({
  breakdown,
  weights,
  compact = false,
}: {
  breakdown: Breakdown;
  weights?: PriorityWeights;
  compact?: boolean;
}) {
  const { t } = usePrefs();
  return (
    <Stack gap={compact ? 2 : 6}>
      {PRIORITY_FACTORS.map((f) => {
        const max = weights?.[f] ?? DEFAULT_MAX[f] ?? 1;
        const points = breakdown[f] ?? 0;
        return (
          <div key={f}>
            <Group justify="space-between" gap={4} wrap="nowrap">
              <Text size="xs">{t(`priority.${f}`)}</Text>
              <Text size="xs" c="dimmed" className="nm-nowrap">
                {t('priority.points', { n: points, max })}
              </Text>
            </Group>
            <Progress
              value={max ? (points / max) * 100 : 0}
              size={compact ? 'xs' : 'sm'}
              aria-label={t(`priority.${f}`)}
            />
          </div>
        );
      })}
    </Stack>
  );
}
