// Server state lives in one TanStack Query cache: reads are queries keyed by resource (see endpoints.ts), writes are
// mutations that name the resources they change (`meta.invalidates`), and the cache refetches what is on screen.
import { MutationCache, QueryClient, type QueryKey } from '@tanstack/react-query';
import type { ApiError } from './http';

declare module '@tanstack/react-query' {
  interface Register {
    // api() turns every failure into an ApiError (an aborted request is the library's own cancellation).
    defaultError: ApiError;
    mutationMeta: { invalidates?: readonly QueryKey[] };
  }
}

export const queryClient: QueryClient = new QueryClient({
  defaultOptions: {
    // As before the cache: every screen asks the server when it opens (staleTime 0), a failure shows at once (no
    // retry: the error says what to do), and switching windows does not reload what is being read or typed.
    queries: { retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
    mutations: { retry: false },
  },
  mutationCache: new MutationCache({
    onSuccess: async (_data, _variables, _context, mutation) => {
      await Promise.all(
        (mutation.meta?.invalidates ?? []).map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
    },
  }),
});
