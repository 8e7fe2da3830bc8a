import { Anchor, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { DEVICE_STATUSES } from '../../api/types';
import { useEnumLabel } from '../../components/Labels';
import { usePrefs } from '../../prefs/PreferencesProvider';

const COLORS: Record<string, string> = {
  intake: '#868e96',
  repair: '#e8590c',
  wipe: '#9c36b5',
  refurbish: '#1c7ed6',
  ready: '#0f6a4e',
  allocated: '#0c8599',
  handed_over: '#2b8a3e',
  disposal: '#c92a2a',
  recycled: '#495057',
  harvested: '#495057',
};

/** Devices by status in lifecycle order, as bars growing from the reading side; each opens the filtered device list. */
export function StatusFunnel({ counts }: { counts: Record<string, number> }) {
  const { fmt } = usePrefs();
  const label = useEnumLabel();
  const max = Math.max(1, ...Object.values(counts));
  return (
    <Stack gap={6} data-testid="status-funnel">
      {DEVICE_STATUSES.map((s) => {
        const n = counts[s] ?? 0;
        return (
          <div key={s}>
            <Group justify="space-between" gap={4} wrap="nowrap">
              <Anchor component={Link} to={`/devices?status=${s}`} size="sm">
                {label('deviceStatus', s)}
              </Anchor>
              <Text size="sm" fw={600}>
                {fmt.number(n)}
              </Text>
            </Group>
            <div className="nm-bar-track" aria-hidden="true">
              <div
                className="nm-bar"
                style={{ inlineSize: `${(n / max) * 100}%`, background: COLORS[s] ?? '#868e96' }}
              />
            </div>
          </div>
        );
      })}
    </Stack>
  );
}
