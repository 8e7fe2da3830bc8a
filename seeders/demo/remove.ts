// Undo of the demo seeder: the demo donations with everything recorded on their devices, then the demo donors,
// sites and accounts that nothing else refers to any more. Sequence values are not given back: a code or
// asset tag is never issued twice.
import type { Transaction } from 'sequelize';
import { Session, User } from '../../server/modules/auth/auth.model.js';
import { Device, DeviceEvent, Drive } from '../../server/modules/devices/devices.model.js';
import { Donation } from '../../server/modules/donations/donations.model.js';
import { Donor } from '../../server/modules/donors/donors.model.js';
import { DeviceFile, Sanitization } from '../../server/modules/sanitization/sanitization.model.js';
import { Disposal, Part, VerificationSample } from '../../server/modules/workshop/workshop.model.js';
import { Site } from '../../server/modules/sites/sites.model.js';
import { findDemoDonations } from './donations.js';
import { DONORS, SITES, USERS } from './people.js';

export interface Removed {
  donations: number;
  devices: number;
  donors: number;
  sites: number;
  users: number;
}

/** The ids of the demo devices (those of the demo donations): what the setup's demo removal starts from. */
export async function demoDeviceIds(transaction: Transaction): Promise<number[]> {
  const donationIds = [...(await findDemoDonations(transaction)).values()].map((d) => d.id);
  return (await Device.findAll({ attributes: ['id'], where: { donationId: donationIds }, raw: true, transaction })).map(
    (d) => d.id,
  );
}

export async function removeDemoData(transaction: Transaction): Promise<Removed> {
  const donationIds = [...(await findDemoDonations(transaction)).values()].map((d) => d.id);
  const deviceIds = await demoDeviceIds(transaction);
  await removeDeviceRecords(deviceIds, transaction);
  const devices = await Device.destroy({ where: { id: deviceIds }, transaction });
  const donations = await Donation.destroy({ where: { id: donationIds }, transaction });
  return {
    donations,
    devices,
    donors: await removeDonors(transaction),
    sites: await removeSites(transaction),
    users: await removeUsers(transaction),
  };
}

/** Children first, so that foreign keys hold at every step on MySQL as on SQLite. */
async function removeDeviceRecords(deviceIds: number[], transaction: Transaction): Promise<void> {
  const byDevice = { where: { deviceId: deviceIds }, transaction };
  await Part.update({ usedInDeviceId: null }, { where: { usedInDeviceId: deviceIds }, transaction });
  await Part.destroy({ where: { sourceDeviceId: deviceIds }, transaction });
  await Sanitization.destroy(byDevice);
  await VerificationSample.destroy(byDevice);
  await Disposal.destroy(byDevice);
  await DeviceFile.destroy(byDevice);
  await DeviceEvent.destroy(byDevice);
  await Drive.destroy(byDevice);
}

async function removeDonors(transaction: Transaction): Promise<number> {
  let removed = 0;
  for (const donor of await Donor.findAll({ where: { name: DONORS.map((d) => d.name) }, transaction })) {
    if (await Donation.count({ where: { donorId: donor.id }, transaction })) continue;
    await donor.destroy({ transaction });
    removed += 1;
  }
  return removed;
}

async function removeSites(transaction: Transaction): Promise<number> {
  let removed = 0;
  for (const site of await Site.findAll({ where: { code: SITES.map((s) => s.code) }, transaction })) {
    const used =
      (await Donation.count({ where: { siteId: site.id }, transaction })) +
      (await Device.count({ where: { siteId: site.id }, transaction }));
    if (used) continue;
    await site.destroy({ transaction });
    removed += 1;
  }
  return removed;
}

/** An account that signed events or created donations stays: the history must keep its author. */
async function removeUsers(transaction: Transaction): Promise<number> {
  let removed = 0;
  for (const user of await User.findAll({ where: { email: USERS.map((u) => u.email) }, transaction })) {
    const used =
      (await DeviceEvent.count({ where: { actorId: user.id }, transaction })) +
      (await Donation.count({ where: { createdBy: user.id }, transaction }));
    if (used) continue;
    await Session.destroy({ where: { userId: user.id }, transaction });
    await user.destroy({ transaction });
    removed += 1;
  }
  return removed;
}
