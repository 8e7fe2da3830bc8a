import { countByStatus } from '../devices/index.js';
import { findDonor, toDonorDto } from '../donors/index.js';
import { Donation } from './donations.model.js';
import { toDonationDto } from './donations.schema.js';
import type { Role } from '../auth/index.js';
import type { DonorDetailDto } from '../../shared/api-types.js';

const RECYCLED = ['recycled', 'harvested'];

export async function getDonorDetail(id: number, role: Role): Promise<DonorDetailDto> {
  const donor = await findDonor(id);
  const donations = await Donation.findAll({ where: { donorId: id }, order: [['id', 'DESC']] });
  const byStatus = donations.length ? await countByStatus({ donationId: donations.map((d) => d.id) }) : {};
  const sum = (statuses: string[]) => statuses.reduce((n, s) => n + (byStatus[s] ?? 0), 0);
  const devices = Object.values(byStatus).reduce((n, v) => n + v, 0);
  const placed = byStatus.handed_over ?? 0;
  return {
    ...toDonorDto(donor, role),
    summary: { donations: donations.length, devices, placed, recycled: sum(RECYCLED), inProgress: devices - placed - sum(RECYCLED) },
    donations: donations.map((d) => toDonationDto(Object.assign(d, { donor: { name: donor.name } }))),
  };
}
