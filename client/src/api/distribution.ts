// The routes of batch allocation and partner custody (spec §13), declared once like those of endpoints.ts, in a
// module of their own: only the batch and partner screens (lazy chunks) import it, so the first screen's JavaScript
// does not carry them (the technician's landing screen is at its 200 KB budget, scripts/bundle-size.mjs). Their query
// keys are endpoints.ts's `keys.batches` and `keys.custody`, so that every write can name what it changes.
import { keys, read } from './endpoints';
import { api, type QueryValue } from './http';
import type { BatchDto, BatchHandoverInput, BatchInput, CustodyDeviceDto, CustodyReturnInput, Page } from './types';

type Query = Record<string, QueryValue>;
const post = <T>(path: string, body?: unknown) => api<T>(path, { method: 'POST', body });

export const distribution = {
  /** Many devices for one institution or partner, all or none. */
  batches: {
    list: (q: Query) => read<Page<BatchDto>>(keys.batches, '/api/allocation-batches', q),
    get: (id: number) => read<BatchDto>(keys.batches, `/api/allocation-batches/${id}`),
    create: (input: BatchInput) => post<BatchDto>('/api/allocation-batches', input),
    handover: (id: number, body: BatchHandoverInput) => post<BatchDto>(`/api/allocation-batches/${id}/handover`, body),
    cancel: (id: number, reason: string) => post<BatchDto>(`/api/allocation-batches/${id}/cancel`, { reason }),
    /** Links (PDFs open in the browser, which sends the session cookie). */
    deliveryNoteUrl: (id: number) => `/api/allocation-batches/${id}/delivery-note.pdf`,
    certificateUrl: (id: number) => `/api/allocation-batches/${id}/certificate.pdf`,
  },
  /** Devices a partner association holds (a partner user sees its own only). */
  custody: {
    list: (q: Query) => read<Page<CustodyDeviceDto>>(keys.custody, '/api/custody/devices', q),
    returnDevice: (deviceId: number, body: CustodyReturnInput) =>
      post<{ deviceId: number; returned: boolean }>(`/api/custody/devices/${deviceId}/return`, body),
  },
};
