// The donor's receipt page behind the secret link: a summary of the receipt and a link to its PDF.
import { AppError } from '../../lib/errors.js';
import { getSettings, type Settings } from '../settings/index.js';
import { formatNumber, gregorianDate, type Bilingual } from './documents.format.js';
import { isReceiptToken } from './documents.schema.js';
import { findDonation, loadReceipt, type ReceiptData } from './documents.donor-receipt-data.js';
import { RECEIPT_STATEMENTS, servedHeadline } from './documents.donor-receipt-wording.js';
import { publicSeal } from './documents.public-seal.js';
import { definitions, escapeHtml, licenceFooter, notFoundPage, page, paragraph } from './documents.public-html.js';

export interface PageResult {
  status: number;
  html: string;
}

export const unknownReceiptPage = (): string =>
  notFoundPage({
    ar: 'هذا الرابط لا يقود إلى أي إيصال. تأكد من نسخه كاملًا أو تواصل مع الجمعية.',
    en: 'This link does not lead to a receipt. Check that it was copied whole, or contact the charity.',
  });

/** Nothing received yet, or (rows written outside the intake path) no number issued yet: the page says "not yet". */
const PENDING = ['NOTHING_RECEIVED', 'RECEIPT_NOT_ISSUED'];

const TITLE = { ar: 'إيصال تبرع عيني', en: 'In-kind donation receipt' };

export async function receiptPage(token: string): Promise<PageResult> {
  const donation = isReceiptToken(token) ? await findDonation({ receiptToken: token }) : null;
  if (!donation) return { status: 404, html: unknownReceiptPage() };
  const settings = await getSettings();
  try {
    const seal = await publicSeal();
    return { status: 200, html: summaryPage(await loadReceipt({ receiptToken: token }, true), token, settings, seal) };
  } catch (err) {
    if (!(err instanceof AppError && PENDING.includes(err.code))) throw err;
    return { status: 200, html: pendingPage(donation.code, settings) };
  }
}

const subtitleOf = (s: Settings): string => escapeHtml(`${s.charityName} · ${s.charityNameLatin}`);
const footerOf = (s: Settings): string | undefined => licenceFooter(s.charityLicence);

function pendingPage(code: string, settings: Settings): string {
  return page({
    title: TITLE,
    subtitle: subtitleOf(settings),
    footer: footerOf(settings),
    sections: [
      paragraph({
        ar: `شكرًا لكم. لم تُستلم أجهزة التبرع ${code} بعد، وسيظهر الإيصال هنا حال استلامها.`,
        en: `Thank you. The devices of donation ${code} have not been received yet; the receipt will appear here once they are.`,
      }),
    ],
  });
}

function tile(value: string, ar: string, en: string): string {
  return `<div class="tile"><b>${escapeHtml(value)}</b>${escapeHtml(ar)}<small lang="en">${escapeHtml(en)}</small></div>`;
}

/** The page's first words, as the PDF's: whom the donation reached. */
function lead(text: Bilingual): string {
  return `<p class="lead">${escapeHtml(text.ar)}</p><p class="en lead" lang="en">${escapeHtml(text.en)}</p>`;
}

function summaryPage(r: ReceiptData, token: string, settings: Settings, seal: string): string {
  const i = r.impact;
  const received = r.donation.receivedAt ? gregorianDate(r.donation.receivedAt) : null;
  return page({
    title: TITLE,
    subtitle: subtitleOf(settings),
    seal,
    footer: footerOf(settings),
    sections: [
      lead(servedHeadline(i)),
      definitions([
        { label: { ar: 'رقم الإيصال', en: 'Receipt number' }, value: r.receiptNumber, ltr: true },
        { label: { ar: 'المتبرع', en: 'Donor' }, value: r.donor.name, valueEn: r.donor.nameLatin },
        { label: { ar: 'رقم التبرع', en: 'Donation' }, value: r.donation.code, ltr: true },
        { label: { ar: 'تاريخ الاستلام', en: 'Received' }, value: received?.ar ?? '', valueEn: received?.en },
      ]),
      `<h2>أثر تبرعكم <span class="en" lang="en">· Your impact</span></h2><div class="tiles">${[
        tile(formatNumber(i.received), 'جهاز استُلم', 'devices received'),
        tile(formatNumber(i.outcomes.placed), 'جهاز سُلّم لمستفيد', 'devices placed'),
        tile(formatNumber(i.families), 'أسرة استفادت', 'families served'),
        tile(formatNumber(i.students), 'طالب استفاد', 'students served'),
        tile(formatNumber(i.drivesSanitized.total), 'قرص مُحيت بياناته', 'drives sanitized'),
        tile(formatNumber(i.outcomes.in_progress), 'قيد التجهيز', 'in progress'),
        tile(formatNumber(i.kg.total), 'كغ أُبعدت عن النفايات', 'kg kept out of e-waste'),
        tile(`≈ ${formatNumber(i.co2e.kg)}`, 'كغ CO2e تُجنّبت (تقدير)', 'kg CO2e avoided (estimate)'),
      ].join('')}</div>`,
      paragraph(RECEIPT_STATEMENTS.inKind, 'note'),
      // Arabic and English on two lines of the button: on one, the English half's "·" and "(PDF)" were reordered.
      `<p><a class="button" href="/receipts/${escapeHtml(token)}/receipt.pdf">` +
        `<span>تنزيل الإيصال <bdi dir="ltr">PDF</bdi></span>` +
        `<small lang="en" dir="ltr">Download the receipt (PDF)</small></a></p>`,
    ],
  });
}
