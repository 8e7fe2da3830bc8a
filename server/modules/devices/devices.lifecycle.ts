// The device lifecycle as data (product spec §3). Pure: imports only lib/errors.
import { ConflictError } from '../../lib/errors.js';

export const DEVICE_STATUSES = ['intake', 'repair', 'wipe', 'refurbish', 'ready', 'allocated',
  'handed_over', 'disposal', 'recycled', 'harvested'] as const;
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];

export const DEVICE_ACTIONS = ['triage', 'repair', 'complete_wipe', 'refurbish', 'allocate', 'cancel_allocation',
  'handover', 'recycle', 'harvest', 'return'] as const;
export type DeviceAction = (typeof DEVICE_ACTIONS)[number];

/** Statuses in which an action may start, and where it may lead (the guard in the service picks one). */
export const TRANSITIONS: Readonly<Record<DeviceAction, { from: readonly DeviceStatus[]; to: readonly DeviceStatus[] }>> = {
  triage: { from: ['intake'], to: ['repair', 'wipe'] },
  repair: { from: ['repair'], to: ['wipe'] },
  complete_wipe: { from: ['wipe'], to: ['refurbish', 'disposal'] },
  refurbish: { from: ['refurbish'], to: ['ready', 'repair'] },
  allocate: { from: ['ready'], to: ['allocated'] },
  cancel_allocation: { from: ['allocated'], to: ['ready'] },
  handover: { from: ['allocated'], to: ['handed_over'] },
  recycle: { from: ['disposal'], to: ['recycled'] },
  harvest: { from: ['disposal'], to: ['harvested'] },
  return: { from: ['handed_over'], to: ['intake'] },
};

/** Actions that only the allocations module may drive (through the same state-change function). */
export const ALLOCATION_ACTIONS: readonly DeviceAction[] = ['allocate', 'cancel_allocation', 'handover'];

export const WORKSHOP_STATUSES: readonly DeviceStatus[] = ['intake', 'repair', 'wipe', 'refurbish', 'disposal'];

export function allowedActions(status: DeviceStatus): DeviceAction[] {
  return DEVICE_ACTIONS.filter((a) => TRANSITIONS[a].from.includes(status));
}

export function assertActionAllowed(status: DeviceStatus, action: DeviceAction): void {
  if (!TRANSITIONS[action].from.includes(status)) {
    throw new ConflictError('INVALID_TRANSITION', `Cannot ${action} a device in ${status}`,
      { status, action, allowed: allowedActions(status) });
  }
}

export function assertTarget(action: DeviceAction, to: DeviceStatus): void {
  if (!TRANSITIONS[action].to.includes(to)) throw new Error(`Lifecycle bug: ${action} cannot lead to ${to}`);
}
