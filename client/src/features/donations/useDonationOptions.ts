import { useEffect, useState } from 'react';
import { api } from '../../api/http';
import type { DonationDto, DonationStatus, Page } from '../../api/types';

/** Donations that can still receive devices: received first, then those on their way (scheduled, pledged). */
export const OPEN_STATUSES: readonly DonationStatus[] = ['received', 'scheduled', 'pledged'];

export function useOpenDonations(): { donations: DonationDto[]; loading: boolean; error: unknown } {
  const [state, setState] = useState<{ donations: DonationDto[]; loading: boolean; error: unknown }>({ donations: [], loading: true, error: null });
  useEffect(() => {
    const ctrl = new AbortController();
    api<Page<DonationDto>>('/api/donations', { query: { status: OPEN_STATUSES.join(','), pageSize: 200 }, signal: ctrl.signal }).then(
      (page) => setState({ donations: page.items, loading: false, error: null }),
      (error: unknown) => { if (!ctrl.signal.aborted) setState({ donations: [], loading: false, error }); },
    );
    return () => ctrl.abort();
  }, []);
  return state;
}

/** Plain-text labels go into <input> values where no <bdi> can be used: U+2066…U+2069 isolate the code instead. */
export function isolateLtr(s: string): string {
  return `\u2066${s}\u2069`;
}
