// The whole demo data set as plain values, computed from a fixed seed: 40 donation lots from 20 donors,
// 400 devices spread over every lifecycle status. Nothing here touches the database.
import { DEVICE_STATUSES, type DeviceStatus } from '../../server/modules/devices/index.js';
import { pickModel, type DeviceModel } from './catalogue.js';
import { DONORS } from './people.js';
import { createRandom, type Random } from './random.js';
import type { DonationChannel, DonationStatus, MediaType, PledgeItemDto } from '../../server/shared/index.js';

export interface DrivePlan {
  serialNumber: string;
  model: string;
  mediaType: MediaType;
  capacityBytes: number;
}

export interface DevicePlan {
  /** Seeds the device's own history, so its events do not depend on the order devices are written in. */
  seed: number;
  model: DeviceModel;
  serialNumber: string;
  cpu: string | null;
  ramGb: number | null;
  batteryHealth: number | null;
  notes: string | null;
  drives: DrivePlan[];
  target: DeviceStatus;
}

export interface LotPlan {
  /** 1..40: the natural key of a demo donation, kept in its notes (the code comes from the sequence). */
  lot: number;
  donor: number;
  status: DonationStatus;
  channel: DonationChannel;
  daysAgo: number;
  expectedCount: number;
  pickupInDays: number | null;
  pledgeItems: PledgeItemDto[] | null;
  notes: string;
  devices: DevicePlan[];
}

export const LOT_COUNT = 40;
export const DEVICE_COUNT = 400;
const LOTS_WITH_DEVICES = 28;
const CLOSED_LOTS = 12;

/** How many devices end in each status; every status is represented. */
const STATUS_COUNTS: Readonly<Record<DeviceStatus, number>> = {
  handed_over: 90,
  recycled: 25,
  harvested: 20,
  allocated: 30,
  ready: 80,
  disposal: 20,
  refurbish: 30,
  wipe: 35,
  repair: 30,
  intake: 40,
};

export const lotMarker = (lot: number): string => `Demo lot ${String(lot).padStart(2, '0')}`;
export const LOT_MARKER_PATTERN = /^Demo lot (\d{2})\b/;

export function buildPlan(): LotPlan[] {
  const r = createRandom(20261125);
  const donors = r.shuffle([
    ...DONORS.keys(),
    ...Array.from({ length: LOT_COUNT - DONORS.length }, () => pickCompany(r)),
  ]);
  const counts = deviceCounts(donors.slice(0, LOTS_WITH_DEVICES), r);
  const targets = statusesOldestFirst(r);
  const serials = new Set<string>();
  let next = 0;
  return donors.map((donor, i) => {
    const devices = Array.from({ length: counts[i] ?? 0 }, () => planDevice(targets[next++], serials, r));
    return planLot(i, donor, devices, r);
  });
}

function pickCompany(r: Random): number {
  const companies = [...DONORS.keys()].filter((i) => DONORS[i].kind === 'company');
  return r.pick(companies);
}

/** Individuals give one to three machines; companies share the rest in proportion to a random size. */
function deviceCounts(donors: number[], r: Random): number[] {
  const counts = donors.map((d) => (DONORS[d].kind === 'individual' ? r.int(1, 3) : 0));
  const companyLots = donors.map((d, i) => (DONORS[d].kind === 'company' ? i : -1)).filter((i) => i >= 0);
  const weights = companyLots.map(() => r.int(5, 30));
  const left = DEVICE_COUNT - counts.reduce((a, b) => a + b, 0);
  const total = weights.reduce((a, b) => a + b, 0);
  companyLots.forEach((lot, k) => {
    counts[lot] = Math.max(1, Math.floor((left * weights[k]) / total));
  });
  const biggest = companyLots.reduce((a, b) => (counts[b] > counts[a] ? b : a));
  counts[biggest] += DEVICE_COUNT - counts.reduce((a, b) => a + b, 0);
  return counts;
}

/** Old lots hold devices far along the lifecycle, recent lots the ones still in the workshop. */
function statusesOldestFirst(r: Random): DeviceStatus[] {
  const order = Object.keys(STATUS_COUNTS) as DeviceStatus[];
  if (order.length !== DEVICE_STATUSES.length) throw new Error('demo plan: every device status needs a count');
  const all = order.flatMap((s) => Array.from({ length: STATUS_COUNTS[s] }, () => s));
  const WINDOW = 60;
  for (let start = 0; start < all.length; start += WINDOW / 2) {
    const slice = r.shuffle(all.slice(start, start + WINDOW));
    all.splice(start, slice.length, ...slice);
  }
  return all;
}

const NOTES = [
  'الشاحن غير مرفق',
  'خدوش خفيفة على الغطاء',
  'ملصق جرد الشركة على الغطاء',
  'Charger included, original box',
];

