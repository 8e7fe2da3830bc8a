// Everything around the devices: users, sites, donors, donations (and pledges), partners, beneficiaries with
// encrypted national IDs, the programme and its allocations.
import { Table } from './seed.tables.js';
import { certificateCode, pick, prng, saudiId } from './seed.plan.js';
import type { DevicePlan } from './seed.devices.js';

export const peopleTables = {
  users: new Table('users', [
    'id',
    'email',
    'name',
    'role',
    'password_hash',
    'language',
    'active',
    'created_at',
    'updated_at',
  ]),
  sites: new Table('sites', ['id', 'code', 'name', 'name_latin', 'city', 'region_code', 'created_at', 'updated_at']),
  donors: new Table('donors', [
    'id',
    'kind',
    'name',
    'name_latin',
    'contact_person',
    'email',
    'phone',
    'city',
    'cr_number',
    'preferred_language',
    'created_at',
    'updated_at',
  ]),
  donations: new Table('donations', [
    'id',
    'code',
    'donor_id',
    'channel',
    'status',
    'expected_count',
    'received_count',
    'site_id',
    'notes',
    'pledge_items',
    'preferred_pickup_date',
    'scheduled_pickup_date',
    'received_at',
    'created_by',
    'created_at',
    'updated_at',
  ]),
  sequences: new Table('sequences', ['name', 'value']),
  partners: new Table('partners', ['id', 'name', 'name_latin', 'kind', 'city', 'created_at', 'updated_at']),
  beneficiaries: new Table('beneficiaries', [
    'id',
    'kind',
    'name',
    'national_id_encrypted',
    'national_id_hash',
    'national_id_last4',
    'phone',
    'city',
    'region',
    'region_code',
    'household_size',
    'monthly_income',
    'school_children',
    'need',
    'purpose',
    'partner_id',
    'status',
    'status_changed_at',
    'created_at',
    'updated_at',
  ]),
  programmes: new Table('programmes', [
    'id',
    'name',
    'name_latin',
    'target_families',
    'target_students',
    'starts_on',
    'ends_on',
    'created_at',
    'updated_at',
  ]),
  allocations: new Table('allocations', [
    'id',
    'device_id',
    'beneficiary_id',
    'programme_id',
    'status',
    'beneficiary_prev_status',
    'received_by',
    'certificate_code',
    'handed_over_at',
    'allocated_by',
    'handed_over_by',
    'created_at',
    'updated_at',
  ]),
};

const CITIES = ['الرياض', 'جدة', 'الدمام', 'الخبر', 'مكة', 'المدينة', 'أبها', 'تبوك'];
/** Where beneficiaries live: city, the free text older rows carry, and the ISO 3166-2 region (server/shared/regions.ts). */
const PLACES: ReadonlyArray<[city: string, region: string, regionCode: string]> = [
  ['الرياض', 'Riyadh', 'SA-01'],
  ['جدة', 'Makkah', 'SA-02'],
  ['مكة', 'Makkah', 'SA-02'],
  ['المدينة', 'Madinah', 'SA-03'],
  ['الدمام', 'Eastern', 'SA-04'],
  ['الخبر', 'Eastern', 'SA-04'],
  ['أبها', 'Asir', 'SA-14'],
  ['تبوك', 'Tabuk', 'SA-07'],
  ['جازان', 'Jazan', 'SA-09'],
  ['حائل', "Ha'il", 'SA-06'],
];
const DAY_MS = 86_400_000;

export function addUsers(
  passwordHash: string,
  adminEmail: string,
  at: Date,
): { adminId: number; technicianIds: number[] } {
  peopleTables.users.add([1, adminEmail, 'Bench Admin', 'admin', passwordHash, 'en', true, at, at]);
  const technicianIds: number[] = [];
  for (let i = 2; i <= 6; i += 1) {
    peopleTables.users.add([i, `tech${i}@nimah.test`, `فني ${i}`, 'technician', passwordHash, 'ar', true, at, at]);
    technicianIds.push(i);
  }
  return { adminId: 1, technicianIds };
}

export function addSites(at: Date): number {
  const sites = [
    ['DMM', 'مستودع الدمام', 'Dammam warehouse', 'الدمام', 'SA-04'],
    ['RUH', 'فرع الرياض', 'Riyadh branch', 'الرياض', 'SA-01'],
    ['JED', 'فرع جدة', 'Jeddah branch', 'جدة', 'SA-02'],
  ];
  sites.forEach(([code, name, latin, city, region], i) =>
    peopleTables.sites.add([i + 1, code, name, latin, city, region, at, at]),
  );
  return sites.length;
}

export function addDonors(count: number, now: number): void {
  const rand = prng(0xd0d0);
  for (let id = 1; id <= count; id += 1) {
    const company = rand() < 0.6;
    const at = new Date(now - 800 * DAY_MS + id * 1000);
    peopleTables.donors.add([
      id,
      company ? 'company' : 'individual',
      company ? `شركة المانح ${id}` : `متبرع ${id}`,
      company ? `Donor Co ${id}` : null,
      company ? `مسؤول ${id}` : null,
      `donor${id}@example.org`,
      `+9665${String(10_000_000 + id).slice(-8)}`,
      pick(rand, CITIES),
      company ? String(2_050_000_000 + id) : null,
      rand() < 0.7 ? 'ar' : 'en',
      at,
      at,
    ]);
  }
}

