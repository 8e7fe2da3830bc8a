// The outbox's channels, composed here (like routes.ts and models.ts) so that the outbox module depends on none of
// the modules that implement them. Called once at start by server.ts and worker.ts.
import { emailChannel } from './modules/email/index.js';
import { registerChannel } from './modules/outbox/index.js';
import { smsChannel } from './modules/sms/index.js';
import { webhookChannel } from './modules/webhooks/index.js';

let registered = false;

export function registerChannels(): void {
  if (registered) return;
  registered = true;
  registerChannel('email', emailChannel);
  registerChannel('webhook', webhookChannel);
  registerChannel('sms', smsChannel);
}
