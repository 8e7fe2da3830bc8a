import { Alert, Anchor, CloseButton, Group, List, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { Ltr } from '../../../components/Ltr';
import { hasKey } from '../../../i18n';
import { usePrefs } from '../../../prefs/PreferencesProvider';
import type { BulkDevice, BulkResult } from './bulkApi';

/** After a bulk action: the devices done, those changed meanwhile (left as they were), and those refused, by tag. */
export function BulkSummary({ result, onClose }: { result: BulkResult; onClose: () => void }) {
  const { t } = usePrefs();
  const tagOf = (d: BulkDevice) =>
    d.tag ? (
      <Anchor component={Link} to={`/devices/${d.id}`} size="sm">
        <Ltr mono>{d.tag}</Ltr>
      </Anchor>
    ) : (
      <Ltr mono>#{d.id}</Ltr>
    );
  const color = result.conflicts.length || result.refused.length ? 'orange' : 'green';
  return (
    <Alert color={color} variant="light" mb="md" data-testid="bulk-summary">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap="xs">
          <Text fw={700}>{t('bulk.summaryTitle')}</Text>
          <div data-testid="bulk-summary-done">
            <Text size="sm" fw={600}>
              {t('bulk.done', { count: result.done.length })}
            </Text>
            <Tags devices={result.done} render={tagOf} />
          </div>
          {result.conflicts.length > 0 && (
            <div data-testid="bulk-summary-conflicts">
              <Text size="sm" fw={600}>
                {t('bulk.conflicts', { count: result.conflicts.length })}
              </Text>
              <Tags devices={result.conflicts} render={tagOf} />
              <Text size="xs" c="dimmed">
                {t('bulk.conflictsHint')}
              </Text>
            </div>
          )}
          {result.refused.length > 0 && (
            <div data-testid="bulk-summary-refused">
              <Text size="sm" fw={600}>
                {t('bulk.refused', { count: result.refused.length })}
              </Text>
              <List size="sm">
                {result.refused.map((r) => {
                  const key = `bulk.reason.${r.reason}`;
                  return (
                    <List.Item key={r.id}>
                      {tagOf(r)}: {hasKey(key) ? t(key) : t('bulk.reason.other')}
                    </List.Item>
                  );
                })}
              </List>
            </div>
          )}
        </Stack>
        <CloseButton onClick={onClose} aria-label={t('action.close')} />
      </Group>
    </Alert>
  );
}

function Tags({ devices, render }: { devices: BulkDevice[]; render: (d: BulkDevice) => React.ReactNode }) {
  if (!devices.length) return null;
  return (
    <Group gap="xs" mt={2}>
      {devices.map((d) => (
        <span key={d.id}>{render(d)}</span>
      ))}
    </Group>
  );
}
