// Which endpoints get a message when something happens: asked by the producers (through the outbox) on every
// lifecycle action, inside the transaction that makes the change, so the messages are written with it. One statement
// on the (event, endpoint_id) primary key of webhook_subscriptions, joined to the enabled endpoints by primary key:
// with no endpoint subscribed it reads one index page and returns nothing.
import type { Transaction } from 'sequelize';
import { selectIn } from '../../db/statements.js';

export const WEBHOOK_TARGETS_SQL = `SELECT s.endpoint_id AS id FROM webhook_subscriptions s
  JOIN webhook_endpoints e ON e.id = s.endpoint_id AND e.enabled = 1
 WHERE s.event = ? ORDER BY s.endpoint_id`;

/** Ids of the enabled endpoints subscribed to `event`, ascending, read in the caller's `transaction`. */
export async function webhookTargets(event: string, transaction: Transaction): Promise<number[]> {
  const rows = await selectIn<{ id: number | string }>(transaction, WEBHOOK_TARGETS_SQL, [event]);
  return rows.map((r) => Number(r.id));
}
