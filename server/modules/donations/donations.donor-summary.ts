import { countByStatus, DISPOSED_STATUSES, DEVICE_STATUSES, isPlaced } from '../devices/index.js';
import { findDonor, toDonorDto } from '../donors/index.js';
import { Donation } from './donations.model.js';
import { toDonationDto } from './donations.schema.js';
import type { Role } from '../auth/index.js';
import type { DonorDetailDto } from '../../shared/index.js';

export async function getDonorDetail(id: number, role: Role): Promise<DonorDetailDto> {
  const donor = await findDonor(id);
  const donations = await Donation.findAll({ where: { donorId: id }, order: [['id', 'DESC']] });
  const byStatus = donations.length ? await countByStatus({ donationId: donations.map((d) => d.id) }) : {};
  const sum = (statuses: readonly string[]) => statuses.reduce((n, s) => n + (byStatus[s] ?? 0), 0);
  const devices = Object.values(byStatus).reduce((n, v) => n + v, 0);
  const placed = sum(DEVICE_STATUSES.filter(isPlaced));
  return {
    ...toDonorDto(donor, role),
    summary: {
      donations: donations.length,
      devices,
      placed,
      recycled: sum(DISPOSED_STATUSES),
      inProgress: devices - placed - sum(DISPOSED_STATUSES),
    },
    donations: donations.map((d) => toDonationDto(Object.assign(d, { donor: { name: donor.name } }))),
  };
}
