// The device lifecycle as data (product spec §3). Pure: imports only lib/errors and the wire types.
import { ConflictError } from '../../lib/errors.js';
import { DEVICE_STATUSES, type DeviceStatus } from '../../shared/index.js';

export { DEVICE_STATUSES, type DeviceStatus };

export const DEVICE_ACTIONS = [
  'triage',
  'repair',
  'complete_wipe',
  'refurbish',
  'allocate',
  'cancel_allocation',
  'handover',
  'transfer_custody',
  'recycle',
  'harvest',
  'return',
] as const;
export type DeviceAction = (typeof DEVICE_ACTIONS)[number];

/** Statuses in which an action may start, and where it may lead (the guard in the service picks one). */
export const TRANSITIONS: Readonly<
  Record<DeviceAction, { from: readonly DeviceStatus[]; to: readonly DeviceStatus[] }>
> = {
  triage: { from: ['intake'], to: ['repair', 'wipe'] },
  repair: { from: ['repair'], to: ['wipe'] },
  complete_wipe: { from: ['wipe'], to: ['refurbish', 'disposal'] },
  refurbish: { from: ['refurbish'], to: ['ready', 'repair'] },
  allocate: { from: ['ready'], to: ['allocated'] },
  cancel_allocation: { from: ['allocated'], to: ['ready'] },
  handover: { from: ['allocated'], to: ['handed_over'] },
  // A batch handed over to a partner association (spec §13): ready again, now in the partner's custody.
  transfer_custody: { from: ['allocated'], to: ['ready'] },
  recycle: { from: ['disposal'], to: ['recycled'] },
  harvest: { from: ['disposal'], to: ['harvested'] },
  return: { from: ['handed_over'], to: ['intake'] },
};

/** The workshop's queues, defined with the wire types (the figures count them as "in workshop"). */
export { WORKSHOP_STATUSES } from '../../shared/index.js';

// Closed to the workshop (promised or gone): defined with the wire types, as the client asks it too.
export { CLOSED_STATUSES, isClosed } from '../../shared/index.js';

/** Placed: handed over to a beneficiary (the outcome a donor is told first). */
export const isPlaced = (status: DeviceStatus): boolean => status === 'handed_over';

/** Disposed of: recycled whole or harvested for parts. */
export const DISPOSED_STATUSES: readonly DeviceStatus[] = ['recycled', 'harvested'];
export const isDisposed = (status: DeviceStatus): boolean => DISPOSED_STATUSES.includes(status);

/**
 * The stages a device passes through and leaves again on its way out (every status but placed and disposed), in
 * lifecycle order: the dashboard's median days per stage.
 */
export const STAGE_STATUSES: readonly DeviceStatus[] = DEVICE_STATUSES.filter((s) => !isPlaced(s) && !isDisposed(s));

export function allowedActions(status: DeviceStatus): DeviceAction[] {
  return DEVICE_ACTIONS.filter((a) => TRANSITIONS[a].from.includes(status));
}

export function assertActionAllowed(status: DeviceStatus, action: DeviceAction): void {
  if (!TRANSITIONS[action].from.includes(status)) {
    throw new ConflictError('INVALID_TRANSITION', `Cannot ${action} a device in ${status}`, {
      status,
      action,
      allowed: allowedActions(status),
    });
  }
}

export function assertTarget(action: DeviceAction, to: DeviceStatus): void {
  if (!TRANSITIONS[action].to.includes(to)) throw new Error(`Lifecycle bug: ${action} cannot lead to ${to}`);
}
