import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A label/value pair in a detail card; values that are absent show a dash, never "null". */
export function Field({ label, children }: { label: string; children: ReactNode }) {
  const empty = children === null || children === undefined || children === '';
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500}>
        {empty ? '—' : children}
      </Text>
    </div>
  );
}
