// The worker thread of worker-pool.ts: imports the module a job names (once per module), says it has started,
// runs the named export on the job's arguments and posts back the result or the error. Plain data both ways.
import os from 'node:os';
import { parentPort } from 'node:worker_threads';

export interface ParseJob {
  id: number;
  moduleUrl: string;
  fn: string;
  args: unknown[];
}
export type ParseReply =
  | { id: number; type: 'started' }
  | { id: number; type: 'done'; value: unknown }
  | { id: number; type: 'failed'; error: { code?: string; status?: number; message: string; details?: unknown } };

const modules = new Map<string, Promise<Record<string, unknown>>>();

function load(url: string): Promise<Record<string, unknown>> {
  let loaded = modules.get(url);
  if (!loaded) {
    loaded = import(url) as Promise<Record<string, unknown>>;
    modules.set(url, loaded);
  }
  return loaded;
}

/** Bytes arrive as a plain Uint8Array (structured clone drops the Buffer class); the parsers expect a Buffer. */
const revive = (arg: unknown): unknown =>
  arg instanceof Uint8Array ? Buffer.from(arg.buffer, arg.byteOffset, arg.byteLength) : arg;

/** AppErrors keep their code, status and details; anything else is a bug and travels as its message only. */
function describe(error: unknown): Extract<ParseReply, { type: 'failed' }>['error'] {
  const e = error as { code?: unknown; status?: unknown; message?: unknown; details?: unknown; name?: unknown };
  const message = typeof e?.message === 'string' ? e.message : String(error);
  if (typeof e?.code === 'string' && typeof e.status === 'number')
    return { code: e.code, status: e.status, message, details: e.details };
  return { message: `${typeof e?.name === 'string' ? e.name : 'Error'}: ${message}` };
}

async function run(job: ParseJob): Promise<ParseReply> {
  try {
    const fn = (await load(job.moduleUrl))[job.fn];
    if (typeof fn !== 'function') throw new Error(`${job.moduleUrl} exports no function ${job.fn}`);
    parentPort?.postMessage({ id: job.id, type: 'started' } satisfies ParseReply);
    return { id: job.id, type: 'done', value: await (fn as (...args: unknown[]) => unknown)(...job.args.map(revive)) };
  } catch (error) {
    return { id: job.id, type: 'failed', error: describe(error) };
  }
}

// Below the request thread's priority (on Linux the nice value is per thread): when the machine has fewer free
// cores than busy threads, requests are served first and the parse takes the time left over.
try {
  os.setPriority(os.constants.priority.PRIORITY_BELOW_NORMAL);
} catch {
  // Not permitted on this system: the parse then competes as an equal.
}

parentPort?.on('message', (job: ParseJob) => {
  void run(job).then((reply) => parentPort?.postMessage(reply));
});
