// The one home of the donor documents' sentences (receipt PDF and page, yearly statement) in Arabic, English and
// French, as ICU messages (intl-messageformat, the format of the web client's messages): a count takes the CLDR plural
// form of its language, six in Arabic (zero, one, two, few, many, other), three in French (one for 0 and 1, many for
// round millions, other). Labels without a count stay beside their drawing, as { ar, en, fr }.
// Arabic is written with Latin digits, as the documents print them. Values that are numbers are formatted here, in
// the language of the message (French: `1.234,5`); values that are text are inserted as given.
import { IntlMessageFormat } from 'intl-messageformat';
import type { Bilingual } from './documents.format.js';

export type MessageLanguage = 'ar' | 'en' | 'fr';
type Messages = Readonly<Record<MessageLanguage, string>>;

// French as Morocco writes it (as documents.format.ts): `1.234,5`; English `1,234.5`; Arabic with Latin digits.
const LOCALES: Readonly<Record<MessageLanguage, string>> = { ar: 'ar-u-nu-latn', en: 'en-US', fr: 'fr-MA' };

// Apostrophes are typographic (’): in ICU a straight one before a brace or # starts a quoted literal.
export const MESSAGES = {
  // The receipt's first words, "Your donation reached 3 families and 2 students". Arabic: genitive after «إلى».
  families: {
    ar: '{n, plural, zero {# أسرة} one {أسرة واحدة} two {أسرتين} few {# أسر} many {# أسرة} other {# أسرة}}',
    en: '{n, plural, one {# family} other {# families}}',
    fr: '{n, plural, one {# famille} many {# de familles} other {# familles}}',
  },
  students: {
    ar: '{n, plural, zero {# طالب} one {طالب واحد} two {طالبين} few {# طلاب} many {# طالبًا} other {# طالب}}',
    en: '{n, plural, one {# student} other {# students}}',
    fr: '{n, plural, one {# élève} many {# d’élèves} other {# élèves}}',
  },
  both: { ar: '{first} و{second}', en: '{first} and {second}', fr: '{first} et {second}' },
  reached: {
    ar: 'وصل تبرعكم إلى {whom}',
    en: 'Your donation reached {whom}',
    fr: 'Votre don a bénéficié à {whom}',
  },
  beingPrepared: {
    ar: 'أجهزتكم قيد التجهيز، وستصل قريبًا إلى الأسر والطلاب',
    en: 'Your devices are being prepared and will soon reach families and students',
    fr: 'Vos appareils sont en cours de préparation et bénéficieront bientôt à des familles et à des élèves',
  },
  // The line under the receipt's manifest. Arabic: nominative after the colon.
  endOfManifest: {
    ar: 'نهاية البيان: {n, plural, zero {لا أجهزة} one {جهاز واحد} two {جهازان} few {# أجهزة} many {# جهازًا} other {# جهاز}}',
    en: 'End of manifest: {n, plural, one {# device} other {# devices}}',
    fr: 'Fin de la liste : {n, plural, one {# appareil} many {# d’appareils} other {# appareils}}',
  },
  devicesReceivedHeading: {
    ar: 'بيان الأجهزة المستلمة ({n, plural, other {#}})',
    en: 'Devices received ({n, plural, other {#}})',
    fr: 'Appareils reçus ({n, plural, other {#}})',
  },
  // Captions under a tile's big number: Arabic counts with the singular caption, as a table heading would; English
  // and French agree with the number above.
  tileReceived: {
    ar: 'جهاز استُلم',
    en: '{n, plural, one {device received} other {devices received}}',
    fr: '{n, plural, one {appareil reçu} other {appareils reçus}}',
  },
  tileGiven: {
    ar: 'جهاز تبرعتم به',
    en: '{n, plural, one {device given} other {devices given}}',
    fr: '{n, plural, one {appareil donné} other {appareils donnés}}',
  },
  tilePlaced: {
    ar: 'جهاز سُلِّم لمستفيد',
    en: '{n, plural, one {device placed} other {devices placed}}',
    fr: '{n, plural, one {appareil remis} other {appareils remis}}',
  },
  tileFamilies: {
    ar: 'أسرة استفادت',
    en: '{n, plural, one {family served} other {families served}}',
    fr: '{n, plural, one {famille bénéficiaire} other {familles bénéficiaires}}',
  },
  tileStudents: {
    ar: 'طالب استفاد',
    en: '{n, plural, one {student served} other {students served}}',
    fr: '{n, plural, one {élève bénéficiaire} other {élèves bénéficiaires}}',
  },
  tileDrives: {
    ar: 'قرص مُحيت بياناته',
    en: '{n, plural, one {drive sanitized} other {drives sanitized}}',
    fr: '{n, plural, one {disque effacé} other {disques effacés}}',
  },

  tileDisposed: {
    ar: 'أُعيد تدويره أو فُكِّك',
    en: 'recycled or harvested',
    fr: '{n, plural, one {recyclé ou démonté} other {recyclés ou démontés}}',
  },
  tileInProgress: { ar: 'قيد التجهيز', en: 'in progress', fr: 'en préparation' },
  tileKg: { ar: 'كغ أُبعدت عن النفايات', en: 'kg kept out of e-waste', fr: 'kg de déchets évités' },
  tileCo2e: { ar: 'كغ CO2e تُجنّبت (تقدير)', en: 'kg CO2e avoided (estimate)', fr: 'kg CO2e évités (estimation)' },
  // The receipt PDF's narrower tiles.
  tileCo2eShort: { ar: 'كغ CO2e تُجنّبت (تقدير)', en: 'kg CO2e avoided (est.)', fr: 'kg CO2e évités (estim.)' },
  // The legend of the receipt's outcome bar (the count stands before it).
  legendPlaced: {
    ar: 'سُلِّم لمستفيد',
    en: 'placed',
    fr: 'remis',
  },
  legendRecycled: { ar: 'أُعيد تدويره', en: 'recycled', fr: '{n, plural, one {recyclé} other {recyclés}}' },
  legendHarvested: { ar: 'مُفكَّك', en: 'harvested', fr: '{n, plural, one {démonté} other {démontés}}' },
  legendInProgress: { ar: 'قيد التجهيز', en: 'in progress', fr: 'en préparation' },
  // The NIST SP 800-88 categories under the drives tile (docs/glossary.md).
  destroy: { ar: 'إتلاف', en: 'Destroy', fr: 'Destruction' },
  purge: { ar: 'تطهير', en: 'Purge', fr: 'Purge' },
  clear: { ar: 'تنظيف', en: 'Clear', fr: 'Nettoyage' },
  // The in-kind wording (domain-notes §4): it describes the items, states no value and says nothing was given in return.
  inKind: {
    ar: 'تُقرّ الجمعية باستلام الأجهزة المبيّنة في هذا الإيصال تبرعًا عينيًا. يصف هذا الإيصال الأجهزة ولا يذكر لها أي قيمة مالية، ولم تُقدَّم للمتبرع أي سلع أو خدمات مقابل هذا التبرع.',
    en: 'The charity acknowledges receipt of the devices listed in this receipt as an in-kind donation. This receipt describes the items and states no monetary value. No goods or services were given to the donor in return for this donation.',
    fr: 'L’association accuse réception, à titre de don en nature, des appareils énumérés dans ce reçu. Ce reçu décrit les biens et n’indique aucune valeur monétaire. Aucun bien ni service n’a été fourni au donateur en contrepartie de ce don.',
  },
  // How the figures were made (receipt and statement). The weights and factors come formatted, with their unit; the
  // Arabic CO2e note leaves the source out (English and French name it).
  weightNote: {
    ar: 'الوزن المحوَّل = أوزان جهات التدوير المسجلة ({recorded}) + وزن تقديري لكل جهاز سُلّم ({assumed}): محمول {laptop}، مكتبي {desktop}، متكامل {allInOne}، لوحي {tablet}، جوال {phone}، شاشة {monitor}.',
    en: 'Weight diverted = recyclers’ recorded weights ({recorded}) + an assumed weight per placed device ({assumed}): laptop {laptop}, desktop {desktop}, all-in-one {allInOne}, tablet {tablet}, phone {phone}, monitor {monitor}.',
    fr: 'Poids évité = poids enregistrés par les recycleurs ({recorded}) + un poids estimé par appareil remis ({assumed}) : portable {laptop}, fixe {desktop}, tout-en-un {allInOne}, tablette {tablet}, téléphone {phone}, écran {monitor}.',
  },
  co2eNote: {
    ar: 'الانبعاثات المتجنَّبة تقدير يشمل الأجهزة المسلَّمة فقط: {laptop} للمحمول، {desktop} للمكتبي والمتكامل، {other} لغيرها، وهي بصمة تصنيع جهاز جديد أغنى عنه إعادة الاستخدام.',
    en: 'CO2e avoided is an estimate counting placed devices only: {laptop} per laptop, {desktop} per desktop or all-in-one, {other} per other device. Source: {source}',
    fr: 'Le CO2e évité est une estimation qui ne compte que les appareils remis : {laptop} par portable, {desktop} par fixe ou tout-en-un, {other} par autre appareil. Source : {source}',
  },
  securityNote: {
    ar: 'مُحيت بيانات كل قرص وفق المعيار {nist} قبل خروج أي جهاز من الجمعية، وتتوفر شهادة المحو لكل جهاز عند الطلب برمز الأصل. لا يذكر هذا الإيصال أسماء المستفيدين، بل أعدادهم فقط.',
    en: 'Every storage drive was sanitized to {nist} before any device left the charity; the certificate of sanitization of each device is available on request, quoting its tag. Beneficiaries are counted here, never named.',
    fr: 'Les données de chaque disque ont été effacées selon la norme {nist} avant que l’appareil ne quitte l’association ; le certificat d’effacement des données de chaque appareil est disponible sur demande, en indiquant son étiquette d’inventaire. Les bénéficiaires sont comptés ici, jamais nommés.',
  },
  // The receipt's closing lines, beside its QR code.
  followReceipt: {
    ar: 'تابعوا أثر تبرعكم على صفحة الإيصال',
    en: 'Follow your donation’s impact on its receipt page',
    fr: 'Suivez l’impact de votre don sur la page de son reçu',
  },
  impactAsOf: { ar: 'الأثر حتى {date}', en: 'Impact as of {date}', fr: 'Impact au {date}' },
  // The receipt page before any device was received.
  notReceivedYet: {
    ar: 'شكرًا لكم. لم تُستلم أجهزة التبرع {code} بعد، وسيظهر الإيصال هنا حال استلامها.',
    en: 'Thank you. The devices of donation {code} have not been received yet; the receipt will appear here once they are.',
    fr: 'Merci. Les appareils du don {code} n’ont pas encore été reçus ; le reçu apparaîtra ici dès leur réception.',
  },
  // The regional report (documents.regional-report-pdf.ts): its tiles' captions beside the shared ones above, and the
  // line under its chart. Arabic counts with the singular caption, as on the receipt's tiles.
  regionInWorkshop: { ar: 'قيد التجهيز', en: 'in the workshop', fr: 'en atelier' },
  regionReady: {
    ar: 'جاهز للتسليم',
    en: 'ready to hand over',
    fr: '{n, plural, one {prêt à remettre} other {prêts à remettre}}',
  },
  regionHandedOver: {
    ar: 'جهاز سُلّم لمستفيد',
    en: '{n, plural, one {device handed over} other {devices handed over}}',
    fr: '{n, plural, one {appareil remis} other {appareils remis}}',
  },
  regionInstitutions: {
    ar: 'جهة استفادت',
    en: '{n, plural, one {institution served} other {institutions served}}',
    fr: '{n, plural, one {établissement bénéficiaire} other {établissements bénéficiaires}}',
  },
  // The chart's totals over its months. Arabic: the verb agrees with the count (few: feminine plural).
  regionChartTotals: {
    ar: 'خلال هذه الأشهر {intake, plural, zero {لم يُستلم أي جهاز} one {استُلم جهاز واحد} two {استُلم جهازان} few {استُلمت # أجهزة} many {استُلم # جهازًا} other {استُلم # جهاز}} و{handovers, plural, zero {لم يُسلَّم أي جهاز} one {سُلِّم جهاز واحد} two {سُلِّم جهازان} few {سُلِّمت # أجهزة} many {سُلِّم # جهازًا} other {سُلِّم # جهاز}}.',
    en: 'Over these months: {intake, plural, one {# device received} other {# devices received}} and {handovers, plural, one {# device handed over} other {# devices handed over}}.',
    fr: 'Sur ces mois : {intake, plural, one {# appareil reçu} many {# d’appareils reçus} other {# appareils reçus}} et {handovers, plural, one {# appareil remis} many {# d’appareils remis} other {# appareils remis}}.',
  },
  // How the regional figures were made, under every page's chart. The weights and factors come formatted.
  regionAttribution: {
    ar: 'تُنسب الأجهزة والأقراص والأوزان والانبعاثات إلى منطقة الموقع الذي يحفظها، ويُنسب التسليم والمستفيدون (الأسر والطلاب والجهات) إلى منطقة المستفيد عند التسليم (أو منطقة الموقع إن لم تُسجَّل له منطقة)، ويُعدّ كل مستفيد مرة واحدة. يذكر هذا التقرير الأعداد فقط ولا يذكر أي اسم.',
    en: 'Devices, drives, weights and CO2e count in the region of the site that holds them; handovers and beneficiaries (families, students, institutions) in the beneficiary’s region at handover (the site’s when none was recorded), each beneficiary once. This report gives counts only, never a name.',
    fr: 'Les appareils, disques, poids et CO2e comptent dans la région du site qui les détient ; les remises et les bénéficiaires (familles, élèves, établissements) dans la région du bénéficiaire lors de la remise (celle du site à défaut), chaque bénéficiaire une seule fois. Ce rapport ne donne que des nombres, jamais un nom.',
  },
  regionWeights: {
    ar: 'الوزن المحوَّل = أوزان جهات التدوير المسجلة + وزن تقديري لكل جهاز سُلّم (محمول {laptop}، مكتبي {desktop}). الانبعاثات المتجنَّبة تقدير للأجهزة المسلَّمة فقط: {co2eLaptop} للمحمول و{co2eDesktop} للمكتبي.',
    en: 'Weight diverted = recyclers’ recorded weights + an assumed weight per placed device (laptop {laptop}, desktop {desktop}). CO2e avoided is an estimate for placed devices only: {co2eLaptop} per laptop, {co2eDesktop} per desktop. {source}',
    fr: 'Poids évité = poids enregistrés par les recycleurs + un poids estimé par appareil remis (portable {laptop}, fixe {desktop}). Le CO2e évité est une estimation qui ne compte que les appareils remis : {co2eLaptop} par portable, {co2eDesktop} par fixe. Source : {source}',
  },
} satisfies Record<string, Messages>;

