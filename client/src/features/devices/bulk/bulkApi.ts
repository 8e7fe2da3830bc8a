// The bulk actions' wire (server/modules/devices/devices.bulk.ts): a selection by the list's filters, and move /
// triage for many devices, each in its own transaction on the server. A selection larger than one request's cap is
// sent in several requests and their answers merged.
import { api, postForBlob, withQuery, type QueryValue } from '../../../api/http';

export interface SelectedDevice {
  id: number;
  version: number;
}
export interface BulkDevice {
  id: number;
  tag: string | null;
  status: string | null;
  version: number | null;
}
export interface BulkResult {
  transaction: 'per_device';
  done: BulkDevice[];
  conflicts: BulkDevice[];
  refused: (BulkDevice & { reason: string; message: string })[];
}

/** The server's caps: devices per bulk request, per selection (and per CSV of a selection), per labels PDF. */
export const BULK_MAX = 500;
export const SELECTION_MAX = 5000;
export const LABELS_MAX = 2000;

export const selectAllMatching = (filters: Record<string, QueryValue>) =>
  api<{ total: number; items: SelectedDevice[] }>('/api/devices/selection', { query: filters });

async function inChunks(
  devices: SelectedDevice[],
  send: (chunk: SelectedDevice[]) => Promise<BulkResult>,
): Promise<BulkResult> {
  const merged: BulkResult = { transaction: 'per_device', done: [], conflicts: [], refused: [] };
  for (let i = 0; i < devices.length; i += BULK_MAX) {
    const r = await send(devices.slice(i, i + BULK_MAX));
    merged.done.push(...r.done);
    merged.conflicts.push(...r.conflicts);
    merged.refused.push(...r.refused);
  }
  return merged;
}

export const bulkMove = (devices: SelectedDevice[], body: { siteId: number; reason?: string }) =>
  inChunks(devices, (chunk) =>
    api<BulkResult>('/api/devices/bulk/moves', { method: 'POST', body: { devices: chunk, ...body } }),
  );

export const bulkTriage = (
  devices: SelectedDevice[],
  body: { needsRepair: boolean; disposition: string; findings?: string },
) =>
  inChunks(devices, (chunk) =>
    api<BulkResult>('/api/devices/bulk/triage', { method: 'POST', body: { devices: chunk, ...body } }),
  );

/** The CSV of every device matching the list's filters, however many (a plain GET: a link downloads it). */
export const devicesCsvUrl = (filters: Record<string, QueryValue>) => withQuery('/api/reports/devices.csv', filters);

/** The CSV of an explicit selection: its ids in a POST body (a selection outgrows a URL), the file as a Blob. */
export const devicesCsvOf = (ids: number[]) => postForBlob('/api/reports/devices.csv', { ids }, 'text/csv');
