// Demo beneficiaries: Saudi families and students with valid (Luhn) national IDs, stored the way the registry
// stores them (encrypted, keyed hash, last four digits). The same IDs come out on every run: they are the
// natural key that keeps the seeder idempotent.
import type { Transaction } from 'sequelize';
import { encryptPii, piiHash } from '../../server/lib/pii.js';
import { Beneficiary } from '../../server/modules/beneficiaries/beneficiaries.model.js';
import type { BeneficiaryStatus } from '../../server/modules/beneficiaries/index.js';
import { nationalIdAad, visibleTail } from '../../server/modules/beneficiaries/beneficiaries.national-id.js';
import { createRandom } from './random.js';

const FAMILY_NAMES = [
  'العتيبي',
  'الشمري',
  'القحطاني',
  'الدوسري',
  'الغامدي',
  'الزهراني',
  'الحربي',
  'المطيري',
  'السبيعي',
  'الشهري',
  'العنزي',
  'البقمي',
];
const STUDENT_NAMES = ['نورة', 'ريم', 'عبدالله', 'سارة', 'محمد', 'هيا', 'فيصل', 'لمى', 'تركي', 'جود'];
// City, the legacy free-text region (as typed before regions were a reference list) and the region's code.
const CITIES = [
  ['الدمام', 'Eastern', 'SA-04'],
  ['الخبر', 'Eastern', 'SA-04'],
  ['الرياض', 'Riyadh', 'SA-01'],
  ['جدة', 'Makkah', 'SA-02'],
  ['الأحساء', 'Eastern', 'SA-04'],
] as const;

export function demoSaudiId(n: number): string {
  const body = `1${String(n).padStart(8, '0')}`;
  let sum = 0;
  for (let i = 0; i < body.length; i += 1) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return body + String((10 - (sum % 10)) % 10);
}

export interface FamilySeed {
  nationalId: string;
  kind: 'family' | 'student';
  name: string;
  status: BeneficiaryStatus;
}

/** `count` people: the first `placed` are for devices already allocated or handed over, the rest wait. */
export function familySeeds(count: number): FamilySeed[] {
  const random = createRandom(2026);
  return Array.from({ length: count }, (_, i) => {
    const student = i % 5 === 4;
    const name = student
      ? `${random.pick(STUDENT_NAMES)} ${random.pick(FAMILY_NAMES)}`
      : `أسرة ${random.pick(FAMILY_NAMES)}`;
    return {
      nationalId: demoSaudiId(70_000_000 + i),
      kind: student ? 'student' : 'family',
      name,
      status: 'verified' as const,
    };
  });
}

export async function ensureBeneficiary(
  seed: FamilySeed,
  index: number,
  transaction: Transaction,
): Promise<Beneficiary> {
  const hash = piiHash(seed.nationalId);
  const existing = await Beneficiary.findOne({ where: { nationalIdHash: hash }, transaction });
  if (existing) return existing;
  const random = createRandom(index + 1);
  const [city, region, regionCode] = random.pick(CITIES);
  const householdSize = seed.kind === 'student' ? random.int(3, 7) : random.int(2, 10);
  const created = await Beneficiary.create(
    {
      kind: seed.kind,
      name: seed.name,
      nationalIdEncrypted: '',
      nationalIdHash: hash,
      nationalIdLast4: visibleTail(seed.nationalId),
      phone: `+96650${String(1_000_000 + index).slice(-7)}`,
      city,
      region,
      regionCode,
      householdSize,
      monthlyIncome: random.int(15, 90) * 100,
      schoolChildren: Math.min(householdSize - 1, random.int(0, 4)),
      need: seed.kind === 'student' ? 'laptop' : random.pick(['laptop', 'laptop', 'desktop', 'any'] as const),
      purpose: seed.kind === 'student' ? 'study' : random.pick(['business', 'training', 'general'] as const),
      partnerId: null,
      status: seed.status,
      statusChangedAt: new Date(Date.now() - random.int(5, 200) * 86_400_000),
    },
    { transaction },
  );
  // The ciphertext is bound to the row id (beneficiaries.national-id.ts), known only now.
  return created.update(
    { nationalIdEncrypted: encryptPii(seed.nationalId, nationalIdAad(created.id)) },
    { transaction },
  );
}
