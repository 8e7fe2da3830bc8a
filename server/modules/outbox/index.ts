// The transactional outbox (spec §12, architecture guide §4a): messages written with the change they report, sent
// by a worker at least once. Producers call enqueue() in their transaction; server/channels.ts registers the
// channels; server.ts and worker.ts start the worker.
export { enqueue, type NewMessage } from './outbox.enqueue.js';
export { PermanentDeliveryError, type OutboxChannel, type OutboxMessage } from './outbox.channels.js';
export { initOutboxModels } from './outbox.model.js';
export { registerChannel } from './outbox.registry.js';
export {
  drainOutbox,
  retryDelayMs,
  startOutboxWorker,
  type RunningWorker,
  type WorkerOptions,
} from './outbox.worker.js';
