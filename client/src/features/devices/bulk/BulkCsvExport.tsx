import { Anchor } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { QueryValue } from '../../../api/http';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useT } from '../../../prefs/PreferencesProvider';
import { devicesCsvOf, devicesCsvUrl } from './bulkApi';

/**
 * "Export CSV" for the selection. All matching the filter: a link to the CSV of that filter (a GET, however many
 * match). An explicit selection: its ids POSTed in the body (up to a selection's size; a URL would hold 1,000), the
 * answer saved as a file. Either way the same columns as the devices report.
 */
export function BulkCsvExport({
  ids,
  filters,
  allMatching,
}: {
  ids: number[];
  filters: Record<string, QueryValue>;
  allMatching: boolean;
}) {
  const t = useT();
  const exporting = useMutation({
    mutationFn: () => devicesCsvOf(ids),
    onSuccess: (csv) => {
      const url = URL.createObjectURL(csv);
      const a = document.createElement('a');
      a.href = url;
      a.download = `nimah-devices-${new Date().toISOString().slice(0, 10)}.csv`;
      document.body.append(a);
      a.click();
      a.remove();
      // The download has its own copy by then; the URL only keeps the blob in memory.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
  });
  if (allMatching)
    return (
      <Anchor href={devicesCsvUrl(filters)} download size="sm" data-testid="bulk-csv">
        {t('bulk.csv')}
      </Anchor>
    );
  return (
    <>
      <Anchor
        component="button"
        type="button"
        size="sm"
        onClick={() => exporting.mutate()}
        disabled={exporting.isPending}
        aria-busy={exporting.isPending}
        data-testid="bulk-csv">
        {t('bulk.csv')}
      </Anchor>
      {exporting.error ? <ErrorAlert error={exporting.error} /> : null}
    </>
  );
}
