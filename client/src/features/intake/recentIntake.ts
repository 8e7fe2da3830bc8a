// The devices added at this bench stay listed across a page reload (sessionStorage, per donation), so the
// technician can check the last tags against the labels on the machines after an interruption.
import type { DeviceType } from '../../api/types';

export interface RecentDevice {
  id: number;
  assetTag: string;
  type: DeviceType;
  manufacturer: string;
  model: string;
  serialNumber: string;
  at: string;
}

const key = (donationId: number) => `nimah.intake.${donationId}`;
const MAX = 25;

export function loadRecent(donationId: number): RecentDevice[] {
  try {
    const raw = window.sessionStorage.getItem(key(donationId));
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? (parsed as RecentDevice[]).slice(0, MAX) : [];
  } catch {
    return [];
  }
}

export function saveRecent(donationId: number, items: RecentDevice[]): void {
  try {
    window.sessionStorage.setItem(key(donationId), JSON.stringify(items.slice(0, MAX)));
  } catch {
    /* not kept */
  }
}
