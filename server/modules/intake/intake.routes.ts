// The intake queue: pledges awaiting pickup and devices waiting in `intake`, oldest first.
import Joi from 'joi';
import { Op } from 'sequelize';
import { defineRoutes } from '../../lib/route.js';
import { parse } from '../../lib/parse.js';
import { ALL_ROLES, type Access } from '../auth/index.js';
import { countDevices, Device, toDeviceDto } from '../devices/index.js';
import { Donation, toDonationDto } from '../donations/index.js';
import type { IntakeQueueDto } from '../../shared/api-types.js';

const DAY_MS = 86_400_000;
const ageDays = (since: Date, now: number) => Math.max(0, Math.floor((now - new Date(since).getTime()) / DAY_MS));

const queueQuery = Joi.object<{ limit: number }>({ limit: Joi.number().integer().min(1).max(200).default(100) });

export async function intakeQueue(limit: number): Promise<IntakeQueueDto & { totals: { pledges: number; devices: number } }> {
  const pledgeWhere = { status: { [Op.in]: ['pledged', 'scheduled'] } };
  const [pledges, pledgeTotal, devices, deviceTotal] = await Promise.all([
    // Plain rows (raw): up to 2 × 100 rows map straight to DTOs; model instances per row and include were most of
    // this request's CPU time (docs/performance.md).
    Donation.findAll({ where: pledgeWhere, include: [{ association: 'donor', attributes: ['id', 'name'] }], order: [['createdAt', 'ASC'], ['id', 'ASC']], limit, raw: true, nest: true }),
    Donation.count({ where: pledgeWhere }),
    Device.findAll({ where: { status: 'intake' }, include: [{ association: 'donation', attributes: ['id', 'code'] }], order: [['statusChangedAt', 'ASC'], ['id', 'ASC']], limit, raw: true, nest: true }),
    countDevices({ status: 'intake' }, JSON.stringify([['intake'], null, null, null, null])),
  ]);
  const now = Date.now();
  return {
    pledges: pledges.map((p) => ({ ...toDonationDto(p), ageDays: ageDays(p.createdAt, now) })),
    devices: devices.map((d) => ({
      ...toDeviceDto(d, (d as Device & { donation?: { code: string } }).donation?.code), ageDays: ageDays(d.statusChangedAt, now),
    })),
    totals: { pledges: pledgeTotal, devices: deviceTotal },
  };
}

export const intakeRoutes = defineRoutes<Access>([
  { method: 'get', path: '/api/intake-queue', access: ALL_ROLES, handler: async (req, res) => res.json(await intakeQueue(parse(queueQuery, req.query).limit)) },
]);
