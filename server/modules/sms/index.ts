// The SMS module (spec §12): the outbox channel that writes to families by SMS or WhatsApp through the operator's
// HTTP gateway (SMS_WEBHOOK_URL, signed with SMS_WEBHOOK_SECRET). What is sent, and when, is decided by the
// beneficiaries and allocations modules (beneficiaries.messages.ts); this module only delivers and words it.
export {
  createSmsChannel,
  smsChannel,
  SMS_TIMEOUT_MS,
  type SmsChannel,
  type SmsChannelSettings,
  type SmsGatewayBody,
} from './sms.channel.js';
export { formatAppointmentDate, languagesFor, renderText } from './sms.render.js';
