import { Badge } from '@mantine/core';
import { usePrefs } from '../prefs/PreferencesProvider';

/** Days waiting: a week turns it orange, two weeks red, so the oldest work stands out in the queue. */
export function AgeBadge({ days }: { days: number }) {
  const { t } = usePrefs();
  const color = days >= 14 ? 'red' : days >= 7 ? 'orange' : 'gray';
  return (
    <Badge color={color} variant="light" size="lg" radius="sm">
      {t('queue.days', { n: days })}
    </Badge>
  );
}
