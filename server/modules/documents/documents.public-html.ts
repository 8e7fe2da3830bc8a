// The public pages' HTML: one document with inline CSS and no scripts (the CSP forbids inline scripts), Arabic
// first. It fetches nothing from elsewhere: only the app's own font (IBM Plex Sans Arabic, as the web client) from
// this server's /public-fonts/, and the charity's seal comes inline (documents.public-seal.ts). The language under the
// Arabic is the second language of the page being built (documents.format.ts `drawingIn`): English unless set.
import { enFr, second, secondLanguage, type Bilingual } from './documents.format.js';
import { COLORS } from './documents.layout.js';

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Every value that came from the database or the URL goes through this. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** The font files the public pages use (the PDFs' own WOFF files, the same family as the web client's). */
export const PUBLIC_FONTS: Readonly<Record<string, string>> = {
  'IBMPlexSansArabic-Regular.woff': 'IBMPlexSansArabic-Regular.woff',
  'IBMPlexSansArabic-Bold.woff': 'IBMPlexSansArabic-Bold.woff',
};

const FONT_FACES = `
@font-face{font-family:"IBM Plex Sans Arabic";font-style:normal;font-weight:400;font-display:swap;src:url(/public-fonts/IBMPlexSansArabic-Regular.woff) format("woff")}
@font-face{font-family:"IBM Plex Sans Arabic";font-style:normal;font-weight:500 700;font-display:swap;src:url(/public-fonts/IBMPlexSansArabic-Bold.woff) format("woff")}`;

const CSS = `${FONT_FACES}
*{box-sizing:border-box}
body{margin:0;background:#eef3f2;color:${COLORS.ink};font:16px/1.6 "IBM Plex Sans Arabic","Noto Sans Arabic","Segoe UI",Tahoma,sans-serif}
main{max-width:680px;margin:32px auto;padding:0 16px}
.card{background:#fff;border-radius:12px;box-shadow:0 1px 3px rgba(0,0,0,.08);overflow:hidden}
header{background:${COLORS.primary};color:#fff;padding:20px 24px;border-bottom:4px solid ${COLORS.accent}}
header h1{margin:0;font-size:22px} header p{margin:4px 0 0;opacity:.85;font-size:14px}
header.sealed{display:flex;align-items:center;gap:16px} .seal{flex:none;width:64px;height:64px;border-radius:50%;background:#fff;object-fit:contain}
section{padding:20px 24px;border-top:1px solid ${COLORS.rule}}
h2{margin:0 0 12px;font-size:18px;color:${COLORS.primary}}
.en{direction:ltr;text-align:left;color:${COLORS.muted};font-size:14px}
dl{display:grid;grid-template-columns:minmax(140px,40%) 1fr;gap:8px 16px;margin:0}
dt{color:${COLORS.muted}} dd{margin:0;font-weight:600}
.ltr{direction:ltr;unicode-bidi:isolate;text-align:right}
dd .en{font-weight:400}
.status{display:inline-block;padding:6px 14px;border-radius:20px;font-weight:700}
.ok{background:#e3f2ec;color:${COLORS.primary}} .bad{background:#fbe9e7;color:${COLORS.danger}}
.tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));gap:10px}
.tile{background:${COLORS.band};border-radius:8px;padding:10px 12px;border-inline-start:3px solid ${COLORS.accent}}
.tile b{display:block;font-size:24px;color:${COLORS.primary};direction:ltr;text-align:right}
.tile small{display:block;color:${COLORS.muted};direction:ltr;text-align:right}
.lead{margin:0;font-size:20px;font-weight:700;color:${COLORS.primary}} .en.lead{font-size:15px;font-weight:400}
a.button small{display:block;font-weight:400;font-size:13px;text-align:left}
a.button{display:inline-block;background:${COLORS.primary};color:#fff;padding:10px 18px;border-radius:8px;text-decoration:none;font-weight:700}
.note{font-size:13px;color:${COLORS.muted}}
footer{padding:12px 24px;font-size:12px;color:${COLORS.muted};background:${COLORS.band}}
`;

