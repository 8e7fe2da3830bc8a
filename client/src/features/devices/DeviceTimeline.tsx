import { Group, Paper, Text, Timeline, Title } from '@mantine/core';
import type { DeviceEventDto } from '../../api/types';
import { useEnumLabel } from '../../components/Labels';
import { usePrefs } from '../../prefs/PreferencesProvider';
import { eventSentence, type SentenceContext } from './history/eventSentence';
import { HistorySentence } from './history/HistorySentence';
import { TechnicalDetails } from './history/TechnicalDetails';

/**
 * The append-only history, newest first, each event as a sentence in the user's language (history/eventSentence.ts)
 * naming sites, people and codes rather than ids. The chain's hashes and the recorded data are behind each event's
 * "technical details".
 */
export function DeviceTimeline({ events }: { events: DeviceEventDto[] }) {
  const { t, fmt, language } = usePrefs();
  const label = useEnumLabel();
  const ctx: SentenceContext = { language, t, label, number: fmt.number, date: fmt.date };
  const ordered = [...events].sort((a, b) => b.seq - a.seq);
  return (
    <Paper withBorder p="md" data-testid="device-history">
      <Title order={2} fz="lg" mb="sm">
        {t('event.title')}
      </Title>
      {ordered.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('event.none')}
        </Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2} active={0}>
          {ordered.map((e) => (
            <Timeline.Item key={e.id} data-testid="history-event">
              <Text size="sm" fw={500} data-testid="history-sentence">
                <HistorySentence text={eventSentence(e, ctx)} />
              </Text>
              {e.fromStatus && e.toStatus && e.fromStatus !== e.toStatus && (
                <Text size="xs" c="dimmed">
                  {t('event.transition', {
                    from: label('deviceStatus', e.fromStatus),
                    to: label('deviceStatus', e.toStatus),
                  })}
                </Text>
              )}
              <Group gap="xs" wrap="wrap">
                <Text size="xs" c="dimmed">
                  {/* The name is isolated: an Arabic name next to Latin text would otherwise reorder around it. */}
                  {fmt.dateTime(e.createdAt)}
                  {e.actorName ? (
                    <>
                      {' '}
                      · <bdi>{e.actorName}</bdi>
                    </>
                  ) : null}
                </Text>
                <TechnicalDetails event={e} />
              </Group>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Paper>
  );
}
