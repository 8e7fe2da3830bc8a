// Read side of the workshop: work queues per status, the parts inventory, pending verification samples.
import { offsetOf, type Page, type PageQuery } from '../../lib/pagination.js';
import {
  assetTagsOf,
  countByStatus,
  oldestInStatus,
  toDeviceDto,
  WORKSHOP_STATUSES,
  type DeviceStatus,
} from '../devices/index.js';
import { Part, VerificationSample } from './workshop.model.js';
import type { PartDto, WorkQueuesDto } from '../../shared/index.js';

const DAY_MS = 86_400_000;

export async function workQueues(limit: number): Promise<WorkQueuesDto> {
  const counts = await countByStatus({ status: WORKSHOP_STATUSES as DeviceStatus[] });
  const now = Date.now();
  const queues = await Promise.all(
    WORKSHOP_STATUSES.map(async (status) => {
      // (status, status_changed_at) is indexed: each queue's oldest devices come straight off the index.
      const rows = await oldestInStatus(status, limit);
      return {
        status,
        count: counts[status] ?? 0,
        oldest: rows.map((d) => ({
          ...toDeviceDto(d),
          ageDays: Math.floor((now - new Date(d.statusChangedAt).getTime()) / DAY_MS),
        })),
      };
    }),
  );
  return { queues };
}

export type { PartDto };
const toPartDto = (p: Part): PartDto => ({
  id: p.id,
  type: p.type,
  serialNumber: p.serialNumber,
  description: p.description,
  status: p.status,
  sourceDeviceId: p.sourceDeviceId,
  usedInDeviceId: p.usedInDeviceId ?? null,
  createdAt: new Date(p.createdAt).toISOString(),
});

export async function listParts(
  q: PageQuery & { status?: 'available' | 'used'; type?: string },
): Promise<Page<PartDto>> {
  const where: Record<string, unknown> = {};
  if (q.status) where.status = q.status;
  if (q.type) where.type = q.type;
  const { rows, count } = await Part.findAndCountAll({
    where,
    order: [['id', 'DESC']],
    limit: q.pageSize,
    offset: offsetOf(q),
  });
  return { items: rows.map(toPartDto), total: count, page: q.page, pageSize: q.pageSize };
}

export interface SampleDto {
  id: number;
  deviceId: number;
  assetTag: string;
  operatorId: number | null;
  status: string;
  verifierId: number | null;
  verifiedAt: string | null;
  notes: string | null;
  createdAt: string;
}
export const toSampleDto = (s: VerificationSample, assetTag: string): SampleDto => ({
  id: s.id,
  deviceId: s.deviceId,
  assetTag,
  operatorId: s.operatorId,
  status: s.status,
  verifierId: s.verifierId ?? null,
  verifiedAt: s.verifiedAt ? new Date(s.verifiedAt).toISOString() : null,
  notes: s.notes ?? null,
  createdAt: new Date(s.createdAt).toISOString(),
});

export async function listSamples(
  q: PageQuery & { status?: 'pending' | 'passed' | 'failed' },
): Promise<Page<SampleDto>> {
  const where = q.status ? { status: q.status } : {};
  const { rows, count } = await VerificationSample.findAndCountAll({
    where,
    order: [
      ['createdAt', 'ASC'],
      ['id', 'ASC'],
    ],
    limit: q.pageSize,
    offset: offsetOf(q),
  });
  const tags = await assetTagsOf(rows.map((r) => r.deviceId));
  return {
    items: rows.map((r) => toSampleDto(r, tags.get(r.deviceId) ?? '')),
    total: count,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** The device's latest passed verification sample (the R2v3 independent check), or null. */
export function latestPassedSample(deviceId: number): Promise<VerificationSample | null> {
  return VerificationSample.findOne({ where: { deviceId, status: 'passed' }, order: [['verifiedAt', 'DESC']] });
}
