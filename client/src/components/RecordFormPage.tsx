import { useQuery, type UseQueryOptions } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import type { ApiError } from '../api/http';
import { ErrorAlert } from './ErrorAlert';
import { FullPageLoader } from './FullPageLoader';

/**
 * A create-or-edit page (`/things/new`, `/things/:id/edit`): with an id it loads the record first (a failure offers a
 * retry), then renders the form with it, so the form starts from the loaded values; without one, the form starts empty.
 */
export function RecordFormPage<T>({
  load,
  children,
}: {
  load: (id: number) => UseQueryOptions<T, ApiError, T, unknown[]>;
  children: (existing: T | undefined) => ReactNode;
}) {
  const { id } = useParams();
  const editing = id !== undefined;
  const existing = useQuery({ ...load(Number(id) || 0), enabled: editing });
  if (editing && existing.error) return <ErrorAlert error={existing.error} onRetry={() => void existing.refetch()} />;
  if (editing && !existing.data) return <FullPageLoader />;
  return children(existing.data);
}
