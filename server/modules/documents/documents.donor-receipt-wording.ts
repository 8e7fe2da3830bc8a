// The fixed wording of the donor receipt. The in-kind statement follows domain-notes §4: it describes the items,
// states no value and says nothing was given in return.
import { config } from '../../config.js';
import { ltr } from '../../lib/pdf/index.js';
import { formatNumber, type Bilingual } from './documents.format.js';
import { ASSUMED_WEIGHT_KG, CO2E_SOURCE, type Impact } from './documents.donor-receipt-impact.js';

export const RECEIPT_STATEMENTS = {
  inKind: {
    ar: 'تُقرّ الجمعية باستلام الأجهزة المبيّنة في هذا الإيصال تبرعًا عينيًا. يصف هذا الإيصال الأجهزة ولا يذكر لها أي قيمة مالية، ولم تُقدَّم للمتبرع أي سلع أو خدمات مقابل هذا التبرع.',
    en: 'The charity acknowledges receipt of the devices listed in this receipt as an in-kind donation. This receipt describes the items and states no monetary value. No goods or services were given to the donor in return for this donation.',
  },
} satisfies Record<string, Bilingual>;

const kg = (n: number): string => `${formatNumber(n)} kg`;

/** The notes under the tiles: how each figure was made, data security and privacy. */
export function receiptNotes(impact: Impact): Bilingual[] {
  const w = ASSUMED_WEIGHT_KG;
  const f = config.co2eKg;
  return [
    {
      ar: `الوزن المحوَّل = أوزان جهات التدوير المسجلة (${ltr(kg(impact.kg.recorded))}) + وزن تقديري لكل جهاز سُلّم (${ltr(kg(impact.kg.assumed))}): محمول ${ltr(kg(w.laptop))}، مكتبي ${ltr(kg(w.desktop))}، متكامل ${ltr(kg(w.all_in_one))}، لوحي ${ltr(kg(w.tablet))}، جوال ${ltr(kg(w.phone))}، شاشة ${ltr(kg(w.monitor))}.`,
      en: `Weight diverted = recyclers' recorded weights (${kg(impact.kg.recorded)}) + an assumed weight per placed device (${kg(impact.kg.assumed)}): laptop ${kg(w.laptop)}, desktop ${kg(w.desktop)}, all-in-one ${kg(w.all_in_one)}, tablet ${kg(w.tablet)}, phone ${kg(w.phone)}, monitor ${kg(w.monitor)}.`,
    },
    {
      ar: `الانبعاثات المتجنَّبة تقدير يشمل الأجهزة المسلَّمة فقط: ${ltr(`${f.laptop} kg CO2e`)} للمحمول، ${ltr(`${f.desktop}`)} للمكتبي والمتكامل، ${ltr(`${f.other}`)} لغيرها، وهي بصمة تصنيع جهاز جديد أغنى عنه إعادة الاستخدام.`,
      en: `CO2e avoided is an estimate counting placed devices only: ${f.laptop} kg CO2e per laptop, ${f.desktop} per desktop or all-in-one, ${f.other} per other device. Source: ${CO2E_SOURCE}`,
    },
    {
      ar: `مُحيت بيانات كل قرص وفق المعيار ${ltr('NIST SP 800-88')} قبل خروج أي جهاز من الجمعية، وتتوفر شهادة المحو لكل جهاز عند الطلب برمز الأصل. لا يذكر هذا الإيصال أسماء المستفيدين، بل أعدادهم فقط.`,
      en: 'Every storage drive was sanitized to NIST SP 800-88 before any device left the charity; the certificate of sanitization of each device is available on request, quoting its tag. Beneficiaries are counted here, never named.',
    },
  ];
}

// Arabic plural forms by CLDR category (Intl.PluralRules('ar')), after the preposition «إلى» (genitive duals).
const AR_FAMILIES: Record<Intl.LDMLPluralRule, string> = {
  zero: '# أسرة',
  one: 'أسرة واحدة',
  two: 'أسرتين',
  few: '# أسر',
  many: '# أسرة',
  other: '# أسرة',
};
const AR_STUDENTS: Record<Intl.LDMLPluralRule, string> = {
  zero: '# طالب',
  one: 'طالب واحد',
  two: 'طالبين',
  few: '# طلاب',
  many: '# طالبًا',
  other: '# طالب',
};
const arPlural = new Intl.PluralRules('ar');
const enPlural = new Intl.PluralRules('en');
const arCount = (forms: Record<Intl.LDMLPluralRule, string>, n: number): string =>
  forms[arPlural.select(n)].replace('#', formatNumber(n));
const enCount = (n: number, one: string, other: string): string =>
  `${formatNumber(n)} ${enPlural.select(n) === 'one' ? one : other}`;

/**
 * The receipt's first words: "Your donation reached N families and M students" (a count that is 0 is left out);
 * before any handover, that the devices are being prepared for them.
 */
export function servedHeadline(impact: Pick<Impact, 'families' | 'students'>): Bilingual {
  const { families, students } = impact;
  if (!families && !students)
    return {
      ar: 'أجهزتكم قيد التجهيز، وستصل قريبًا إلى الأسر والطلاب',
      en: 'Your devices are being prepared and will soon reach families and students',
    };
  const ar = [families ? arCount(AR_FAMILIES, families) : '', students ? arCount(AR_STUDENTS, students) : ''];
  const en = [
    families ? enCount(families, 'family', 'families') : '',
    students ? enCount(students, 'student', 'students') : '',
  ];
  return {
    ar: `وصل تبرعكم إلى ${ar.filter(Boolean).join(' و')}`,
    en: `Your donation reached ${en.filter(Boolean).join(' and ')}`,
  };
}
