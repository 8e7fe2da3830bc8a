import { Group, Text } from '@mantine/core';
import type { CSSProperties } from 'react';

export interface LegendItem {
  key: string;
  label: string;
  /** How the item is drawn in the chart: a bar's box, a line, a dashed target line. */
  swatch: CSSProperties;
}

/** The charts' legend, under the drawing; hidden from screen readers, which get ChartDataTable instead. */
export function ChartLegend({ items }: { items: readonly LegendItem[] }) {
  return (
    <Group gap="md" justify="center" mt={4} aria-hidden="true">
      {items.map((item) => (
        <Group key={item.key} gap={6} wrap="nowrap">
          <span style={{ display: 'inline-block', ...item.swatch }} />
          <Text size="xs">{item.label}</Text>
        </Group>
      ))}
    </Group>
  );
}

/** 1, 2 or 5 times a power of ten, so that about four grid lines cover the highest value. */
export function niceStep(max: number): number {
  const rough = max / 4;
  const p = 10 ** Math.floor(Math.log10(Math.max(1, rough)));
  return [1, 2, 5, 10].map((m) => m * p).find((s) => s >= rough) ?? p * 10;
}
