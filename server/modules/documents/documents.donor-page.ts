// The donor's page behind the secret link `/donors/<token>` (spec §12), in the donor's language: every donation
// (code, date, status, devices) with its receipt link, and the yearly statements of the years in which a donation
// was received. It reads only; statements are issued by staff (POST /api/donors/:id/statements). An unknown token
// gets 404, a token a rotation replaced 410 "this link was replaced". No contact detail of the donor is shown.
import { getSettings } from '../settings/index.js';
import { findByPageToken, findStatement, statementsOf, type Donor } from '../donors/index.js';
import { numberIn } from './documents.messages.js';
import { escapeHtml, notFoundPage, page } from './documents.public-html.js';
import { donationsOfDonor, receivedYears, type DonorDonation } from './documents.donor-statement-data.js';
import { statementPdf } from './documents.donor-statement.js';
import {
  W,
  dateIn,
  directionOf,
  languageOf,
  licenceLine,
  notIssuedText,
  statementFor,
  statusWords,
  type DonorLanguage,
} from './documents.donor-statement-wording.js';
import type { PdfJob } from './documents.service.js';
import type { PageResult } from './documents.receipt-page.js';

export const unknownDonorPage = (): string =>
  notFoundPage({
    ar: 'هذا الرابط لا يقود إلى أي صفحة متبرع. تأكدوا من نسخه كاملًا أو تواصلوا مع الجمعية.',
    en: "This link does not lead to a donor's page. Check that it was copied whole, or contact the charity.",
  });

/** 410: the link was valid once; a manager gave the donor a new one. Says nothing about whose it was. */
export const replacedLinkPage = (): string =>
  page({
    title: { ar: 'تم استبدال هذا الرابط', en: 'This link was replaced' },
    sections: [
      '<p class="status bad">استُبدل هذا الرابط برابط جديد. اطلبوا الرابط الجديد من الجمعية.</p>' +
        '<p class="en" lang="en">This link was replaced by a new one. Please ask the charity for the new link.</p>',
    ],
  });

// The frame is right to left; a left-to-right page turns the numbers' alignment around.
const CSS = `
table{width:100%;border-collapse:collapse;font-size:14px}
th,td{padding:6px 8px;border-bottom:1px solid #d3dcdd;text-align:start}
th{color:#5f6f76;font-weight:600}
td.n{font-variant-numeric:tabular-nums}
ul.statements{list-style:none;margin:0;padding:0} ul.statements li{padding:8px 0;border-bottom:1px solid #d3dcdd}
[dir=ltr] .ltr{text-align:left}
`;

type Lookup = { donor: Donor; language: DonorLanguage } | { status: number; html: string };

async function lookUp(token: string): Promise<Lookup> {
  const found = await findByPageToken(token);
  if (!found) return { status: 404, html: unknownDonorPage() };
  if ('retired' in found) return { status: 410, html: replacedLinkPage() };
  return { donor: found.donor, language: languageOf(found.donor.preferredLanguage) };
}

export async function donorPage(token: string): Promise<PageResult> {
  const found = await lookUp(token);
  if (!('donor' in found)) return found;
  const { donor, language } = found;
  const [donations, statements, settings] = await Promise.all([
    donationsOfDonor(donor.id),
    statementsOf(donor.id),
    getSettings(),
  ]);
  const issued = new Map(statements.map((s) => [s.year, s.number]));
  return {
    status: 200,
    html: page({
      title: { ar: W.pageTitle.ar, en: W.pageTitle.en },
      only: { lang: language, dir: directionOf(language), title: W.pageTitle[language] },
      subtitle: escapeHtml(
        language === 'ar' ? settings.charityName : settings.charityNameLatin || settings.charityName,
      ),
      footer: settings.charityLicence ? escapeHtml(licenceLine(language, settings.charityLicence)) : undefined,
      css: CSS,
      wide: true,
      sections: [
        `<p><strong>${escapeHtml(W.donor[language])}:</strong> ${escapeHtml(nameOf(donor, language))}</p>` +
          `<p class="note">${escapeHtml(W.pageIntro[language])}</p>`,
        `<h2>${escapeHtml(W.donations[language])}</h2>${donationTable(donations, language)}`,
        `<h2>${escapeHtml(W.statements[language])}</h2>${statementList(receivedYears(donations), issued, token, language)}`,
      ],
    }),
  };
}

const nameOf = (donor: Donor, language: DonorLanguage): string =>
  language === 'ar' || !donor.nameLatin ? donor.name : `${donor.nameLatin} · ${donor.name}`;

function donationTable(donations: readonly DonorDonation[], language: DonorLanguage): string {
  if (!donations.length) return `<p class="note">${escapeHtml(W.noDonations[language])}</p>`;
  const head = [W.code, W.date, W.status, W.devices, W.receipt].map((w) => `<th>${escapeHtml(w[language])}</th>`);
  const rows = donations.map((d) => {
    const status = statusWords[d.status]?.[language] ?? d.status;
    const receipt = d.receiptToken
      ? `<a href="/receipts/${escapeHtml(d.receiptToken)}">${escapeHtml(W.openReceipt[language])}</a>`
      : '—';
    return (
      `<tr><td><bdi dir="ltr">${escapeHtml(d.code)}</bdi></td><td>${escapeHtml(dateIn(language, d.receivedAt ?? d.createdAt))}</td>` +
      `<td>${escapeHtml(status)}</td><td class="n">${escapeHtml(numberIn(language, d.devices))}</td><td>${receipt}</td></tr>`
    );
  });
  return `<table><thead><tr>${head.join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function statementList(
  years: readonly number[],
  issued: ReadonlyMap<number, string>,
  token: string,
  language: DonorLanguage,
): string {
  if (!years.length) return `<p class="note">${escapeHtml(W.noStatements[language])}</p>`;
  const items = years.map((year) => {
    const number = issued.get(year);
    const link = number
      ? `<bdi dir="ltr">${escapeHtml(number)}</bdi> · <a href="/donors/${escapeHtml(token)}/statement.pdf?year=${year}">${escapeHtml(W.download[language])}</a>`
      : `<span class="note">${escapeHtml(W.notIssued[language])}</span>`;
    return `<li><strong>${escapeHtml(statementFor(language, year))}</strong> · ${link}</li>`;
  });
  return `<ul class="statements">${items.join('')}</ul>`;
}

/** The statement PDF by the donor's link, or the page to answer instead (404 unknown or not issued, 410 replaced). */
export async function publicStatement(
  token: string,
  year: number,
  lang?: DonorLanguage,
): Promise<{ job: PdfJob } | PageResult> {
  const found = await lookUp(token);
  if (!('donor' in found)) return found;
  const { donor, language } = found;
  const statement = await findStatement(donor.id, year);
  if (!statement) {
    const html = page({
      title: { ar: W.title.ar, en: W.title.en },
      only: { lang: language, dir: directionOf(language), title: W.title[language] },
      sections: [`<p class="status bad">${escapeHtml(notIssuedText(language, year))}</p>`],
    });
    return { status: 404, html };
  }
  return { job: await statementPdf(donor, statement, true, lang) };
}
