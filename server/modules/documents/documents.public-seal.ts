// The charity's seal on the public pages (certificate verification, receipt): the logo an admin uploaded, inlined
// as a data: URI (the CSP allows data: images, and the page fetches no image), or else the seal the PDFs draw
// without a logo, as inline SVG: a teal disc with a gold ring and the charity's distinctive word.
import { getSettings } from '../settings/index.js';
import { COLORS } from './documents.layout.js';
import { readOptional } from './documents.letterhead.js';
import { sealWord } from './documents.masthead.js';
import { escapeHtml } from './documents.public-html.js';

function imageType(bytes: Buffer): string | null {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'image/jpeg';
  return null;
}

/** A drawn seal: the charity's distinctive word in white on teal, its full name as the image's text. */
export function drawnSeal(name: string): string {
  const word = escapeHtml(sealWord(name));
  return (
    `<svg class="seal" role="img" aria-label="${escapeHtml(name)}" viewBox="0 0 64 64" width="64" height="64">` +
    `<circle cx="32" cy="32" r="31" fill="${COLORS.primary}" stroke="#fff" stroke-width="1.5"/>` +
    `<circle cx="32" cy="32" r="27" fill="none" stroke="${COLORS.accent}" stroke-width="1"/>` +
    `<text x="32" y="37" text-anchor="middle" fill="#fff" font-size="${word.length > 6 ? 10 : 14}" font-weight="700">${word}</text></svg>`
  );
}

/** The seal's HTML for the current settings: the uploaded logo, or the drawn seal when none (or it is unreadable). */
export async function publicSeal(): Promise<string> {
  const settings = await getSettings();
  const logo = settings.logoSha256 ? await readOptional(settings.logoSha256, 'logo') : null;
  const type = logo ? imageType(logo) : null;
  if (logo && type)
    return `<img class="seal" src="data:${type};base64,${logo.toString('base64')}" alt="${escapeHtml(settings.charityName)}" width="64" height="64">`;
  return drawnSeal(settings.charityName);
}
