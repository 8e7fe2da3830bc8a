import { Anchor, Badge, Button, Group, List, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { SuggestionDto } from '../../api/types';
import { IconChevron } from '../../components/icons';
import { useEnumLabel } from '../../components/Labels';
import { Ltr } from '../../components/Ltr';
import { usePrefs } from '../../prefs/PreferencesProvider';
import { localizeReason } from './reasons';

/** Proposed pairs, each with the server's reasons and one button that allocates exactly that pair. */
export function SuggestionList({
  suggestions,
  nameOf,
  busyKey,
  onAllocate,
}: {
  suggestions: SuggestionDto[];
  nameOf: (beneficiaryId: number) => string | undefined;
  busyKey: string | null;
  onAllocate: (s: SuggestionDto) => void;
}) {
  const { t, fmt } = usePrefs();
  const label = useEnumLabel();
  if (suggestions.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('board.noSuggestions')}
      </Text>
    );
  return (
    <Stack gap="xs" data-testid="suggestions">
      {suggestions.map((s) => {
        const key = `${s.deviceId}-${s.beneficiaryId}`;
        return (
          <Paper key={key} withBorder p="sm" data-testid="suggestion">
            <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
              <div style={{ minWidth: 0, flex: '1 1 240px' }}>
                <Group gap="xs" wrap="wrap">
                  <Anchor component={Link} to={`/devices/${s.deviceId}`}>
                    <Ltr mono>{s.assetTag}</Ltr>
                  </Anchor>
                  <Text size="sm">{label('deviceType', s.deviceType)}</Text>
                  {s.grade && (
                    <Badge variant="outline" size="sm">
                      {t('device.grade')} {s.grade}
                    </Badge>
                  )}
                  <IconChevron size={16} />
                  <Anchor component={Link} to={`/beneficiaries/${s.beneficiaryId}`}>
                    {nameOf(s.beneficiaryId) ?? `#${s.beneficiaryId}`}
                  </Anchor>
                  <Badge variant="light" size="sm">
                    {t('priority.score')}: {fmt.number(s.score)}
                  </Badge>
                </Group>
                <List size="xs" mt={4} c="dimmed">
                  {s.reasons.map((r) => (
                    <List.Item key={r}>{localizeReason(r, t, label, fmt.day)}</List.Item>
                  ))}
                </List>
              </div>
              <Button
                size="sm"
                loading={busyKey === key}
                disabled={busyKey !== null && busyKey !== key}
                onClick={() => onAllocate(s)}
                data-testid="allocate-suggestion">
                {t('board.allocate')}
              </Button>
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}
