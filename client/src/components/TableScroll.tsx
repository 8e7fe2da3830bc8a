import type { ReactNode } from 'react';

/**
 * A wide table that scrolls sideways inside its card on a narrow screen. The scrolling box is focusable and named,
 * so a keyboard user can reach and scroll it too (axe: scrollable-region-focusable).
 */
export function TableScroll({
  label,
  children,
  compact = false,
}: {
  label: string;
  children: ReactNode;
  compact?: boolean;
}) {
  // compact: a small table in a narrow card wraps its cells instead of keeping the 560 px minimum of the lists.
  return (
    <div
      className={compact ? 'nm-table-wrap nm-table-compact' : 'nm-table-wrap'}
      tabIndex={0}
      role="region"
      aria-label={label}>
      {children}
    </div>
  );
}