/** Received donations (one per block of devices) in time order, then open pledges; codes DN-YYYY-NNNN per year. */
export function addDonations(
  blockTimes: number[],
  perBlock: number[],
  pledges: number,
  donors: number,
  sites: number,
  now: number,
): void {
  const rand = prng(0xd07a);
  const perYear = new Map<number, number>();
  const code = (at: Date) => {
    const year = at.getUTCFullYear();
    const n = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, n);
    return `DN-${year}-${String(n).padStart(4, '0')}`;
  };
  blockTimes.forEach((t, i) => {
    const at = new Date(t);
    const status = now - t > 120 * DAY_MS ? 'closed' : 'received';
    peopleTables.donations.add([
      i + 1,
      code(at),
      1 + Math.floor(rand() * donors),
      pick(rand, ['pickup', 'drop_off']),
      status,
      perBlock[i],
      perBlock[i],
      1 + (i % sites),
      null,
      null,
      null,
      null,
      at,
      1,
      at,
      at,
    ]);
  });
  for (let k = 0; k < pledges; k += 1) {
    const at = new Date(now - Math.floor(rand() * 30 * DAY_MS));
    const items = JSON.stringify([
      { type: 'laptop', count: 1 + Math.floor(rand() * 5), description: 'old but working' },
    ]);
    peopleTables.donations.add([
      blockTimes.length + k + 1,
      code(at),
      1 + Math.floor(rand() * donors),
      'pledge',
      rand() < 0.7 ? 'pledged' : 'scheduled',
      3,
      0,
      null,
      null,
      items,
      at.toISOString().slice(0, 10),
      null,
      null,
      null,
      at,
      at,
    ]);
  }
  for (const [year, n] of perYear) peopleTables.sequences.add([`donation:${year}`, n]);
}

export interface Pii {
  encrypt(s: string, aad: string): string;
  hash(s: string): string;
}

/** Beneficiaries 1..allocated.length took the allocations in order; the rest wait in various statuses. */
export function addBeneficiaries(
  count: number,
  allocated: { status: 'reserved' | 'handed_over'; at: Date }[],
  pii: Pii,
  now: number,
): void {
  const rand = prng(0xbe4e);
  for (let id = 1; id <= 20; id += 1) {
    const at = new Date(now - 900 * DAY_MS);
    peopleTables.partners.add([
      id,
      `جهة شريكة ${id}`,
      `Partner ${id}`,
      pick(rand, ['school', 'family_centre', 'association']),
      pick(rand, CITIES),
      at,
      at,
    ]);
  }
  for (let id = 1; id <= count; id += 1) {
    const nationalId = saudiId(id);
    const allocation = allocated[id - 1];
    const status = allocation
      ? allocation.status === 'handed_over'
        ? 'served'
        : 'allocated'
      : pick(rand, ['applied', 'verified', 'verified', 'waitlisted', 'waitlisted', 'waitlisted', 'rejected']);
    const created = new Date((allocation ? allocation.at.getTime() : now) - Math.floor((5 + rand() * 200) * DAY_MS));
    const kind = rand() < 0.75 ? 'family' : 'student';
    const [city, region, regionCode] = pick(rand, PLACES);
    peopleTables.beneficiaries.add([
      id,
      kind,
      kind === 'family' ? `أسرة ${id}` : `طالب ${id}`,
      pii.encrypt(nationalId, `beneficiaries.national_id:${id}`),
      pii.hash(nationalId),
      nationalId.slice(-4),
      `+9665${String(20_000_000 + id).slice(-8)}`,
      city,
      region,
      regionCode,
      1 + Math.floor(rand() * 9),
      Math.floor(1500 + rand() * 8000),
      Math.floor(rand() * 5),
      pick(rand, ['laptop', 'desktop', 'any']),
      pick(rand, ['study', 'business', 'training', 'general']),
      rand() < 0.6 ? 1 + Math.floor(rand() * 20) : null,
      status,
      allocation ? allocation.at : created,
      created,
      allocation ? allocation.at : created,
    ]);
  }
}

export function addProgramme(now: number): void {
  const at = new Date(now - 800 * DAY_MS);
  peopleTables.programmes.add([
    1,
    'المرحلة الأولى',
    'Phase 1',
    2000,
    0,
    at.toISOString().slice(0, 10),
    '2027-12-31',
    at,
    at,
  ]);
}

/** Allocation `plan.allocationId` for a device, to the beneficiary of the same number (wrapping if there are fewer). */
export function addAllocation(
  plan: DevicePlan,
  deviceId: number,
  allocatedAt: Date,
  handedOverAt: Date | null,
  beneficiaries: number,
  adminId: number,
): void {
  const id = plan.allocationId ?? 0;
  const handed = handedOverAt !== null;
  peopleTables.allocations.add([
    id,
    deviceId,
    ((id - 1) % beneficiaries) + 1,
    1,
    handed ? 'handed_over' : 'reserved',
    'waitlisted',
    handed ? 'المستلم' : null,
    handed ? certificateCode(id) : null,
    handedOverAt,
    adminId,
    handed ? adminId : null,
    allocatedAt,
    handedOverAt ?? allocatedAt,
  ]);
}
