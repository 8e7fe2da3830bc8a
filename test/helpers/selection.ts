// Selection per programme (spec §14) in tests: programmes with rules, people with birth dates and regions in a given
// status, a programme's waiting list, and public applications. Built over the API (what is under test); only the
// application date is moved by raw SQL (the score counts days waiting).
import { expect } from 'chai';
import { charityToday } from '../../server/modules/beneficiaries/index.js';
import type {
  ProgrammeEligibility,
  ProgrammeWaitlistDto,
  ProgrammeWeights,
  PublicApplicationInput,
} from '../../server/shared/index.js';
import { api, bearer } from './api.js';
import { rawSelect, rawWrite } from './more-factories.js';

export const DAY_MS = 86_400_000;

/** A valid Saudi national ID (10 digits, first 1, Luhn check digit), computed independently of the code under test. */
export function saudiId(n: number): string {
  const body = `1${String(n).padStart(8, '0')}`;
  for (let check = 0; check < 10; check += 1) {
    const digits = `${body}${check}`;
    let sum = 0;
    [...digits].reverse().forEach((c, i) => {
      const d = Number(c) * (i % 2 ? 2 : 1);
      sum += d > 9 ? d - 9 : d;
    });
    if (sum % 10 === 0) return digits;
  }
  throw new Error('unreachable');
}

let counter = 0;
/** A fresh national ID and phone for each person (a range no other helper uses). */
function nextIdentity(): { nationalId: string; phone: string; n: number } {
  counter += 1;
  return { nationalId: saudiId(700_000 + counter), phone: `0557${String(counter).padStart(6, '0')}`, n: counter };
}

/** The birth date of someone `years` old today in the charity's time zone (their birthday `daysAfter` days ago). */
export function bornYearsAgo(years: number, daysAfter = 30): string {
  const [y, m, d] = charityToday().split('-').map(Number);
  return new Date(Date.UTC(y - years, m - 1, d - daysAfter)).toISOString().slice(0, 10);
}

export const OPEN: ProgrammeEligibility = {
  kinds: [],
  minAge: null,
  maxAge: null,
  regionCodes: [],
  maxIncomePerMember: null,
};

let programmes = 0;
/** A programme with the given rules (PATCH fields: eligibility, weights, committeeScoring, applicationsOpen…). */
export async function programmeWith(
  token: string,
  rules: {
    eligibility?: Partial<ProgrammeEligibility>;
    weights?: ProgrammeWeights | null;
    committeeScoring?: boolean;
    applicationsOpen?: boolean;
    name?: string;
    nameLatin?: string;
  } = {},
): Promise<number> {
  programmes += 1;
  const { name = `برنامج الطلاب ${programmes}`, nameLatin = `Student programme ${programmes}`, ...patch } = rules;
  const created = await api().post('/api/programmes').set(bearer(token)).send({ name, nameLatin }).expect(201);
  const id = created.body.id as number;
  const body = { ...patch, ...(patch.eligibility ? { eligibility: { ...OPEN, ...patch.eligibility } } : {}) };
  if (Object.keys(body).length) {
    const res = await api().patch(`/api/programmes/${id}`).set(bearer(token)).send(body);
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
  }
  return id;
}

export interface Person {
  id: number;
  nationalId: string;
}

/**
 * A family (unless `fields.kind` says otherwise) registered by a manager, born 25 years ago in region SA-01, then moved
 * to `status` through the API, and its application dated `appliedDaysAgo` days back (default 10).
 */
export async function person(
  token: string,
  fields: Record<string, unknown> = {},
  options: { status?: 'applied' | 'verified' | 'waitlisted'; appliedDaysAgo?: number } = {},
): Promise<Person> {
  const { nationalId, phone, n } = nextIdentity();
  const institution = fields.kind === 'institution';
  const body = institution
    ? {
        name: `مدرسة ${n}`,
        phone,
        regionCode: 'SA-01',
        institution: { type: 'school', contactPerson: 'المدير', requestedDevices: 10 },
        ...fields,
      }
    : {
        kind: 'family',
        name: `أسرة ${n}`,
        nationalId,
        phone,
        regionCode: 'SA-01',
        birthDate: bornYearsAgo(25),
        householdSize: 6,
        monthlyIncome: 3000,
        schoolChildren: 2,
        need: 'laptop',
        purpose: 'study',
        ...fields,
      };
  const res = await api().post('/api/beneficiaries').set(bearer(token)).send(body);
  expect(res.status, JSON.stringify(res.body)).to.equal(201);
  const id = res.body.id as number;
  const status = options.status ?? 'verified';
  for (const step of status === 'applied' ? [] : status === 'verified' ? ['verified'] : ['verified', 'waitlisted'])
    await api().patch(`/api/beneficiaries/${id}`).set(bearer(token)).send({ status: step }).expect(200);
  await appliedDaysAgo(id, options.appliedDaysAgo ?? 10);
  return { id, nationalId };
}

/** Moves a beneficiary's application date `days` days back. */
export async function appliedDaysAgo(id: number, days: number): Promise<void> {
  await rawWrite('UPDATE beneficiaries SET created_at = :at WHERE id = :id', {
    id,
    at: new Date(Date.now() - days * DAY_MS),
  });
}

/** GET /api/programmes/:id/waitlist as `token` (expects 200). */
export async function programmeWaitlist(
  token: string,
  programmeId: number,
  query: Record<string, string | number> = {},
): Promise<ProgrammeWaitlistDto> {
  const res = await api().get(`/api/programmes/${programmeId}/waitlist`).query(query).set(bearer(token));
  expect(res.status, JSON.stringify(res.body)).to.equal(200);
  return res.body as ProgrammeWaitlistDto;
}

/** The ids of a waiting list, in order. */
export const idsOf = (list: ProgrammeWaitlistDto): number[] => list.items.map((i) => i.beneficiary.id);

/** A complete public application (a student of 20 in SA-01 who consents to SMS), with `overrides` (any value). */
export function application(overrides: Partial<Record<keyof PublicApplicationInput, unknown>> = {}) {
  const { nationalId, phone } = nextIdentity();
  const base = {
    kind: 'student',
    name: 'سارة الأحمد',
    nationalId,
    phone,
    birthDate: bornYearsAgo(20),
    regionCode: 'SA-01',
    city: 'الرياض',
    householdSize: 5,
    monthlyIncome: 2500,
    schoolChildren: 1,
    need: 'laptop',
    purpose: 'study',
    motivation: 'أحتاج الحاسب لدراستي الجامعية',
    contactConsent: true,
    contactLanguage: 'ar',
    website: '',
  };
  // Typed as the complete form: the tests read back what they sent (a wrong value they sent on purpose, as sent).
  return { ...base, ...overrides } as typeof base;
}

/** How many rows each table of an application holds (to show a refusal wrote nothing). */
export async function applicationCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of [
    'beneficiaries',
    'beneficiary_audit',
    'programme_applications',
    'outbox_messages',
    'sequences',
  ]) {
    const [row] = await rawSelect<{ n: number | string }>(`SELECT COUNT(*) AS n FROM ${table}`);
    counts[table] = Number(row.n);
  }
  return counts;
}
