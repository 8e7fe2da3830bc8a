import { Badge } from '@mantine/core';
import type { BatchStatus } from '../../api/types';
import { useT } from '../../prefs/PreferencesProvider';

const COLORS: Record<BatchStatus, string> = { reserved: 'cyan', handed_over: 'green', cancelled: 'gray' };

export function BatchStatusBadge({ status }: { status: BatchStatus }) {
  const t = useT();
  return (
    <Badge color={COLORS[status] ?? 'gray'} variant="light">
      {t(`batchStatus.${status}`)}
    </Badge>
  );
}
