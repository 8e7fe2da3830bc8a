// A typed fetch wrapper: JSON in, JSON out, every failure turned into an ApiError carrying the server's
// { error: { code, message, details, requestId } } so that forms can put each message next to its field.
import type { ErrorBody, FieldErrorDto } from './types';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /**
   * The per-field messages, keyed by the field's path ("donor.name", "items.0.count"): a 400 VALIDATION_FAILED has
   * one per bad field, and some 422s name their field too (UNKNOWN_DRIVE → driveSerial, PART_UNAVAILABLE →
   * partsUsed.0.partId, REFERENCE_NOT_FOUND → siteId), so every details entry with a path counts.
   */
  get fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    if (!Array.isArray(this.details)) return out;
    for (const d of this.details as FieldErrorDto[]) {
      if (d && typeof d.path === 'string' && !(d.path in out)) out[d.path] = d.message;
    }
    return out;
  }
}

export type QueryValue = string | number | boolean | null | undefined;

export function withQuery(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
}

/** Fired when any call other than login says the session is gone; the auth provider signs the user out. */
export const UNAUTHENTICATED_EVENT = 'nimah:unauthenticated';

function isErrorBody(x: unknown): x is ErrorBody {
  return (
    typeof x === 'object' &&
    x !== null &&
    'error' in x &&
    typeof (x as ErrorBody).error === 'object' &&
    typeof (x as ErrorBody).error?.code === 'string'
  );
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, query, signal } = options;
  // X-Requested-With is the server's second CSRF wall for cookie-authenticated changes (SameSite=Strict is the first):
  // a cross-site form cannot set it. Sent on every request so that no write ever forgets it.
  const headers: Record<string, string> = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let res: Response;
  try {
    // The session travels in the httpOnly SameSite=Strict cookie; the token is never kept in script-readable storage.
    res = await fetch(withQuery(path, query), { method, headers, body: payload, signal, credentials: 'same-origin' });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK', (err as Error).message);
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let json: unknown = undefined;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  if (!res.ok) {
    if (res.status === 401 && !path.startsWith('/api/auth/')) window.dispatchEvent(new Event(UNAUTHENTICATED_EVENT));
    if (isErrorBody(json)) {
      const e = json.error;
      throw new ApiError(res.status, e.code, e.message, e.details, e.requestId);
    }
    throw new ApiError(res.status, `HTTP_${res.status}`, res.statusText || `HTTP ${res.status}`);
  }
  return json as T;
}

/**
 * A JSON POST whose answer is a file (a PDF drawn by the server, a CSV of a selection), as a Blob. The same CSRF header as api(); a
 * failure comes back as the server's ApiError.
 */
export async function postForBlob(path: string, body: unknown, accept = 'application/pdf'): Promise<Blob> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      body: JSON.stringify(body),
      headers: {
        Accept: `${accept}, application/json`,
        'Content-Type': 'application/json',
        'X-Requested-With': 'XMLHttpRequest',
      },
    });
  } catch (err) {
    throw new ApiError(0, 'NETWORK', (err as Error).message);
  }
  if (res.ok) return res.blob();
  if (res.status === 401) window.dispatchEvent(new Event(UNAUTHENTICATED_EVENT));
  throw toApiError(res.status, res.statusText, await res.text());
}

export function isAbort(err: unknown): boolean {
  return err instanceof DOMException && err.name === 'AbortError';
}

function toApiError(status: number, statusText: string, text: string): ApiError {
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (isErrorBody(json))
    return new ApiError(status, json.error.code, json.error.message, json.error.details, json.error.requestId);
  return new ApiError(status, `HTTP_${status}`, statusText || `HTTP ${status}`);
}

/**
 * A multipart POST that reports how much of the file has gone up. fetch() cannot tell upload progress, so this
 * one uses XMLHttpRequest: `onProgress(fraction)` while sending, then `onProcessing()` once the server has it all
 * and is working (an import of thousands of rows takes a moment after the last byte).
 */
export function uploadWithProgress<T>(
  path: string,
  body: FormData,
  onProgress: (fraction: number) => void,
  onProcessing: () => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    // The same CSRF header as api(): the server refuses cookie-authenticated writes without it.
    xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.upload.onload = () => {
      onProgress(1);
      onProcessing();
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'network error'));
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve((xhr.responseText ? JSON.parse(xhr.responseText) : undefined) as T);
        } catch {
          resolve(undefined as T);
        }
        return;
      }
      if (xhr.status === 401) window.dispatchEvent(new Event(UNAUTHENTICATED_EVENT));
      reject(toApiError(xhr.status, xhr.statusText, xhr.responseText));
    };
    xhr.send(body);
  });
}
