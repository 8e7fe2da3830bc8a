// Streaming a batch of certificates: the server sends X-Total-Count with the headers, then the PDF page by page.
// Reading the body with a stream reader lets the page count go up as pages arrive, instead of a spinner for minutes.
import { ApiError } from '../../api/http';

export interface BatchProgress {
  total: number;
  pages: number;
  bytes: number;
}

/** pdfkit writes one `/Type /Page` dictionary per finished page (and `/Type /Pages` once, for the tree). */
const PAGE = /\/Type\s*\/Page(?![a-z])/g;

export async function downloadBatch(
  url: string,
  onProgress: (p: BatchProgress) => void,
  signal?: AbortSignal,
): Promise<Blob> {
  const res = await fetch(url, {
    credentials: 'same-origin',
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
    signal,
  });
  if (!res.ok) {
    const text = await res.text();
    let body: { error?: { code: string; message: string; details?: unknown; requestId?: string } } | undefined;
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      body = undefined;
    }
    throw body?.error
      ? new ApiError(res.status, body.error.code, body.error.message, body.error.details, body.error.requestId)
      : new ApiError(res.status, `HTTP_${res.status}`, res.statusText);
  }
  const total = Number(res.headers.get('X-Total-Count')) || 0;
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let bytes = 0;
  let pages = 0;
  let tail = '';
  onProgress({ total, pages, bytes });
  if (!res.body) return res.blob();
  const reader = res.body.getReader();
  const latin1 = new TextDecoder('latin1');
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    bytes += value.byteLength;
    // Keep the end of the previous chunk, so a marker split across two chunks is still counted once.
    const text = tail + latin1.decode(value, { stream: true });
    pages += (text.match(PAGE) ?? []).length - (tail.match(PAGE) ?? []).length;
    tail = text.slice(-16);
    onProgress({ total, pages, bytes });
  }
  return new Blob(chunks, { type: 'application/pdf' });
}
