// Devices with their drives, sanitization records and hash-chained events, generated device by device.
// The chain is computed here with the server's own eventHash(), and devices.last_event_seq/last_event_hash
// anchor it, so GET /api/audit/verify accepts the seeded history.
import { Table, type Cell } from './seed.tables.js';
import { eventTimes, pick, prng, statusPath, statusFor, wiped, type Status, type Step } from './seed.plan.js';

export interface HashFn {
  (
    prevHash: string | null,
    e: {
      deviceId: number;
      seq: number;
      type: string;
      actorId: number | null;
      fromStatus: Status | null;
      toStatus: Status | null;
      payload: string;
      createdAt: Date;
    },
  ): string;
}

export interface DevicePlan {
  status: Status;
  viaRepair: boolean;
  start: number;
  donationId: number;
  siteId: number;
  type: string;
  driveCount: number;
  allocationId: number | null;
}

export interface DeviceContext {
  now: number;
  plans: DevicePlan[];
  /** Non-status events per device so that the total reaches the target. */
  extraEvents: (deviceIndex: number) => number;
  technicianIds: number[];
  adminId: number;
  hash: HashFn;
  canonicalJson: (v: unknown) => string;
  tagPrefix: string;
  /** Also write the read model's stage spans (figure_stage_spans), as the server writes them on each status change. */
  spans: boolean;
  /** Called for allocated and handed-over devices with the times of their allocate and handover events. */
  onAllocation?: (plan: DevicePlan, deviceId: number, allocatedAt: Date, handedOverAt: Date | null) => void;
}

export const deviceTables = {
  devices: new Table('devices', [
    'id',
    'asset_tag',
    'donation_id',
    'site_id',
    'type',
    'manufacturer',
    'model',
    'serial_number',
    'serial_key',
    'cpu',
    'ram_gb',
    'storage_summary',
    'status',
    'disposition',
    'grade',
    'os',
    'licence',
    'windows11_eligible',
    'version',
    'last_event_seq',
    'last_event_hash',
    'status_changed_at',
    'created_at',
    'updated_at',
  ]),
  drives: new Table('drives', [
    'id',
    'device_id',
    'serial_number',
    'serial_key',
    'model',
    'media_type',
    'capacity_bytes',
    'smart_passed',
    'power_on_hours',
    'created_at',
    'updated_at',
  ]),
  events: new Table('device_events', [
    'id',
    'device_id',
    'seq',
    'type',
    'actor_id',
    'from_status',
    'to_status',
    'payload',
    'prev_hash',
    'hash',
    'created_at',
  ]),
  sanitizations: new Table('sanitizations', [
    'id',
    'device_id',
    'drive_id',
    'method',
    'technique',
    'tool',
    'passes',
    'verification',
    'result',
    'started_at',
    'finished_at',
    'operator_id',
    'verifier_id',
    'source',
    'evidence',
    'state',
    'confirmed_by',
    'confirmed_at',
    'created_at',
  ]),
  /** One per status event after a device's first: the stage it ended (server/modules/figures). */
  spans: new Table('figure_stage_spans', [
    'device_id',
    'end_seq',
    'stage',
    'site_id',
    'entered_at',
    'left_at',
    'seconds',
  ]),
};

const MODELS: Record<string, [string, string][]> = {
  laptop: [
    ['Lenovo', 'ThinkPad T480'],
    ['Dell', 'Latitude 7490'],
    ['HP', 'EliteBook 840 G5'],
    ['Lenovo', 'ThinkPad X270'],
    ['Apple', 'MacBook Air A1466'],
  ],
  desktop: [
    ['Dell', 'OptiPlex 7050'],
    ['HP', 'ProDesk 600 G3'],
    ['Lenovo', 'ThinkCentre M910q'],
  ],
  all_in_one: [
    ['HP', 'EliteOne 800 G3'],
    ['Lenovo', 'ThinkCentre M920z'],
  ],
  tablet: [
    ['Samsung', 'Galaxy Tab A'],
    ['Apple', 'iPad 6'],
  ],
  monitor: [
    ['Dell', 'P2419H'],
    ['HP', 'E24 G4'],
  ],
  other: [
    ['Canon', 'LBP6030'],
    ['Cisco', 'SG300'],
  ],
};
export const DEVICE_TYPE_WEIGHTS: [string, number][] = [
  ['laptop', 55],
  ['desktop', 25],
  ['all_in_one', 8],
  ['tablet', 5],
  ['monitor', 5],
  ['other', 2],
];

let nextEventId = 1;
let nextDriveId = 1;
let nextSanitizationId = 1;

interface Drive {
  id: number;
  serial: string;
}

