import { Group, Pagination, Text } from '@mantine/core';
import { usePrefs } from '../prefs/PreferencesProvider';

/** Server-side pages: "21–40 of 132" and the page buttons (hidden when everything fits on one page). */
export function Pager({
  total,
  page,
  pageSize,
  onPage,
}: {
  total: number;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
}) {
  const { t, fmt } = usePrefs();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <Group justify="space-between" mt="md" wrap="wrap" gap="xs">
      <Text size="sm" c="dimmed">
        {t('list.range', { from, to, total })}
      </Text>
      {pages > 1 && (
        <Pagination
          total={pages}
          value={page}
          onChange={onPage}
          size="sm"
          siblings={1}
          getItemProps={(p) => ({ 'aria-label': t('list.page', { page: p }), children: fmt.number(p) })}
          getControlProps={(control) => ({ 'aria-label': t(`list.${control}`) })}
        />
      )}
    </Group>
  );
}
