// The history that leads a demo device to its planned status: the actions of the lifecycle table (product
// spec §3) in order, with the payloads, device fields and side records the workshop actions
// (server/modules/workshop/workshop.actions.ts) would have produced, plus the sanitization records that
// must exist before complete_wipe. Pure: the writer in devices.ts turns the steps into rows.
import {
  assertTarget,
  type DeviceAction,
  type DeviceFields,
  type DeviceStatus,
} from '../../server/modules/devices/index.js';
import { osFor } from './catalogue.js';
import { createRandom, type Random } from './random.js';
import { wipeRecords, type WipeRecord } from './wipes.js';
import type { DevicePlan } from './plan.js';
import { QA_ITEMS, type Disposition } from '../../server/shared/index.js';

export type Performer = 'technician' | 'manager';
export interface PartDraft {
  type: string;
  serialNumber?: string;
  description?: string;
}

export type Step =
  | { kind: 'note'; type: 'label_printed'; payload: Record<string, unknown>; by: Performer }
  | { kind: 'sanitize'; records: WipeRecord[]; by: Performer }
  | {
      kind: 'action';
      action: DeviceAction;
      to: DeviceStatus;
      payload: Record<string, unknown>;
      fields?: DeviceFields;
      by: Performer;
      /** complete_wipe drew this device for an independent check (R2); the sample's outcome so far. */
      sample?: 'pending' | 'passed';
      disposal?: {
        kind: 'recycle' | 'harvest';
        recycler: string | null;
        weightKg: number | null;
        certificateRef: string | null;
      };
      /** harvest: parts go to the inventory; the event lists them with their new ids. */
      parts?: PartDraft[];
    };
export type ActionStep = Extract<Step, { kind: 'action' }>;

interface Walk {
  device: DevicePlan;
  r: Random;
  steps: Step[];
  status: DeviceStatus;
  disposition: Disposition | null;
  /** What the next repair fixes: the fault found at triage, or the item that failed QA. */
  fault: Repair;
}
interface Repair {
  finding: string;
  work: string;
  part: { type: string; description: string };
}

function act(
  w: Walk,
  action: DeviceAction,
  to: DeviceStatus,
  payload: Record<string, unknown>,
  extra: Partial<ActionStep> = {},
): void {
  assertTarget(action, to);
  w.steps.push({ kind: 'action', action, to, payload, by: 'technician', ...extra });
  w.status = to;
  if (extra.fields && 'disposition' in extra.fields) w.disposition = extra.fields.disposition ?? null;
}

const REPAIRS: readonly Repair[] = [
  {
    finding: 'لوحة المفاتيح: بعض الأزرار لا تعمل',
    work: 'تبديل لوحة المفاتيح',
    part: { type: 'keyboard', description: 'لوحة مفاتيح عربي/إنجليزي' },
  },
  {
    finding: 'البطارية لا تحتفظ بالشحن',
    work: 'تبديل البطارية',
    part: { type: 'battery', description: 'بطارية متوافقة 48Wh' },
  },
  {
    finding: 'الشاشة بها خط عمودي',
    work: 'تبديل لوحة الشاشة',
    part: { type: 'screen', description: 'شاشة 14 بوصة FHD IPS' },
  },
  { finding: 'منفذ الشحن لا يعمل', work: 'لحام منفذ الشحن', part: { type: 'dc_jack', description: 'منفذ شحن DC' } },
  {
    finding: 'Cooling fan noisy, CPU throttling',
    work: 'Cleaned heatsink, replaced fan and thermal paste',
    part: { type: 'fan', description: 'CPU fan' },
  },
];
const FRONT_PORTS: Repair = {
  finding: 'منافذ USB الأمامية لا تعمل',
  work: 'Replaced front USB/audio board',
  part: { type: 'io_board', description: 'Front I/O board' },
};
const DESKTOP_REPAIRS: readonly Repair[] = [
  REPAIRS[4],
  FRONT_PORTS,
  { finding: 'مزود الطاقة لا يعمل', work: 'تبديل مزود الطاقة', part: { type: 'psu', description: 'مزود طاقة 180W' } },
];
const QA_REPAIRS: Readonly<Record<string, Repair>> = {
  keyboard: REPAIRS[0],
  battery: REPAIRS[1],
  ports: FRONT_PORTS,
  camera: {
    finding: 'الكاميرا لا تعمل',
    work: 'تبديل وحدة الكاميرا',
    part: { type: 'camera', description: 'كاميرا 720p' },
  },
};
const GOOD_FINDINGS = ['يعمل بشكل سليم، خدوش خفيفة', 'يعمل، يحتاج تنظيفاً فقط', 'Boots fine, minor wear on palm rest'];
const SCRAP_FINDINGS = [
  'اللوحة الأم لا تعمل',
  'تلف بسبب انسكاب سائل',
  'الهيكل مكسور والشاشة محطمة',
  'Obsolete, not worth repairing',
];

