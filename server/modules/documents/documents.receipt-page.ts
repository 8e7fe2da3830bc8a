// The donor's receipt page behind the secret link: a summary of the receipt and a link to its PDF, in Arabic and the
// second language (`?lang=en|fr`, by default the country's, as the PDF).
import { AppError } from '../../lib/errors.js';
import { getSettings, type Settings } from '../settings/index.js';
import { currentCountry } from '../../lib/country.js';
import {
  defaultSecondLanguage,
  drawingIn,
  formatNumber,
  gregorianDate,
  second,
  secondLanguage,
  type Bilingual,
  type SecondLanguage,
} from './documents.format.js';
import { isReceiptToken } from './documents.schema.js';
import { findDonation, loadReceipt, type ReceiptData } from './documents.donor-receipt-data.js';
import { RECEIPT_STATEMENTS, servedHeadline } from './documents.donor-receipt-wording.js';
import { messages, type MessageId } from './documents.messages.js';
import { publicSeal } from './documents.public-seal.js';
import { definitions, escapeHtml, licenceFooter, notFoundPage, page, paragraph } from './documents.public-html.js';

export interface PageResult {
  status: number;
  html: string;
}

export const unknownReceiptPage = (lang: SecondLanguage = 'en'): string =>
  drawingIn(lang, () =>
    notFoundPage({
      ar: 'هذا الرابط لا يقود إلى أي إيصال. تأكد من نسخه كاملًا أو تواصل مع الجمعية.',
      en: 'This link does not lead to a receipt. Check that it was copied whole, or contact the charity.',
      fr: 'Ce lien ne mène à aucun reçu. Vérifiez qu’il a été copié en entier, ou contactez l’association.',
    }),
  );

/** Nothing received yet, or (rows written outside the intake path) no number issued yet: the page says "not yet". */
const PENDING = ['NOTHING_RECEIVED', 'RECEIPT_NOT_ISSUED'];

const TITLE: Bilingual = { ar: 'إيصال تبرع عيني', en: 'In-kind donation receipt', fr: 'Reçu de don en nature' };

export async function receiptPage(token: string, lang: SecondLanguage = 'en'): Promise<PageResult> {
  const donation = isReceiptToken(token) ? await findDonation({ receiptToken: token }) : null;
  if (!donation) return { status: 404, html: unknownReceiptPage(lang) };
  const settings = await getSettings();
  try {
    const seal = await publicSeal();
    const receipt = await loadReceipt({ receiptToken: token }, true);
    return { status: 200, html: drawingIn(lang, () => summaryPage(receipt, token, settings, seal)) };
  } catch (err) {
    if (!(err instanceof AppError && PENDING.includes(err.code))) throw err;
    return { status: 200, html: drawingIn(lang, () => pendingPage(donation.code, settings)) };
  }
}

const subtitleOf = (s: Settings): string => escapeHtml(`${s.charityName} · ${s.charityNameLatin}`);
const footerOf = (s: Settings): string | undefined => licenceFooter(s.charityLicence);

function pendingPage(code: string, settings: Settings): string {
  return page({
    title: TITLE,
    subtitle: subtitleOf(settings),
    footer: footerOf(settings),
    sections: [paragraph(messages('notReceivedYet', { code }))],
  });
}

function tile(value: string, n: number, caption: MessageId): string {
  const text = messages(caption, { n });
  return `<div class="tile"><b>${escapeHtml(value)}</b>${escapeHtml(text.ar)}<small lang="${secondLanguage()}">${escapeHtml(second(text))}</small></div>`;
}

/** The page's first words, as the PDF's: whom the donation reached. */
function lead(text: Bilingual): string {
  return `<p class="lead">${escapeHtml(text.ar)}</p><p class="en lead" lang="${secondLanguage()}">${escapeHtml(second(text))}</p>`;
}

function summaryPage(r: ReceiptData, token: string, settings: Settings, seal: string): string {
  const i = r.impact;
  const lang = secondLanguage();
  const received = r.donation.receivedAt ? gregorianDate(r.donation.receivedAt) : null;
  const yourImpact = second({ ar: '', en: 'Your impact', fr: 'L’impact de votre don' });
  const download = second({ ar: '', en: 'Download the receipt (PDF)', fr: 'Télécharger le reçu (PDF)' });
  // The PDF in the page's languages: the link names the language when it is not the country's own.
  const query = lang === defaultSecondLanguage(currentCountry()) ? '' : `?lang=${lang}`;
  return page({
    title: TITLE,
    subtitle: subtitleOf(settings),
    seal,
    footer: footerOf(settings),
    sections: [
      lead(servedHeadline(i)),
      definitions([
        {
          label: { ar: 'رقم الإيصال', en: 'Receipt number', fr: 'Numéro du reçu' },
          value: r.receiptNumber,
          ltr: true,
        },
        { label: { ar: 'المتبرع', en: 'Donor', fr: 'Donateur' }, value: r.donor.name, valueEn: r.donor.nameLatin },
        { label: { ar: 'رقم التبرع', en: 'Donation', fr: 'Don' }, value: r.donation.code, ltr: true },
        {
          label: { ar: 'تاريخ الاستلام', en: 'Received', fr: 'Reçu le' },
          value: received?.ar ?? '',
          valueEn: received && second(received),
        },
      ]),
      `<h2>أثر تبرعكم <span class="en" lang="${lang}">· ${escapeHtml(yourImpact)}</span></h2><div class="tiles">${[
        tile(formatNumber(i.received), i.received, 'tileReceived'),
        tile(formatNumber(i.outcomes.placed), i.outcomes.placed, 'tilePlaced'),
        tile(formatNumber(i.families), i.families, 'tileFamilies'),
        tile(formatNumber(i.students), i.students, 'tileStudents'),
        tile(formatNumber(i.drivesSanitized.total), i.drivesSanitized.total, 'tileDrives'),
        tile(formatNumber(i.outcomes.in_progress), i.outcomes.in_progress, 'tileInProgress'),
        tile(formatNumber(i.kg.total), i.kg.total, 'tileKg'),
        tile(`≈ ${formatNumber(i.co2e.kg)}`, i.co2e.kg, 'tileCo2e'),
      ].join('')}</div>`,
      paragraph(RECEIPT_STATEMENTS.inKind, 'note'),
      // Arabic and the second language on two lines of the button: on one, the Latin half's "·" and "(PDF)" were
      // reordered.
      `<p><a class="button" href="/receipts/${escapeHtml(token)}/receipt.pdf${query}">` +
        `<span>تنزيل الإيصال <bdi dir="ltr">PDF</bdi></span>` +
        `<small lang="${lang}" dir="ltr">${escapeHtml(download)}</small></a></p>`,
    ],
  });
}
