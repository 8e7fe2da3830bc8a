// Parsing an uploaded file runs here, in worker threads, never on the thread that answers requests: a parser that
// takes seconds on a hostile file would otherwise stall every user's requests meanwhile. Each job has a time limit
// (PARSE_TIMEOUT_MS); past it the worker is stopped and the upload answered 422 PARSE_TIMEOUT naming the field.
//
// A pool of warm workers, not one worker per parse: a worker spends ~2 s loading the parsers under tsx and ~0.1 s
// compiled, against ~1 ms to post a job to a warm one (measured: bench/parsers.bench.ts).
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { config } from '../config.js';
import { AppError, UnprocessableError } from './errors.js';
import type { ParseJob, ParseReply } from './parse-worker.js';

export interface OffThreadOptions {
  /** The multipart field the content came from, named in errors. */
  field: string;
  timeoutMs?: number;
}

interface Job extends ParseJob {
  options: Required<OffThreadOptions>;
  transfer: ArrayBuffer[];
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  job?: Job;
  timer?: NodeJS.Timeout;
}

/** Loading a module in a fresh worker is not parsing; it gets its own, generous bound. */
const LOAD_TIMEOUT_MS = 60_000;
/** Jobs waiting for a worker beyond this answer 503: a flood of uploads must not queue without end. */
const MAX_QUEUED = 32;
/** A parse needing more heap than this is refused (422) instead of growing the process without bound. */
const MAX_HEAP_MB = 1024;

// From source (tsx), the worker's entry is TypeScript and the worker thread needs tsx's loader registered in it:
// on Node 20 the parent's --import hooks do not reach worker threads. Compiled (dist/), it is plain JavaScript.
const ownExtension = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
const entry = new URL(`./parse-worker${ownExtension}`, import.meta.url).href;
const tsxApi = ownExtension === '.ts' ? import.meta.resolve('tsx/esm/api') : null;
// Dynamic import only: the eval'd code is CommonJS or an ES module depending on the parent's --input-type.
const BOOTSTRAP = `import('node:worker_threads').then(async ({ workerData }) => {
  if (workerData.tsxApi) (await import(workerData.tsxApi)).register();
  await import(workerData.entry);
});`;

const slots: Slot[] = [];
const queue: Job[] = [];
let nextId = 1;

export function poolSize(): number {
  return config.parse.workers || Math.min(4, Math.max(1, os.availableParallelism() - 1));
}

function settle(slot: Slot, outcome: { value: unknown } | { error: Error }): void {
  const job = slot.job;
  clearTimeout(slot.timer);
  slot.job = undefined;
  slot.timer = undefined;
  if (!job) return;
  if ('error' in outcome) job.reject(outcome.error);
  else job.resolve(outcome.value);
}

/** Stops a worker that misbehaved (too slow, out of memory, crashed) and lets a fresh one take its place later. */
function retire(slot: Slot, error: Error): void {
  const at = slots.indexOf(slot);
  if (at >= 0) slots.splice(at, 1);
  settle(slot, { error });
  void slot.worker.terminate();
  dispatch();
}

function timeoutError(job: Job): AppError {
  const { field, timeoutMs } = job.options;
  return new UnprocessableError(
    'PARSE_TIMEOUT',
    `Reading the file in field "${field}" took longer than ${timeoutMs} ms, ` +
      'so it was stopped: it is not a file Nimah can read.',
    { field, timeoutMs },
  );
}

function onReply(slot: Slot, reply: ParseReply): void {
  const job = slot.job;
  if (!job || reply.id !== job.id) return;
  if (reply.type === 'started') {
    clearTimeout(slot.timer);
    slot.timer = setTimeout(() => retire(slot, timeoutError(job)), job.options.timeoutMs);
    return;
  }
  if (reply.type === 'done') settle(slot, { value: reply.value });
  else if (reply.error.status !== undefined && reply.error.code !== undefined) {
    settle(slot, {
      error: new AppError(reply.error.code, reply.error.message, reply.error.status, reply.error.details),
    });
  } else settle(slot, { error: new Error(reply.error.message) });
  dispatch();
}

function onWorkerError(slot: Slot, error: Error & { code?: string }): void {
  const field = slot.job?.options.field ?? 'file';
  retire(
    slot,
    error.code === 'ERR_WORKER_OUT_OF_MEMORY'
      ? new UnprocessableError(
          'PARSE_TOO_LARGE',
          `Reading the file in field "${field}" needs more memory than an upload may use.`,
          { field },
        )
      : error,
  );
}

function spawn(): Slot {
  const worker = new Worker(BOOTSTRAP, {
    eval: true,
    workerData: { entry, tsxApi },
    resourceLimits: { maxOldGenerationSizeMb: MAX_HEAP_MB },
  });
  const slot: Slot = { worker };
  worker.on('message', (reply: ParseReply) => onReply(slot, reply));
  worker.on('error', (error) => onWorkerError(slot, error));
  worker.on('exit', () => {
    if (slots.includes(slot)) retire(slot, new Error('The parse worker stopped unexpectedly'));
  });
  // An idle worker must not keep the process alive (a running job's timer does). After the listeners: adding a
  // 'message' listener refs the worker's port again.
  worker.unref();
  slots.push(slot);
  return slot;
}

function start(slot: Slot, job: Job): void {
  slot.job = job;
  slot.timer = setTimeout(
    () => retire(slot, new Error('The parse worker did not load its module in time')),
    LOAD_TIMEOUT_MS,
  );
  slot.worker.postMessage(
    { id: job.id, moduleUrl: job.moduleUrl, fn: job.fn, args: job.args } satisfies ParseJob,
    job.transfer,
  );
}

function dispatch(): void {
  while (queue.length > 0) {
    const slot = slots.find((candidate) => !candidate.job) ?? (slots.length < poolSize() ? spawn() : undefined);
    if (!slot) return;
    start(slot, queue.shift() as Job);
  }
}

/** Bytes are copied once into a buffer of their own, which is then moved to the worker rather than copied again. */
function prepare(args: unknown[]): { args: unknown[]; transfer: ArrayBuffer[] } {
  const transfer: ArrayBuffer[] = [];
  const prepared = args.map((arg) => {
    if (!(arg instanceof Uint8Array)) return arg;
    const copy = new Uint8Array(arg);
    transfer.push(copy.buffer);
    return copy;
  });
  return { args: prepared, transfer };
}

/**
 * Runs `fn`, an export of the module at `moduleUrl` (pass the caller's `import.meta.url`, which names the .ts file
 * under tsx and the .js file compiled), in a worker thread. Arguments and result must be plain data.
 */
export function runOffThread<T>(moduleUrl: string, fn: string, args: unknown[], options: OffThreadOptions): Promise<T> {
  if (queue.length >= MAX_QUEUED) {
    return Promise.reject(
      new AppError('PARSE_BUSY', 'Too many files are being read at once; try again in a moment.', 503, {
        field: options.field,
      }),
    );
  }
  return new Promise<T>((resolve, reject) => {
    const { args: prepared, transfer } = prepare(args);
    queue.push({
      id: nextId++,
      moduleUrl,
      fn,
      args: prepared,
      transfer,
      resolve: resolve as (value: unknown) => void,
      reject,
      options: { field: options.field, timeoutMs: options.timeoutMs ?? config.parse.timeoutMs },
    });
    dispatch();
  });
}