function triage(w: Walk, needsRepair: boolean, disposition: Disposition): void {
  const findings =
    disposition !== 'reuse' ? w.r.pick(SCRAP_FINDINGS) : needsRepair ? w.fault.finding : w.r.pick(GOOD_FINDINGS);
  act(
    w,
    'triage',
    needsRepair && disposition === 'reuse' ? 'repair' : 'wipe',
    { needsRepair, disposition, findings },
    { fields: { disposition } },
  );
}

/** `scrapAs` set: the repair failed and the device goes to recycling or parts. */
function repair(w: Walk, scrapAs?: Exclude<Disposition, 'reuse'>): void {
  if (scrapAs) {
    const workDone = 'فحص اللوحة الأم: العطل غير قابل للإصلاح اقتصادياً';
    act(
      w,
      'repair',
      'wipe',
      { workDone, partsUsed: [], fixed: false, disposition: scrapAs },
      { fields: { disposition: scrapAs } },
    );
    return;
  }
  const { work, part } = w.fault;
  act(
    w,
    'repair',
    'wipe',
    { workDone: work, partsUsed: [part], fixed: true },
    { fields: { disposition: w.disposition ?? 'reuse' } },
  );
}

/** Every drive gets a passed record first (the guard of complete_wipe); about 5 % of wiped devices are sampled. */
function completeWipe(w: Walk, sampleStatus: 'pending' | 'passed'): void {
  const { drives } = w.device;
  if (drives.length)
    w.steps.push({
      kind: 'sanitize',
      records: wipeRecords(drives, w.disposition, w.device.target, w.r),
      by: 'technician',
    });
  const sampled = drives.length > 0 && w.r.chance(0.05);
  const to = (w.disposition ?? 'reuse') === 'reuse' ? 'refurbish' : 'disposal';
  act(
    w,
    'complete_wipe',
    to,
    { noStorage: drives.length === 0, drives: drives.length, verificationSampled: sampled },
    sampled ? { sample: sampleStatus } : {},
  );
}

function qaChecklist(w: Walk, failing?: string): Record<string, string> {
  const { type, battery } = w.device.model;
  const na = new Set<string>(
    type === 'laptop' ? [] : type === 'all_in_one' ? ['battery'] : ['battery', 'camera', 'screen', 'keyboard'],
  );
  if (!battery) na.add('battery');
  return Object.fromEntries(QA_ITEMS.map((k) => [k, k === failing ? 'fail' : na.has(k) ? 'na' : 'pass']));
}

function refurbish(w: Walk, pass: boolean): void {
  if (!pass) {
    const failing = w.device.model.type === 'laptop' ? w.r.pick(['battery', 'keyboard', 'camera']) : 'ports';
    w.fault = QA_REPAIRS[failing];
    act(w, 'refurbish', 'repair', { qa: qaChecklist(w, failing), failedItems: [failing] });
    return;
  }
  const grade = w.r.pick<'A' | 'B' | 'C'>(['A', 'A', 'B', 'B', 'B', 'C']);
  const { os, licence } = osFor(w.device.model, w.r);
  const windows11Eligible = w.device.model.windows11 ?? undefined;
  act(
    w,
    'refurbish',
    'ready',
    { os, licence, windows11Eligible, grade, qa: qaChecklist(w) },
    {
      fields: { os, licence, windows11Eligible: windows11Eligible ?? null, grade, r2Function: null, r2Cosmetic: null },
    },
  );
}

/** intake → (repair) → wipe → refurbish, the road of a device that will be reused. */
function toRefurbish(w: Walk, sample: 'pending' | 'passed'): void {
  const needsRepair = w.r.chance(0.35);
  triage(w, needsRepair, 'reuse');
  if (needsRepair) repair(w);
  completeWipe(w, sample);
}

function toReady(w: Walk): void {
  toRefurbish(w, 'passed');
  if (w.r.chance(0.1)) {
    refurbish(w, false);
    repair(w);
    completeWipe(w, 'passed');
  }
  refurbish(w, true);
}

// Beneficiaries, the "Phase 1" programme and allocation rows do not exist yet (a later issue): until the
// seeder can create them, these events carry no allocation id.
const ALLOCATION = { source: 'demo_seed' };
const byManager = { by: 'manager' } as const;

