import { Anchor, Group } from '@mantine/core';
import { useT } from '../../prefs/PreferencesProvider';

/** A table's download as CSV (the server's export: UTF-8 with a BOM, so Excel reads Arabic), under its card. */
export function CsvLink({ href, name, testId }: { href: string; name: string; testId?: string }) {
  const t = useT();
  return (
    <Group justify="flex-end" mt={6}>
      {/* The visible words start the accessible name (WCAG 2.5.3); the table's name follows for screen readers. */}
      <Anchor href={href} download size="xs" data-testid={testId}>
        {t('reports.csv')}
        <span className="nm-sr">{` (${name})`}</span>
      </Anchor>
    </Group>
  );
}
