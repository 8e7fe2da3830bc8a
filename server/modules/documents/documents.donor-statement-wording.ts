// The donor's page and yearly statement speak one language only (spec §12; unlike the bilingual receipts): Arabic
// (right to left), English or French. Donors choose Arabic, English or French (DocumentLanguage: ar, en, fr); 'en'
// stored before French could be chosen meant "not Arabic", so it still reads the country's second language of
// documents (documents.format.ts): French in Morocco, English in Saudi Arabia. `?lang=ar|en|fr` on a statement asks for one language instead.
// Sentences with counts are in documents.messages.ts.
import { currentCountry } from '../../lib/country.js';
import { ltr } from '../../lib/pdf/index.js';
import { defaultSecondLanguage, gregorianDate } from './documents.format.js';
import type { Impact } from './documents.donor-receipt-impact.js';
import { receiptNotes } from './documents.donor-receipt-wording.js';

export type DonorLanguage = 'ar' | 'en' | 'fr';
export const DONOR_LANGUAGES: readonly DonorLanguage[] = ['ar', 'en', 'fr'];
export type Words = Readonly<Record<DonorLanguage, string>>;

/** The donor's language: 'fr' French, 'en' the country's second language (the effective country), else Arabic. */
export const languageOf = (preferred: string | null | undefined): DonorLanguage =>
  preferred === 'fr' ? 'fr' : preferred === 'en' ? defaultSecondLanguage(currentCountry()) : 'ar';
export const directionOf = (language: DonorLanguage): 'rtl' | 'ltr' => (language === 'ar' ? 'rtl' : 'ltr');

/** Latin text inside Arabic keeps its order (codes, dates, numbers); other languages need no isolation. */
export const latin = (language: DonorLanguage, text: string): string => (language === 'ar' ? ltr(text) : text);

/** `23 نوفمبر 2026`, `23 November 2026`, `23 novembre 2026`, in the charity's time zone. */
export function dateIn(language: DonorLanguage, date: Date): string {
  return gregorianDate(date)[language] ?? gregorianDate(date).en;
}

export const W = {
  pageTitle: { ar: 'صفحة المتبرع', en: 'Your donations', fr: 'Vos dons' },
  pageIntro: {
    ar: 'شكرًا لكم. هذه صفحتكم الخاصة: فيها كل تبرعاتكم وإيصالاتها وكشوفكم السنوية. لا تشاركوا رابطها إلا مع من تثقون به.',
    en: 'Thank you. This is your own page: every donation you made, its receipt and your yearly statements. Share its link only with people you trust.',
    fr: "Merci. Voici votre page personnelle : chacun de vos dons, son reçu et vos relevés annuels. Ne partagez son lien qu'avec des personnes de confiance.",
  },
  donor: { ar: 'المتبرع', en: 'Donor', fr: 'Donateur' },
  donations: { ar: 'تبرعاتكم', en: 'Your donations', fr: 'Vos dons' },
  code: { ar: 'رقم التبرع', en: 'Donation', fr: 'Don' },
  date: { ar: 'التاريخ', en: 'Date', fr: 'Date' },
  status: { ar: 'الحالة', en: 'Status', fr: 'Statut' },
  devices: { ar: 'الأجهزة', en: 'Devices', fr: 'Appareils' },
  receipt: { ar: 'الإيصال', en: 'Receipt', fr: 'Reçu' },
  openReceipt: { ar: 'عرض الإيصال', en: 'View the receipt', fr: 'Voir le reçu' },
  noDonations: { ar: 'لا توجد تبرعات بعد.', en: 'No donations yet.', fr: 'Aucun don pour le moment.' },
  statements: { ar: 'الكشوف السنوية', en: 'Yearly statements', fr: 'Relevés annuels' },
  download: { ar: 'تنزيل الكشف (PDF)', en: 'Download (PDF)', fr: 'Télécharger (PDF)' },
  notIssued: {
    ar: 'لم يصدر بعد: اطلبوه من الجمعية',
    en: 'Not issued yet: ask the charity',
    fr: "Pas encore émis : demandez-le à l'association",
  },
  noStatements: {
    ar: 'تظهر الكشوف السنوية هنا بعد استلام أول تبرع.',
    en: 'Yearly statements appear here once a donation has been received.',
    fr: "Les relevés annuels apparaîtront ici dès qu'un don aura été reçu.",
  },
  title: { ar: 'كشف التبرعات السنوي', en: 'Annual Donation Statement', fr: 'Relevé annuel des dons' },
  number: { ar: 'رقم الكشف', en: 'Statement number', fr: 'Numéro du relevé' },
  year: { ar: 'السنة', en: 'Year', fr: 'Année' },
  issued: { ar: 'تاريخ الإصدار', en: 'Date issued', fr: "Date d'émission" },
  asOf: { ar: 'الأرقام حتى', en: 'Figures as of', fr: 'Chiffres au' },
  crNumber: { ar: 'السجل التجاري', en: 'Commercial registration', fr: 'Registre de commerce' },
  licence: { ar: 'ترخيص الجمعية', en: 'Charity licence', fr: "Agrément de l'association" },
  impact: { ar: 'أثر تبرعاتكم', en: 'The impact of your donations', fr: "L'impact de vos dons" },
  byRegion: { ar: 'المستفيدون حسب المنطقة', en: 'People served by region', fr: 'Bénéficiaires par région' },
  region: { ar: 'المنطقة', en: 'Region', fr: 'Région' },
  familiesColumn: { ar: 'الأسر', en: 'Families', fr: 'Familles' },
  studentsColumn: { ar: 'الطلاب', en: 'Students', fr: 'Élèves' },
  total: { ar: 'المجموع', en: 'Total', fr: 'Total' },
  noRegion: { ar: 'منطقة غير مسجلة', en: 'Region not recorded', fr: 'Région non renseignée' },
  noneServed: {
    ar: 'لم يُسلَّم أي جهاز من تبرعات هذا العام لمستفيد بعد.',
    en: "No device from this year's donations has been handed over yet.",
    fr: "Aucun appareil des dons de cette année n'a encore été remis.",
  },
  yearDonations: { ar: 'تبرعات العام', en: 'Donations received in the year', fr: "Dons reçus dans l'année" },
  received: { ar: 'تاريخ الاستلام', en: 'Received', fr: 'Reçu le' },
  noValue: {
    ar: 'يصف هذا الكشف تبرعات عينية ولا يذكر لها أي قيمة مالية، ولم تُقدَّم للمتبرع أي سلع أو خدمات مقابلها.',
    en: 'This statement describes in-kind donations and states no monetary value. No goods or services were given in return.',
    fr: "Ce relevé décrit des dons en nature et n'indique aucune valeur monétaire. Aucun bien ni service n'a été fourni en contrepartie.",
  },
  privacy: {
    ar: `يذكر هذا الكشف أعداد المستفيدين ولا يذكر أسماءهم: يُعدّ كل مستفيد مرة واحدة في منطقته، أو في منطقة الموقع الذي سُلّم منه الجهاز إن لم تُسجَّل له منطقة. مُحيت بيانات كل قرص وفق المعيار ${ltr('NIST SP 800-88')} قبل خروج أي جهاز من الجمعية.`,
    en: 'Beneficiaries are counted here, never named: each once, in their region, or in the region of the site the device was handed over from when none was recorded. Every storage drive was sanitized to NIST SP 800-88 before any device left the charity.',
    fr: "Les bénéficiaires sont comptés ici, jamais nommés : chacun une fois, dans sa région, ou dans celle du site d'où l'appareil a été remis si aucune n'est renseignée. Chaque support de stockage a été effacé selon la norme NIST SP 800-88 avant que l'appareil ne quitte l'association.",
  },
  followPage: {
    ar: 'تابعوا تبرعاتكم وإيصالاتها على صفحتكم',
    en: 'Follow your donations and receipts on your page',
    fr: 'Suivez vos dons et leurs reçus sur votre page',
  },
  stamp: {
    ar: 'ختم الجمعية وتوقيع المسؤول',
    en: 'Charity stamp and signature',
    fr: "Cachet et signature de l'association",
  },
} satisfies Record<string, Words>;

