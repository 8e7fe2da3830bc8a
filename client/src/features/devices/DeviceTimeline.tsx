import { Code, Paper, Text, Timeline, Title } from '@mantine/core';
import type { DeviceEventDto } from '../../api/types';
import { useEnumLabel } from '../../components/Labels';
import { Ltr } from '../../components/Ltr';
import { usePrefs } from '../../prefs/PreferencesProvider';

/** Payload fields that are bookkeeping, not history a person wants to read. */
const HIDDEN = new Set(['action', 'version']);

function payloadText(payload: Record<string, unknown>): string {
  return Object.entries(payload ?? {})
    .filter(([k, v]) => !HIDDEN.has(k) && v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v as string | number | boolean)}`)
    .join('\n');
}

/** The append-only history, newest first. Each entry's hash is in its tooltip for anyone checking the chain. */
export function DeviceTimeline({ events }: { events: DeviceEventDto[] }) {
  const { t, fmt } = usePrefs();
  const label = useEnumLabel();
  const ordered = [...events].sort((a, b) => b.seq - a.seq);
  return (
    <Paper withBorder p="md">
      <Title order={2} fz="lg" mb="sm">
        {t('event.title')}
      </Title>
      {ordered.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('event.none')}
        </Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2} active={0}>
          {ordered.map((e) => {
            const details = payloadText(e.payload);
            return (
              <Timeline.Item key={e.id} title={label('eventType', e.type)}>
                {e.fromStatus && e.toStatus && (
                  <Text size="sm">
                    {t('event.transition', {
                      from: label('deviceStatus', e.fromStatus),
                      to: label('deviceStatus', e.toStatus),
                    })}
                  </Text>
                )}
                {!e.fromStatus && e.toStatus && (
                  <Text size="sm">{t('event.enters', { to: label('deviceStatus', e.toStatus) })}</Text>
                )}
                <Text size="xs" c="dimmed">
                  {/* The name is isolated: an Arabic name next to "#12" in English text would otherwise flip it to "12#". */}
                  {fmt.dateTime(e.createdAt)}
                  {e.actorName ? (
                    <>
                      {' '}
                      · <bdi>{e.actorName}</bdi>
                    </>
                  ) : null}{' '}
                  · <span title={e.hash}>#{fmt.number(e.seq)}</span>
                </Text>
                {details && (
                  // Wrapped, not scrolled: a scrolling <pre> is a region a keyboard cannot reach (axe: scrollable-region-focusable).
                  <Code block mt={4} dir="ltr" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    <Ltr>{details}</Ltr>
                  </Code>
                )}
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
    </Paper>
  );
}
