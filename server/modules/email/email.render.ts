// One donor email as HTML and plain text, in the donor's language: right to left for Arabic, the charity's letterhead
// on top, the link the email is about as a button, and why the donor gets it with a way to stop it at the bottom.
// The HTML is the kind mail clients render alike: tables for layout, inline styles only, no script, no remote image
// (the logo travels inside the message, as a related part named by LOGO_CID). Every value is escaped here.
import type { Language } from '../../shared/index.js';
import type { Settings } from '../settings/index.js';
import { parseEmailPayload, type EmailPayload, type EmailTopic } from './email.payload.js';
import { deviceCount, WORDING, type Line, type Wording } from './email.wording.js';

/** The settings an email shows: the charity's identity (settings module) and whether it has a logo. */
export type EmailSettings = Pick<
  Settings,
  'charityName' | 'charityNameLatin' | 'charityAddress' | 'charityPhone' | 'charityLicence' | 'logoSha256'
>;

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** The Content-ID of the logo part: the channel attaches the logo under it when the HTML shows it. */
export const LOGO_CID = 'logo@nimah';

const COLORS = { ink: '#1d2a30', muted: '#5f6f76', primary: '#0d5c56', accent: '#b3883a', band: '#f2f6f5' } as const;
const FONT = "'Segoe UI',Tahoma,Arial,sans-serif";

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

// The direction of a value's first strong letter (Unicode's "first strong" rule, for the scripts we meet).
const STRONG = /[A-Za-z\u00C0-\u024F\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
function firstStrong(value: string): 'ltr' | 'rtl' | null {
  const c = STRONG.exec(value)?.[0];
  if (!c) return null;
  return /[A-Za-z\u00C0-\u024F]/.test(c) ? 'ltr' : 'rtl';
}

type Mode = 'html' | 'text';

/** Values read left to right whatever their letters: a phone number's digit groups must not swap places in Arabic. */
const ALWAYS_LTR = new Set(['code', 'phone', 'licence']);

/**
 * A value inside text of direction `dir`: when it runs the other way (or is always left to right) (a Latin name or code in Arabic, an Arabic name
 * in English) it is isolated, so its neutral characters (hyphens, dots) stay with it: a `<span dir>` in HTML (which
 * mail clients keep; some drop `<bdi>`), FSI…PDI in text.
 */
function placeValue(name: string, value: string, dir: 'rtl' | 'ltr', mode: Mode): string {
  const own = ALWAYS_LTR.has(name) ? 'ltr' : firstStrong(value);
  const isolate = own !== null && own !== dir;
  if (mode === 'text') return isolate ? `\u2068${value}\u2069` : value;
  return isolate ? `<span dir="${own}">${escapeHtml(value)}</span>` : escapeHtml(value);
}

/** A template with its values: the template's own text escaped too (HTML), each value escaped and placed. */
export function fill([template, vars = {}]: Line, dir: 'rtl' | 'ltr', mode: Mode): string {
  return template
    .split(/(\{\w+\})/)
    .map((part) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      if (name === undefined) return mode === 'html' ? escapeHtml(part) : part;
      const value = vars[name];
      if (value === undefined) throw new Error(`template value {${name}} is missing`);
      return placeValue(name, value, dir, mode);
    })
    .join('');
}

/** The charity's name in a language: the Latin name in English and French when there is one. */
export function charityNameIn(language: Language, s: Pick<Settings, 'charityName' | 'charityNameLatin'>): string {
  return language === 'ar' ? s.charityName : s.charityNameLatin || s.charityName;
}

/** Renders `topic` for `payload` (checked: PermanentDeliveryError names a missing or bad field). */
export function renderEmail(topic: string, payload: unknown, settings: EmailSettings): RenderedEmail {
  const p = parseEmailPayload(topic, payload);
  const w = WORDING[p.language];
  const composed = w.compose[topic as EmailTopic](p, deviceCount(p.language, p.deviceCount));
  const doc: Doc = {
    w,
    p,
    settings,
    subject: fill(composed.subject, w.dir, 'text'),
    charity: charityNameIn(p.language, settings),
    paragraphs: [[w.greeting, { name: p.donorName }], ...composed.paragraphs],
    action: composed.action,
  };
  return { subject: doc.subject, html: html(doc), text: text(doc) };
}

interface Doc {
  w: Wording;
  subject: string;
  p: EmailPayload;
  settings: EmailSettings;
  charity: string;
  paragraphs: Line[];
  action?: { intro?: Line; label: string; url: string };
}