export const statusWords: Readonly<Record<string, Words>> = {
  pledged: { ar: 'تعهّد بالتبرع', en: 'Pledged', fr: 'Promis' },
  scheduled: { ar: 'موعد الاستلام محدد', en: 'Pickup scheduled', fr: 'Collecte prévue' },
  received: { ar: 'استُلم', en: 'Received', fr: 'Reçu' },
  closed: { ar: 'مكتمل', en: 'Completed', fr: 'Clôturé' },
};

export const statementFor = (language: DonorLanguage, year: number): string =>
  ({ ar: `كشف عام ${year}`, en: `Statement for ${year}`, fr: `Relevé ${year}` })[language];

export const licenceLine = (language: DonorLanguage, licence: string): string =>
  ({ ar: `ترخيص رقم ${licence}`, en: `Licence No. ${licence}`, fr: `Agrément n° ${licence}` })[language];

export const notIssuedText = (language: DonorLanguage, year: number): string =>
  ({
    ar: `لم يصدر كشف عام ${year} بعد. اطلبوه من الجمعية.`,
    en: `The statement for ${year} has not been issued yet. Please ask the charity for it.`,
    fr: `Le relevé ${year} n'a pas encore été émis. Demandez-le à l'association.`,
  })[language];

export const introOf = (language: DonorLanguage, year: number): string =>
  ({
    ar: `يبيّن هذا الكشف الأجهزة التي تبرعتم بها للجمعية خلال عام ${year} وما آلت إليه حتى تاريخه. شكرًا لكم على ثقتكم.`,
    en: `This statement covers the devices you gave the charity in ${year} and what has become of them to date. Thank you for your trust.`,
    fr: `Ce relevé présente les appareils que vous avez donnés à l'association en ${year} et ce qu'ils sont devenus à ce jour. Merci de votre confiance.`,
  })[language];

/** How kg and CO2e were made: the receipt's own notes (weights, CO2e) in the statement's language. */
export function methodNotes(language: DonorLanguage, impact: Impact): string[] {
  return receiptNotes(impact)
    .slice(0, 2)
    .map((note) => note[language]);
}
