// The email module (spec §12): donor emails in their language (thanks, receipt link, yearly statement), the outbox's
// email channel, and the one-click unsubscribe (routes: email.routes.ts). server/channels.ts registers the channel.
import { config } from '../../config.js';
import { createEmailChannel } from './email.channel.js';

export { createEmailChannel, MAX_LOGO_IN_EMAIL, type EmailChannel, type EmailChannelOptions } from './email.channel.js';
export { initEmailModels } from './email.model.js';
export type { EmailUnsubscribe } from './email.model.js';
export { EMAIL_LANGUAGES, EMAIL_TOPICS, type EmailPayload, type EmailTopic } from './email.payload.js';
export { LOGO_CID, renderEmail, type EmailSettings, type RenderedEmail } from './email.render.js';
export { isUnsubscribed } from './email.service.js';
export { readUnsubscribeToken, unsubscribeUrl } from './email.unsubscribe.js';

/** The channel of this process, with SMTP_URL and MAIL_FROM. */
export const emailChannel = createEmailChannel({ smtpUrl: config.email.smtpUrl, from: config.email.from });
