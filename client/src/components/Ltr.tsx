import type { ReactNode } from 'react';

/**
 * Left-to-right data inside Arabic text: asset tags, serials, phones, e-mails, IDs. <bdi> isolates it so that
 * "NM-000123" never gets its hyphen or digits reordered by the surrounding right-to-left paragraph.
 */
export function Ltr({ children, mono = false }: { children: ReactNode; mono?: boolean }) {
  return (
    <bdi dir="ltr" className={mono ? 'nm-mono' : undefined}>
      {children}
    </bdi>
  );
}
