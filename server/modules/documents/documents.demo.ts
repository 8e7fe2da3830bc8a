// The demo mark (issue 22): while the demo data is loaded, a document of a demo record (a demo device's labels,
// its sanitization certificate, the handover certificate of its allocation) says so on every page, so that nobody
// takes it for a real one. Demo devices are those of the demo donations (donations' demoDevicesAmong()).
import { demoDevicesAmong } from '../donations/index.js';
import { getSettings } from '../settings/index.js';
import { drawTextMemo } from './documents.text-memo.js';
import { A4, COLORS } from './documents.layout.js';

export const DEMO_MARK = 'تجريبي · DEMO';

/** Which of `deviceIds` are demo devices; none (and no query) when the demo is not loaded. */
export async function demoDevices(deviceIds: readonly number[]): Promise<Set<number>> {
  if (!deviceIds.length || !(await getSettings()).demo) return new Set();
  return demoDevicesAmong(deviceIds);
}

/** A red band across the top of an A4 page, above the letterhead: "تجريبي · DEMO — not a real record". */
export function drawDemoBand(doc: PDFKit.PDFDocument): void {
  const width = 300;
  const x = (A4.width - width) / 2;
  doc.save().roundedRect(x, 6, width, 18, 4).fill(COLORS.danger).restore();
  drawTextMemo(doc, `${DEMO_MARK} · بيانات تجريبية، ليست سجلاً حقيقياً · demo data, not a real record`, {
    x: x + 6,
    y: 10,
    width: width - 12,
    size: 7.5,
    bold: true,
    align: 'center',
    color: COLORS.white,
    direction: 'rtl',
  });
}