function drivesFor(rand: () => number, id: number, type: string, count: number, at: Date): Drive[] {
  const drives: Drive[] = [];
  for (let k = 0; k < count; k += 1) {
    const serial = `S${(id * 4 + k).toString(36).toUpperCase().padStart(9, '0')}`;
    const media = type === 'tablet' ? 'emmc' : pick(rand, ['ssd', 'ssd', 'hdd', 'nvme']);
    const capacity = pick(rand, [128, 256, 256, 500, 512, 1000]) * 1_000_000_000;
    const drive = { id: nextDriveId, serial };
    nextDriveId += 1;
    deviceTables.drives.add([
      drive.id,
      id,
      serial,
      serial,
      media === 'hdd' ? 'WDC WD5000LPLX' : 'Samsung SSD 860',
      media,
      capacity,
      rand() < 0.93,
      Math.floor(rand() * 30_000),
      at,
      at,
    ]);
    drives.push(drive);
  }
  return drives;
}

const EXTRA_TYPES = ['label_printed', 'hardware_report', 'note', 'moved', 'note'];

/** The ordered events of one device: intake, extra notes and reports, sanitizations before the wipe, then the rest. */
function eventList(plan: DevicePlan, drives: Drive[], extras: number): Step[] {
  const path = statusPath(plan.status, plan.viaRepair);
  const list: Step[] = [path[0]];
  for (let k = 0; k < extras; k += 1) list.push({ type: EXTRA_TYPES[k % EXTRA_TYPES.length], to: null });
  for (const step of path.slice(1)) {
    if (step.type === 'complete_wipe')
      for (let k = 0; k < drives.length; k += 1) list.push({ type: 'sanitization', to: null });
    list.push(step);
  }
  return list;
}

function payloadOf(step: Step, plan: DevicePlan, drives: Drive[], k: number): Record<string, unknown> {
  switch (step.type) {
    case 'intake':
      return { donationId: plan.donationId, source: 'manual', drives: drives.map((d) => d.serial) };
    case 'triage':
      return {
        needsRepair: step.to === 'repair',
        disposition:
          plan.status === 'recycled' || plan.status === 'disposal'
            ? 'recycle'
            : plan.status === 'harvested'
              ? 'parts'
              : 'reuse',
        findings: '',
      };
    case 'repair':
      return { workDone: 'replaced battery and keyboard', partsUsed: [], fixed: true };
    case 'complete_wipe':
      return { noStorage: drives.length === 0, drives: drives.length, verificationSampled: false };
    case 'refurbish':
      return {
        os: 'Windows 11 Pro',
        licence: 'oem_coa',
        grade: 'B',
        qa: { keyboard: 'pass', screen: 'pass', battery: 'pass' },
      };
    case 'allocate':
    case 'handover':
      return { allocationId: plan.allocationId };
    case 'recycle':
      return { recycler: 'Gulf E-Waste', weightKg: 2.1, certificateRef: `REC-${plan.donationId}` };
    case 'harvest':
      return { parts: [{ type: 'ram', serialNumber: '' }] };
    case 'sanitization':
      return { driveId: drives[k % Math.max(1, drives.length)]?.id ?? null, result: 'passed', method: 'purge' };
    case 'moved':
      return { fromSiteId: plan.siteId, toSiteId: plan.siteId, reason: 'rebalancing' };
    case 'note':
      return { text: 'checked by the workshop lead' };
    default:
      return {};
  }
}

/** Events a device gets without extras: its status path plus one sanitization event per drive once wiped. */
export const baseEvents = (p: DevicePlan): number =>
  statusPath(p.status, p.viaRepair).length + (wiped(p.status) ? p.driveCount : 0);