export interface PageParts {
  title: Bilingual;
  subtitle?: string;
  sections: string[];
  footer?: string;
  /** The charity's seal (documents.public-seal.ts), shown at the start of the header. */
  seal?: string;
  /** Extra rules for this page only (the CSP allows inline styles, not scripts). */
  css?: string;
  /** A wider page, for tables. */
  wide?: boolean;
  /**
   * A page in one language (the donor's page): its `lang` and `dir` on <html>, and this title alone in the header
   * and the <title> (`title` is then not shown). Without it the page is Arabic first with English under it.
   */
  only?: { lang: string; dir: 'rtl' | 'ltr'; title: string };
}

/** A whole page; `sections` are HTML fragments built with escapeHtml. */
export function page(parts: PageParts): string {
  const only = parts.only;
  const heading = only
    ? `<h1>${escapeHtml(only.title)}</h1>`
    : `<h1>${escapeHtml(parts.title.ar)}</h1><p lang="${secondLanguage()}" dir="ltr">${escapeHtml(second(parts.title))}</p>`;
  return `<!doctype html>
<html lang="${escapeHtml(only?.lang ?? 'ar')}" dir="${only?.dir ?? 'rtl'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(only ? only.title : `${parts.title.ar} · ${second(parts.title)}`)}</title>
<style>${CSS}${parts.wide ? 'main{max-width:960px}' : ''}${parts.css ?? ''}</style>
</head>
<body>
<main><div class="card">
${parts.seal ? `<header class="sealed">${parts.seal}<div>` : '<header>'}${heading}${parts.subtitle ? `<p>${parts.subtitle}</p>` : ''}${parts.seal ? '</div>' : ''}</header>
${parts.sections.map((s) => `<section>${s}</section>`).join('\n')}
${parts.footer ? `<footer>${parts.footer}</footer>` : ''}
</div></main>
</body>
</html>
`;
}

export interface Definition {
  label: Bilingual;
  value: string;
  valueEn?: string | null;
  ltr?: boolean;
}

/**
 * The licence line of a public page's footer, or undefined when no licence number is set (no lone dash). The English
 * half is isolated: inside the Arabic paragraph it would otherwise read `4471 .Licence No`.
 */
export function licenceFooter(licence: string | null | undefined): string | undefined {
  if (!licence?.trim()) return undefined;
  const number = `<bdi dir="ltr">${escapeHtml(licence)}</bdi>`;
  return `ترخيص رقم ${number} · <span lang="${secondLanguage()}" dir="ltr">${enFr('Licence No.', 'Agrément n°')} ${number}</span>`;
}

/**
 * A bilingual definition list: each label and value in Arabic with its second language under it (all escaped here).
 * `valueEn` is the value in the second language (English or French).
 */
export function definitions(rows: readonly Definition[]): string {
  return `<dl>${rows
    .filter((r) => r.value.trim())
    .map(
      (r) =>
        `<dt>${escapeHtml(r.label.ar)}<div class="en" lang="${secondLanguage()}">${escapeHtml(second(r.label))}</div></dt>` +
        `<dd${r.ltr ? ' class="ltr" dir="ltr"' : ''}>${escapeHtml(r.value)}` +
        `${r.valueEn ? `<div class="en" lang="${secondLanguage()}">${escapeHtml(r.valueEn)}</div>` : ''}</dd>`,
    )
    .join('')}</dl>`;
}

export function paragraph(text: Bilingual, className = ''): string {
  return `<p class="${className}">${escapeHtml(text.ar)}</p><p class="en ${className}" lang="${secondLanguage()}">${escapeHtml(second(text))}</p>`;
}

export function notFoundPage(what: Bilingual): string {
  return page({
    title: { ar: 'غير موجود', en: 'Not found', fr: 'Introuvable' },
    sections: [
      `<p class="status bad">${escapeHtml(what.ar)}</p><p class="en" lang="${secondLanguage()}">${escapeHtml(second(what))}</p>`,
    ],
  });
}