function toHandedOver(w: Walk): void {
  toReady(w);
  if (w.r.chance(0.08)) {
    act(w, 'allocate', 'allocated', ALLOCATION, byManager);
    act(w, 'cancel_allocation', 'ready', { reason: 'الأسرة لم تحضر في موعد التسليم' }, byManager);
  }
  act(w, 'allocate', 'allocated', ALLOCATION, byManager);
  act(w, 'handover', 'handed_over', ALLOCATION, byManager);
}

function toDisposal(w: Walk, wanted?: Exclude<Disposition, 'reuse'>): void {
  const disposition = wanted ?? w.r.pick<Exclude<Disposition, 'reuse'>>(['recycle', 'parts']);
  if (w.r.chance(0.3)) {
    triage(w, true, 'reuse');
    repair(w, disposition);
  } else {
    triage(w, false, disposition);
  }
  completeWipe(w, wanted ? 'passed' : 'pending');
}

const RECYCLERS = ['شركة تدوير البيئية · Tadweer Environmental Co.', 'Maroc Recyclage SARL'];

function recycle(w: Walk): void {
  const recycler = w.r.pick(RECYCLERS);
  const weightKg = w.device.model.weightKg;
  const certificateRef = `TDW-${new Date().getUTCFullYear()}-${String(w.r.int(100, 99999)).padStart(5, '0')}`;
  act(
    w,
    'recycle',
    'recycled',
    { recycler, weightKg, certificateRef },
    { fields: { disposition: 'recycle' }, disposal: { kind: 'recycle', recycler, weightKg, certificateRef } },
  );
}

function harvest(w: Walk): void {
  const { device } = w;
  const parts: PartDraft[] = device.drives.map((d) => ({
    type: d.mediaType,
    serialNumber: d.serialNumber,
    description: d.model,
  }));
  if (device.ramGb)
    parts.push({ type: 'ram', serialNumber: w.r.chars('0123456789ABCDEF', 8), description: `${device.ramGb} GB DDR4` });
  if (device.model.battery && (device.batteryHealth ?? 0) >= 70)
    parts.push({ type: 'battery', description: `health ${device.batteryHealth}%` });
  if (!parts.length) parts.push({ type: 'fan', description: 'CPU fan' });
  act(
    w,
    'harvest',
    'harvested',
    {},
    {
      fields: { disposition: 'parts' },
      disposal: { kind: 'harvest', recycler: null, weightKg: null, certificateRef: null },
      parts,
    },
  );
}

const WALKS: Readonly<Record<DeviceStatus, (w: Walk) => void>> = {
  intake: (w) => {
    // A few devices came back from a family (wrong fit, late fault) and start a second cycle.
    if (!w.r.chance(0.1)) return;
    toHandedOver(w);
    act(
      w,
      'return',
      'intake',
      { reason: w.r.pick(['الجهاز لا يناسب احتياج الطالب', 'عطل في الشاشة بعد التسليم']) },
      { ...byManager, fields: { disposition: null, grade: null, r2Function: null, r2Cosmetic: null } },
    );
  },
  repair: (w) => {
    if (!w.r.chance(0.3)) return triage(w, true, 'reuse');
    toRefurbish(w, 'passed');
    refurbish(w, false);
  },
  wipe: (w) => {
    const needsRepair = w.r.chance(0.3);
    triage(w, needsRepair, 'reuse');
    if (needsRepair) repair(w);
  },
  refurbish: (w) => toRefurbish(w, 'pending'),
  ready: toReady,
  allocated: (w) => {
    toReady(w);
    act(w, 'allocate', 'allocated', ALLOCATION, byManager);
  },
  handed_over: toHandedOver,
  disposal: (w) => toDisposal(w),
  recycled: (w) => {
    toDisposal(w, 'recycle');
    recycle(w);
  },
  harvested: (w) => {
    toDisposal(w, 'parts');
    harvest(w);
  },
};

/** Labels are printed right after intake for most devices, so that non-status event comes first. */
export function historyOf(device: DevicePlan): Step[] {
  const r = createRandom(device.seed);
  const fault = r.pick(device.model.type === 'laptop' ? REPAIRS : DESKTOP_REPAIRS);
  const w: Walk = { device, r, fault, steps: [], status: 'intake', disposition: null };
  if (device.target !== 'intake' || r.chance(0.7)) {
    w.steps.push({
      kind: 'note',
      type: 'label_printed',
      payload: { format: 'roll_62x29', copies: 1 },
      by: 'technician',
    });
  }
  WALKS[device.target](w);
  if (w.status !== device.target)
    throw new Error(`demo history of ${device.serialNumber} ends in ${w.status}, not ${device.target}`);
  return w.steps;
}