/** The second name under the letterhead's first: the other script's name, when the charity has one. */
function secondName(d: Doc): string {
  const other = d.p.language === 'ar' ? d.settings.charityNameLatin : d.settings.charityName;
  return other && other !== d.charity ? other : '';
}

function contactParts(d: Doc): Line[] {
  const s = d.settings;
  const parts: Line[] = [];
  if (s.charityAddress) parts.push(['{v}', { v: s.charityAddress }]);
  if (s.charityPhone) parts.push(['{phone}', { phone: s.charityPhone }]);
  if (s.charityLicence) parts.push([d.w.licence, { licence: s.charityLicence }]);
  return parts;
}

function html(d: Doc): string {
  const { w } = d;
  const align = w.dir === 'rtl' ? 'right' : 'left';
  const esc = (line: Line) => fill(line, w.dir, 'html');
  const p = (content: string, style = 'margin:0 0 16px') => `<p style="${style}">${content}</p>`;
  const logo = d.settings.logoSha256
    ? `<img src="cid:${LOGO_CID}" alt="${escapeHtml(d.charity)}" height="56" style="display:block;height:56px;border:0;margin:0 0 10px">`
    : '';
  const second = secondName(d);
  const letterhead =
    `<td style="padding:20px 24px;border-bottom:4px solid ${COLORS.accent};text-align:${align}">${logo}` +
    `<div style="font-size:20px;font-weight:bold;color:${COLORS.primary}">${escapeHtml(d.charity)}</div>` +
    (second ? `<div style="font-size:13px;color:${COLORS.muted}" dir="auto">${escapeHtml(second)}</div>` : '') +
    '</td>';
  const action = d.action
    ? (d.action.intro ? p(esc(d.action.intro)) : '') +
      p(
        `<a href="${escapeHtml(d.action.url)}" style="display:inline-block;background:${COLORS.primary};color:#ffffff;` +
          `padding:12px 22px;border-radius:6px;text-decoration:none;font-weight:bold">${escapeHtml(d.action.label)}</a>`,
      ) +
      p(
        `${escapeHtml(w.ifButtonFails)}<br><a href="${escapeHtml(d.action.url)}" dir="ltr" style="color:${COLORS.primary};word-break:break-all">${escapeHtml(d.action.url)}</a>`,
        `margin:0 0 16px;font-size:13px;color:${COLORS.muted}`,
      )
    : '';
  const body =
    d.paragraphs.map((line) => p(esc(line))).join('') +
    action +
    p(`${escapeHtml(w.closing)}<br>${escapeHtml(d.charity)}`, 'margin:0');
  const contact = contactParts(d).map(esc).join(' · ');
  const footer =
    (contact ? `<div style="margin:0 0 6px">${contact}</div>` : '') +
    `<div>${esc([w.why, { charity: d.charity }])} <a href="${escapeHtml(d.p.unsubscribeUrl)}" style="color:${COLORS.muted}">${escapeHtml(w.unsubscribe)}</a></div>`;
  return `<!doctype html>
<html lang="${d.p.language}" dir="${w.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${escapeHtml(d.subject)}</title>
</head>
<body style="margin:0;padding:0;background:#eef3f2">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" dir="${w.dir}" style="background:#eef3f2">
<tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" dir="${w.dir}" style="max-width:600px;background:#ffffff;border-radius:8px;font-family:${FONT};color:${COLORS.ink}">
<tr>${letterhead}</tr>
<tr><td style="padding:24px;font-size:16px;line-height:1.7;text-align:${align}">${body}</td></tr>
<tr><td style="padding:16px 24px;background:${COLORS.band};font-size:12px;line-height:1.6;color:${COLORS.muted};text-align:${align}">${footer}</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
}

function text(d: Doc): string {
  const { w } = d;
  const t = (line: Line) => fill(line, w.dir, 'text');
  const second = secondName(d);
  const lines = [d.charity, ...(second ? [second] : []), '', ...d.paragraphs.flatMap((line) => [t(line), ''])];
  if (d.action) {
    if (d.action.intro) lines.push(t(d.action.intro));
    lines.push(`${d.action.label}${w.colon}`, d.action.url, '');
  }
  lines.push(w.closing, d.charity, '', '-- ');
  const contact = contactParts(d).map(t).join(' · ');
  if (contact) lines.push(contact);
  lines.push(t([w.why, { charity: d.charity }]), `${w.unsubscribe}${w.colon} ${d.p.unsubscribeUrl}`, '');
  return lines.join('\n');
}
