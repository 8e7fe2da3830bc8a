// Per-request context (request id, actor) carried through async calls, so logs can name the request
// without every function taking it as an argument.
import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContext {
  requestId: string;
  userId?: number;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithContext<T>(ctx: RequestContext, fn: () => T): T {
  return storage.run(ctx, fn);
}
export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}
