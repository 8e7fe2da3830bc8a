// The intake queue: pledges awaiting pickup and devices waiting in `intake`, oldest first.
import { selectBatch, sqlOnce } from '../../db/select-batch.js';
import { countDevices, deviceColumns, toDeviceDto, type Device } from '../devices/index.js';
import { donationColumns, toDonationDto, type Donation } from '../donations/index.js';
import type { IntakeQueueDto } from '../../shared/index.js';

const DAY_MS = 86_400_000;
const ageDays = (since: Date, now: number) => Math.max(0, Math.floor((now - new Date(since).getTime()) / DAY_MS));

const PLEDGED = "('pledged', 'scheduled')";
const pledgesSql = sqlOnce(
  () => `SELECT ${donationColumns('t')}, dr.name AS donorName FROM donations t LEFT JOIN donors dr ON dr.id = t.donor_id
  WHERE t.status IN ${PLEDGED} ORDER BY t.created_at, t.id LIMIT :limit`,
);
const pledgeCountSql = `SELECT COUNT(*) AS n FROM donations WHERE status IN ${PLEDGED}`;
const devicesSql = sqlOnce(
  () => `SELECT ${deviceColumns('t')}, dn.code AS donationCode FROM devices t LEFT JOIN donations dn ON dn.id = t.donation_id
  WHERE t.status = 'intake' ORDER BY t.status_changed_at, t.id LIMIT :limit`,
);

export async function intakeQueue(
  limit: number,
): Promise<IntakeQueueDto & { totals: { pledges: number; devices: number } }> {
  // The lists and the pledge count in one round trip; the device count is shared with the device list (5 s).
  const [[pledges, [pledgeCount], devices], deviceTotal] = await Promise.all([
    selectBatch([pledgesSql(), pledgeCountSql, devicesSql()], { limit }),
    countDevices({ status: ['intake'] }, { status: 'intake' }),
  ]);
  const now = Date.now();
  return {
    pledges: pledges.map((p) => {
      const row = p as unknown as Donation;
      return {
        ...toDonationDto(Object.assign(row, { donor: { name: p.donorName as string } })),
        ageDays: ageDays(row.createdAt, now),
      };
    }),
    devices: devices.map((d) => {
      const row = d as unknown as Device;
      return {
        ...toDeviceDto(row, (d.donationCode as string | null) ?? undefined),
        ageDays: ageDays(row.statusChangedAt, now),
      };
    }),
    totals: { pledges: Number(pledgeCount.n), devices: deviceTotal },
  };
}
