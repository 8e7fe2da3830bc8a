import { Alert, Anchor, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useT } from '../../../prefs/PreferencesProvider';
import type { QueryValue } from '../../../api/http';
import { selectAllMatching, SELECTION_MAX } from './bulkApi';
import type { DeviceSelection } from './useDeviceSelection';

/**
 * Shown once every device of the page is selected: offers the whole filter ("select all N matching"), read from the
 * server as ids and versions (GET /api/devices/selection), up to SELECTION_MAX devices.
 */
export function SelectAllBanner({
  selection,
  pageCount,
  total,
  filters,
}: {
  selection: DeviceSelection;
  pageCount: number;
  total: number;
  filters: Record<string, QueryValue>;
}) {
  const t = useT();
  const fetchAll = useMutation({
    mutationFn: () => selectAllMatching(filters),
    onSuccess: (r) => selection.replace(r.items),
  });
  if (selection.allMatching !== null)
    return (
      <Alert color="blue" variant="light" mb="sm" data-testid="bulk-all-selected">
        <Text size="sm">{t('bulk.allSelected', { count: selection.allMatching })}</Text>
      </Alert>
    );
  if (total <= pageCount) return null;
  return (
    <Alert color="blue" variant="light" mb="sm" data-testid="bulk-select-all-banner">
      <Text size="sm" component="span">
        {t('bulk.pageSelected', { count: pageCount })}{' '}
      </Text>
      {total > SELECTION_MAX ? (
        <Text size="sm" component="span" c="dimmed">
          {t('bulk.tooMany', { limit: SELECTION_MAX })}
        </Text>
      ) : (
        <Anchor
          component="button"
          type="button"
          size="sm"
          fw={600}
          onClick={() => fetchAll.mutate()}
          disabled={fetchAll.isPending}
          data-testid="bulk-select-all">
          {t('bulk.selectAll', { total })}
        </Anchor>
      )}
      {fetchAll.error ? <ErrorAlert error={fetchAll.error} /> : null}
    </Alert>
  );
}