/** Adds device `id` (1-based) and everything that hangs off it to the tables. */
export function addDevice(ctx: DeviceContext, id: number): void {
  const plan = ctx.plans[id - 1];
  const rand = prng(id * 2654435761);
  const created = new Date(plan.start);
  const drives = drivesFor(rand, id, plan.type, plan.driveCount, created);
  const steps = eventList(plan, drives, ctx.extraEvents(id - 1));
  const times = eventTimes(rand, plan.start, steps.length, ctx.now);
  let prevHash: string | null = null;
  let status: Status | null = null;
  let statusChangedAt = created;
  let version = -1;
  let sanitized = 0;
  let allocatedAt: Date | null = null;
  let handedOverAt: Date | null = null;
  steps.forEach((step, k) => {
    const actorId =
      step.type === 'allocate' || step.type === 'handover'
        ? ctx.adminId
        : ctx.technicianIds[(id + k) % ctx.technicianIds.length];
    if (step.type === 'sanitization') {
      const drive = drives[sanitized];
      sanitized += 1;
      deviceTables.sanitizations.add([
        nextSanitizationId,
        id,
        drive.id,
        'purge',
        'ata_sanitize',
        'nwipe 0.37',
        1,
        'last_pass',
        'passed',
        // Typed in by the technician and confirmed by the admin (spec §10), so it counts as a passed wipe.
        new Date(times[k].getTime() - 3_600_000),
        times[k],
        actorId,
        ctx.adminId,
        'manual',
        'none',
        'counted',
        ctx.adminId,
        times[k],
        times[k],
      ]);
      nextSanitizationId += 1;
    }
    const payload = ctx.canonicalJson(payloadOf(step, plan, drives, sanitized - 1));
    const fromStatus = step.to && step.type !== 'intake' ? status : null;
    const fields = {
      deviceId: id,
      seq: k + 1,
      type: step.type,
      actorId,
      fromStatus,
      toStatus: step.to,
      payload,
      createdAt: times[k],
    };
    const hash = ctx.hash(prevHash, fields);
    deviceTables.events.add([
      nextEventId,
      id,
      k + 1,
      step.type,
      actorId,
      fromStatus,
      step.to,
      payload,
      prevHash,
      hash,
      times[k],
    ]);
    nextEventId += 1;
    prevHash = hash;
    if (step.type === 'allocate') allocatedAt = times[k];
    if (step.type === 'handover') handedOverAt = times[k];
    if (step.to && status && ctx.spans)
      deviceTables.spans.add([
        id,
        k + 1,
        status,
        plan.siteId,
        statusChangedAt,
        times[k],
        Math.max(0, (times[k].getTime() - statusChangedAt.getTime()) / 1000),
      ]);
    if (step.to) {
      status = step.to;
      statusChangedAt = times[k];
      version += 1;
    }
  });
  if (allocatedAt && ctx.onAllocation) ctx.onAllocation(plan, id, allocatedAt, handedOverAt);
  if (wiped(plan.status) && sanitized !== drives.length)
    throw new Error(`device ${id}: ${drives.length} drives, ${sanitized} sanitized`);
  addDeviceRow(ctx, id, plan, drives.length, {
    version,
    lastSeq: steps.length,
    lastHash: prevHash,
    statusChangedAt,
    updatedAt: times[times.length - 1],
  });
}

interface Tail {
  version: number;
  lastSeq: number;
  lastHash: string | null;
  statusChangedAt: Date;
  updatedAt: Date;
}

function addDeviceRow(ctx: DeviceContext, id: number, plan: DevicePlan, driveCount: number, tail: Tail): void {
  const rand = prng(id * 40503 + 7);
  const [manufacturer, model] = pick(rand, MODELS[plan.type]);
  const serial = `${manufacturer.slice(0, 2).toUpperCase()}${id.toString(36).toUpperCase().padStart(7, '0')}`;
  const done = ['ready', 'allocated', 'handed_over'].includes(plan.status);
  const disposition: string | null =
    plan.status === 'intake'
      ? null
      : plan.status === 'recycled' || plan.status === 'disposal'
        ? 'recycle'
        : plan.status === 'harvested'
          ? 'parts'
          : 'reuse';
  const row: Cell[] = [
    id,
    ctx.tagPrefix + String(id).padStart(6, '0'),
    plan.donationId,
    plan.siteId,
    plan.type,
    manufacturer,
    model,
    serial,
    serial,
    plan.type === 'laptop' || plan.type === 'desktop'
      ? pick(rand, ['Intel Core i5-8350U', 'Intel Core i5-7500', 'Intel Core i7-8650U'])
      : null,
    plan.type === 'monitor' || plan.type === 'other' ? null : pick(rand, [4, 8, 8, 16]),
    driveCount ? `${driveCount} drive(s)` : null,
    plan.status,
    disposition,
    done ? pick(rand, ['A', 'B', 'B', 'C']) : null,
    done ? 'Windows 11 Pro' : null,
    done ? 'oem_coa' : null,
    done ? rand() < 0.7 : null,
    tail.version,
    tail.lastSeq,
    tail.lastHash,
    tail.statusChangedAt,
    new Date(plan.start),
    tail.updatedAt,
  ];
  deviceTables.devices.add(row);
}

/** The plan of every device: donation block, type, status by age, repair detour, allocation slot. */
export function planDevices(
  n: number,
  donationTimes: number[],
  perDonation: number,
  siteOf: (donationId: number) => number,
  now: number,
): DevicePlan[] {
  const rand = prng(0x5eed);
  const plans: DevicePlan[] = [];
  let allocations = 0;
  for (let i = 0; i < n; i += 1) {
    const donationId = Math.floor(i / perDonation) + 1;
    const start = Math.min(now - 3_600_000, donationTimes[donationId - 1] + (i % perDonation) * 180_000);
    const status = statusFor(rand, (now - start) / 86_400_000);
    let r = rand() * 100;
    let type = 'laptop';
    for (const [t, w] of DEVICE_TYPE_WEIGHTS) {
      r -= w;
      if (r < 0) {
        type = t;
        break;
      }
    }
    const allocationId = status === 'allocated' || status === 'handed_over' ? (allocations += 1) : null;
    const driveCount = type === 'monitor' || type === 'other' ? 0 : type === 'tablet' ? 1 : rand() < 0.12 ? 2 : 1;
    plans.push({
      status,
      viaRepair: rand() < 0.3,
      start,
      donationId,
      siteId: siteOf(donationId),
      type,
      driveCount,
      allocationId,
    });
  }
  return plans;
}
