// What webhooks hear about an allocation (spec §12): ids, statuses and times; no detail of the family, and not the
// certificate's verification code (the device history hides it too).
import type { Allocation } from './allocations.model.js';

export function allocationEvent(
  a: Pick<Allocation, 'id' | 'status' | 'deviceId' | 'beneficiaryId' | 'programmeId'> & {
    handedOverAt?: Date | null;
  },
  device: { assetTag: string },
): Record<string, unknown> {
  return {
    allocationId: a.id,
    status: a.status,
    deviceId: a.deviceId,
    assetTag: device.assetTag,
    beneficiaryId: a.beneficiaryId,
    programmeId: a.programmeId,
    ...(a.handedOverAt ? { handedOverAt: a.handedOverAt.toISOString() } : {}),
    at: new Date().toISOString(),
  };
}