function planDevice(target: DeviceStatus, serials: Set<string>, r: Random): DevicePlan {
  const model = pickModel(r);
  return {
    seed: r.int(1, 2 ** 31 - 1),
    model,
    serialNumber: uniqueSerial(() => model.serial(r), serials),
    target,
    cpu: model.cpus.length ? r.pick(model.cpus) : null,
    ramGb: model.ramGb.length ? r.pick(model.ramGb) : null,
    batteryHealth: model.battery ? r.int(52, 98) : null,
    notes: model.type === 'laptop' && r.chance(0.15) ? r.pick(NOTES) : null,
    drives: planDrives(model, serials, r),
  };
}

function uniqueSerial(make: () => string, taken: Set<string>): string {
  let serial = make();
  while (taken.has(serial)) serial = make();
  taken.add(serial);
  return serial;
}

/** Most devices keep one drive; some donors pull drives before giving (no storage); some desktops hold two. */
function planDrives(model: DeviceModel, serials: Set<string>, r: Random): DrivePlan[] {
  if (!model.drives.length || r.chance(0.08)) return [];
  const two = model.type === 'desktop' && model.drives.length > 1 && r.chance(0.15);
  const kinds = two ? r.shuffle([...model.drives]).slice(0, 2) : [r.pick(model.drives)];
  return kinds.map((d) => ({
    serialNumber: uniqueSerial(() => d.serial(r), serials),
    model: d.model,
    mediaType: d.mediaType,
    capacityBytes: d.capacityBytes,
  }));
}

const COMPANY_NOTES = [
  'تحديث أجهزة قسم المحاسبة',
  'استبدال أجهزة مركز الاتصال',
  'أجهزة الفرع القديم بعد الانتقال',
  'دفعة من برنامج المسؤولية الاجتماعية',
  'Office refresh, IT asset disposal',
];
const PERSON_NOTES = ['جهاز منزلي لم يعد مستخدماً', 'أجهزة الأبناء بعد التخرج', 'Home laptop, still working'];

function planLot(i: number, donor: number, devices: DevicePlan[], r: Random): LotPlan {
  const isPerson = DONORS[donor].kind === 'individual';
  const lot = i + 1;
  const notes = `${lotMarker(lot)} · ${r.pick(isPerson ? PERSON_NOTES : COMPANY_NOTES)}`;
  if (i >= LOTS_WITH_DEVICES) return planPledge(lot, donor, i % 2 === 0 ? 'pledged' : 'scheduled', notes, r);
  const channel: DonationChannel = isPerson
    ? r.chance(0.4)
      ? 'pledge'
      : 'drop_off'
    : r.chance(0.7)
      ? 'pickup'
      : 'drop_off';
  return {
    lot,
    donor,
    status: i < CLOSED_LOTS ? 'closed' : 'received',
    channel,
    daysAgo: Math.max(3, Math.round(360 - i * 12.8) - r.int(0, 4)),
    expectedCount: devices.length + (i < CLOSED_LOTS ? 0 : r.int(0, 2)),
    pickupInDays: null,
    pledgeItems: channel === 'pledge' ? pledgeItemsOf(devices) : null,
    notes,
    devices,
  };
}

/** Offers not collected yet: what the donor said they have, and when they can hand it over. */
function planPledge(lot: number, donor: number, status: 'pledged' | 'scheduled', notes: string, r: Random): LotPlan {
  const isPerson = DONORS[donor].kind === 'individual';
  const laptops = isPerson ? r.int(1, 2) : r.int(5, 40);
  const desktops = isPerson ? 0 : r.int(0, 15);
  const items: PledgeItemDto[] = [
    {
      type: 'laptop',
      count: laptops,
      description: r.pick(['Lenovo ThinkPad، تعمل', 'HP EliteBook, Windows 10', 'Dell Latitude، بعضها بلا شاحن']),
    },
  ];
  if (desktops)
    items.push({
      type: 'desktop',
      count: desktops,
      description: r.pick(['Dell OptiPlex مع لوحات مفاتيح', 'HP ProDesk SFF']),
    });
  return {
    lot,
    donor,
    status,
    channel: status === 'pledged' ? 'pledge' : 'pickup',
    daysAgo: Math.max(0, 24 - (lot - LOTS_WITH_DEVICES) * 2),
    expectedCount: laptops + desktops,
    pickupInDays: r.int(2, 21),
    pledgeItems: items,
    notes,
    devices: [],
  };
}

function pledgeItemsOf(devices: DevicePlan[]): PledgeItemDto[] {
  const byType = new Map<string, DevicePlan[]>();
  for (const d of devices) byType.set(d.model.type, [...(byType.get(d.model.type) ?? []), d]);
  return [...byType.values()].map((list) => ({
    type: list[0].model.type,
    count: list.length,
    description: [...new Set(list.map((d) => `${d.model.manufacturer} ${d.model.model}`))].join('، '),
  }));
}

/** Sanity check used by the seeder before writing anything. */
export function assertPlan(lots: LotPlan[]): void {
  const devices = lots.flatMap((l) => l.devices);
  if (lots.length !== LOT_COUNT || devices.length !== DEVICE_COUNT)
    throw new Error('demo plan: wrong number of lots or devices');
  const missing = DEVICE_STATUSES.filter((s) => !devices.some((d) => d.target === s));
  if (missing.length) throw new Error(`demo plan: no device ends in ${missing.join(', ')}`);
}
