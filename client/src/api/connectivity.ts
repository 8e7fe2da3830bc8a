// The routes of connectivity bundles (spec §14): sponsors, their stock of SIM data bundles, and the report of what was
// given. In a module of their own like api/distribution.ts: only the sponsors screen and the handover forms (lazy
// chunks) import it, so the first screen's JavaScript does not carry it (scripts/bundle-size.mjs).
import type { QueryKey } from '@tanstack/react-query';
import { ALLOCATION_CHANGES, keys, read } from './endpoints';
import { api, withQuery, type QueryValue } from './http';
import type { BundleLotDto, BundleLotInput, BundleReportDto, Page, SponsorDto, SponsorInput } from './types';

type Query = Record<string, QueryValue>;
const post = <T>(path: string, body?: unknown) => api<T>(path, { method: 'POST', body });

/** The first part of every sponsor read: a new lot, and a handover that takes a bundle, refresh them all. */
export const SPONSORS_KEY: QueryKey = ['sponsors'];

/** A handover may take a bundle from a sponsor's stock: the allocation's reads and the sponsors' stock change. */
export const HANDOVER_CHANGES: readonly QueryKey[] = [...ALLOCATION_CHANGES, SPONSORS_KEY];

export const connectivity = {
  sponsors: {
    list: (q: Query = { pageSize: 200 }) => read<Page<SponsorDto>>(SPONSORS_KEY, '/api/sponsors', q),
    get: (id: number) => read<SponsorDto>(SPONSORS_KEY, `/api/sponsors/${id}`),
    create: (input: SponsorInput) => post<SponsorDto>('/api/sponsors', input),
    /** A delivery of `count` bundles of one kind: a new stock lot of the sponsor. */
    addLot: (sponsorId: number, input: BundleLotInput) =>
      post<BundleLotDto>(`/api/sponsors/${sponsorId}/bundles`, input),
  },
  reports: {
    /** Bundles and gigabytes given per sponsor, region and month of handover; from/to are months (YYYY-MM). */
    bundles: (q: Query = {}) => read<BundleReportDto>(keys.reports, '/api/reports/bundles', q),
    bundlesCsvUrl: (q: Query = {}) => withQuery('/api/reports/bundles.csv', q),
  },
};
