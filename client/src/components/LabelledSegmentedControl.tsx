import { SegmentedControl, Text, type SegmentedControlProps } from '@mantine/core';

/** A segmented control with a visible label above it, which names it for screen readers too (by `id`). */
export function LabelledSegmentedControl({
  id,
  label,
  ...props
}: SegmentedControlProps & { id: string; label: string }) {
  return (
    <div>
      <Text size="sm" fw={500} mb={4} id={id}>
        {label}
      </Text>
      <SegmentedControl aria-labelledby={id} {...props} />
    </div>
  );
}
