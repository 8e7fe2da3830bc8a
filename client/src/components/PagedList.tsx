import { Paper, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { ApiError } from '../api/http';
import type { Page } from '../api/types';
import { useT } from '../prefs/PreferencesProvider';
import { ErrorAlert } from './ErrorAlert';
import { Pager } from './Pager';

/**
 * A page of a server-side list: its failure with a retry, "nothing here" when empty (unless `empty` is false: the
 * table says so itself), the rows the page renders, and the pager under them.
 */
export function PagedList<P extends Page<unknown>>({
  query,
  onPage,
  empty,
  children,
}: {
  query: UseQueryResult<P, ApiError>;
  onPage: (page: number) => void;
  empty?: string | false;
  children: (items: P['items'], page: P) => ReactNode;
}) {
  const t = useT();
  const { data, error, refetch } = query;
  if (error) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  if (!data) return null;
  return (
    <Paper withBorder p="md">
      {empty !== false && data.items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {empty ?? t('list.empty')}
        </Text>
      ) : (
        children(data.items, data)
      )}
      <Pager total={data.total} page={data.page} pageSize={data.pageSize} onPage={onPage} />
    </Paper>
  );
}
