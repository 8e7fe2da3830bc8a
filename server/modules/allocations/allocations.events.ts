// What webhooks hear about an allocation (spec §12): ids, statuses and times; no detail of the family, and not the
// certificate's verification code (the device history hides it too). A handover's bundle is told without the SIM's
// ICCID or number, not even its last digits.
import type { Allocation } from './allocations.model.js';
import type { AssignedBundleDto } from '../../shared/index.js';

export function allocationEvent(
  a: Pick<Allocation, 'id' | 'status' | 'deviceId' | 'beneficiaryId' | 'programmeId'> & {
    handedOverAt?: Date | null;
  },
  device: { assetTag: string },
  bundle?: AssignedBundleDto | null,
): Record<string, unknown> {
  return {
    allocationId: a.id,
    status: a.status,
    deviceId: a.deviceId,
    assetTag: device.assetTag,
    beneficiaryId: a.beneficiaryId,
    programmeId: a.programmeId,
    ...(a.handedOverAt ? { handedOverAt: a.handedOverAt.toISOString() } : {}),
    ...(bundle !== undefined ? { bundle: bundle && bundleFacts(bundle) } : {}),
    at: new Date().toISOString(),
  };
}

const bundleFacts = (b: AssignedBundleDto) => ({
  sponsorId: b.sponsorId,
  lotId: b.lotId,
  operator: b.operator,
  dataGb: b.dataGb,
  validityDays: b.validityDays,
});
