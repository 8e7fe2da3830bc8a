// The unsubscribe pages: a question with one button (GET: a link opened by a person, or fetched by a mail scanner,
// changes nothing), the confirmation after the POST, and the page of a link the server did not make. Self-contained
// like the other public pages: inline CSS, no script, nothing fetched from elsewhere. No donor's name or address
// appears: a forwarded link must not tell its reader whose it is.
import type { Language } from '../../shared/index.js';
import { getSettings, type Settings } from '../settings/index.js';
import { charityNameIn, escapeHtml, fill } from './email.render.js';
import { recordUnsubscribe } from './email.service.js';
import { readUnsubscribeToken } from './email.unsubscribe.js';
import { WORDING } from './email.wording.js';

const CSS = `
body{margin:0;background:#eef3f2;color:#1d2a30;font:16px/1.6 "IBM Plex Sans Arabic","Noto Sans Arabic","Segoe UI",Tahoma,sans-serif}
main{max-width:560px;margin:40px auto;padding:0 16px}
.card{background:#fff;border-radius:12px;box-shadow:0 1px 3px rgba(0,0,0,.08);overflow:hidden}
header{padding:18px 24px;border-bottom:4px solid #b3883a;color:#0d5c56;font-weight:700}
section{padding:20px 24px}
h1{margin:0 0 12px;font-size:20px;color:#0d5c56}
button{background:#0d5c56;color:#fff;border:0;border-radius:8px;padding:10px 20px;font:inherit;font-weight:700;cursor:pointer}
.other{color:#5f6f76;font-size:14px;margin-top:16px}
`;

function frame(language: Language, charity: string, title: string, body: string): string {
  const { dir } = WORDING[language];
  return `<!doctype html>
<html lang="${language}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<main><div class="card">
<header>${escapeHtml(charity)}</header>
<section><h1>${escapeHtml(title)}</h1>${body}</section>
</div></main>
</body>
</html>
`;
}

type Identity = Pick<Settings, 'charityName' | 'charityNameLatin'>;

/** The question, with the button that posts the opt-out back to the same link. */
export function confirmPage(language: Language, token: string, settings: Identity): string {
  const w = WORDING[language];
  const charity = charityNameIn(language, settings);
  // The field is what RFC 8058's one-click POST sends, so the page's button and a mail client post the same body.
  const form =
    `<form method="post" action="/unsubscribe/${encodeURIComponent(token)}">` +
    '<input type="hidden" name="List-Unsubscribe" value="One-Click">' +
    `<button type="submit">${escapeHtml(w.page.confirmButton)}</button></form>`;
  return frame(
    language,
    charity,
    w.page.confirmTitle,
    `<p>${fill([w.page.confirmText, { charity }], w.dir, 'html')}</p>${form}`,
  );
}

export function donePage(language: Language, settings: Identity): string {
  const w = WORDING[language];
  const charity = charityNameIn(language, settings);
  return frame(language, charity, w.page.doneTitle, `<p>${fill([w.page.doneText, { charity }], w.dir, 'html')}</p>`);
}

const UNKNOWN: Readonly<Record<Language, { title: string; text: string }>> = {
  ar: { title: 'رابط غير صالح', text: 'هذا الرابط لا يقود إلى أي اشتراك. تأكدوا من نسخه كاملًا من الرسالة.' },
  en: {
    title: 'Unknown link',
    text: 'This link does not lead to any subscription. Check that it was copied whole from the email.',
  },
  fr: {
    title: 'Lien inconnu',
    text: 'Ce lien ne mène à aucun abonnement. Vérifiez qu’il a été copié en entier depuis le message.',
  },
};

/** A link the server did not make (or of a donor who is gone): its language is unknown, so all three speak. */
export function unknownLinkPage(settings: Identity): string {
  const others = (['en', 'fr'] as const)
    .map((l) => `<p class="other" lang="${l}" dir="ltr">${escapeHtml(`${UNKNOWN[l].title}. ${UNKNOWN[l].text}`)}</p>`)
    .join('');
  return frame('ar', settings.charityName, UNKNOWN.ar.title, `<p>${escapeHtml(UNKNOWN.ar.text)}</p>${others}`);
}

export interface PageResult {
  status: number;
  html: string;
}

/** GET /unsubscribe/:token: the question, or 404 for a link the server did not make. Reads, never writes. */
export async function unsubscribeQuestion(token: string): Promise<PageResult> {
  const link = readUnsubscribeToken(token);
  const settings = await getSettings();
  if (!link) return { status: 404, html: unknownLinkPage(settings) };
  return { status: 200, html: confirmPage(link.language, token, settings) };
}

/** POST /unsubscribe/:token: records the opt-out and confirms it, or 404. */
export async function unsubscribeAnswer(token: string): Promise<PageResult> {
  const link = readUnsubscribeToken(token);
  const settings = await getSettings();
  if (!link || !(await recordUnsubscribe(link.donorId))) return { status: 404, html: unknownLinkPage(settings) };
  return { status: 200, html: donePage(link.language, settings) };
}
