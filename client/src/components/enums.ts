// The enum values of the wire contract, in the order people expect to pick them.
import type { DeviceStatus, DeviceType, DonationChannel, DonationStatus, DonorKind, Language, MediaType, Role } from '../api/types';

export const DEVICE_TYPES: readonly DeviceType[] = ['laptop', 'desktop', 'all_in_one', 'tablet', 'monitor', 'other'];
export const DEVICE_STATUSES: readonly DeviceStatus[] = ['intake', 'repair', 'wipe', 'refurbish', 'ready', 'allocated',
  'handed_over', 'disposal', 'recycled', 'harvested'];
export const MEDIA_TYPES: readonly MediaType[] = ['ssd', 'hdd', 'nvme', 'emmc', 'other'];
export const DONATION_STATUSES: readonly DonationStatus[] = ['pledged', 'scheduled', 'received', 'closed'];
export const DONATION_CHANNELS: readonly DonationChannel[] = ['pickup', 'drop_off', 'pledge'];
export const DONOR_KINDS: readonly DonorKind[] = ['company', 'individual'];
export const LANGUAGES: readonly Language[] = ['ar', 'en'];
export const ROLE_LIST: readonly Role[] = ['admin', 'manager', 'technician', 'viewer'];
