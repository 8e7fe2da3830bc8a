// The webhooks admin's wire types (spec §12), shared with the client: the events an endpoint may subscribe to, the
// endpoint as an admin sees it (the secret in clear only in the answer to its creation) and the delivery log.

/** Exactly the events of spec §12. */
export const WEBHOOK_EVENTS = [
  'donation.received',
  'donation.closed',
  'device.status_changed',
  'allocation.reserved',
  'allocation.handed_over',
  'allocation.cancelled',
  'beneficiary.status_changed',
  'sanitization.failed',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export interface WebhookEndpointInput {
  url: string;
  events: WebhookEvent[];
  /** Generated when absent. */
  secret?: string;
}
export interface WebhookEndpointPatch {
  url?: string;
  events?: WebhookEvent[];
  /** true re-enables a disabled endpoint (and clears its failure count); false disables it. */
  enabled?: boolean;
}

export interface WebhookEndpointDto {
  id: number;
  url: string;
  events: WebhookEvent[];
  /** In clear only in the answer to the creating POST; `******` and its last four characters afterwards. */
  secret: string;
  enabled: boolean;
  consecutiveFailures: number;
  /** When and why it was disabled (after WEBHOOK_DISABLE_AFTER failed deliveries in a row, or by an admin). */
  disabledAt: string | null;
  disabledReason: string | null;
  /** Switched off by WEBHOOK_DISABLE_AFTER failures in a row (not by an admin): the admin's notice. */
  disabledAfterFailures: boolean;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface WebhookDeliveryDto {
  id: number;
  endpointId: number;
  outboxMessageId: number;
  event: string;
  attempt: number;
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
  createdAt: string;
}