export type MessageId = keyof typeof MESSAGES;
export type MessageValues = Readonly<Record<string, string | number>>;

const compiled = new Map<string, IntlMessageFormat>();
const numberFormats = new Map<MessageLanguage, Intl.NumberFormat>();

/** A number as `language` writes it, at most one decimal: `1,234.5`, French `1.234,5`, Arabic Latin digits. */
export function numberIn(language: MessageLanguage, n: number): string {
  let f = numberFormats.get(language);
  if (!f) numberFormats.set(language, (f = new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 1 })));
  return f.format(n);
}

/** Message `id` in `language`, its counts in their plural form. */
export function message(id: MessageId, language: MessageLanguage, values: MessageValues = {}): string {
  const key = `${id}|${language}`;
  let format = compiled.get(key);
  if (!format) compiled.set(key, (format = new IntlMessageFormat(MESSAGES[id][language], LOCALES[language])));
  return String(format.format(values));
}

/**
 * Message `id` in the three languages, for a bilingual document (Arabic and its second language). `values` may give
 * each language its own values (a Latin value isolated inside Arabic, a number formatted per language).
 */
export function messages(
  id: MessageId,
  values: MessageValues | ((language: MessageLanguage) => MessageValues) = {},
): Required<Bilingual> {
  const of = (language: MessageLanguage) =>
    message(id, language, typeof values === 'function' ? values(language) : values);
  return { ar: of('ar'), en: of('en'), fr: of('fr') };
}
