// Text drawn once per document and replayed after: the labels, headings and statements every certificate of a
// batch repeats. drawText resolves bidi and wraps on every call, which made each certificate cost tens of
// milliseconds; the second time the same text is drawn with the same options, its content-stream operators are
// written again, moved by a translation, without any layout.
//
// Why replay is safe: pdfkit writes page content only through doc.addContent, in its top-left user space (every
// page starts with the same flip), and drawText leaves the graphics state balanced. Glyph codes and font names
// belong to the document, so a recording is replayed only into the document that recorded it. The fonts it
// selects are put into the page's resources again, since a new page starts with none.
import {
  drawText,
  measureText,
  FONT_BOLD,
  FONT_REGULAR,
  type TextBox,
  type TextBoxOptions,
} from '../../lib/pdf/index.js';

/** The operators drawText wrote, as the bytes pdfkit would have made of them (one line each). */
interface Recording {
  content: Buffer;
  fonts: string[];
  box: TextBox;
  x: number;
  y: number;
}

interface FontInternals {
  id: string;
  ref(): unknown;
}
interface DocumentInternals {
  addContent(data: string | Uint8Array): unknown;
  page: { fonts: Record<string, unknown> };
  _fontFamilies?: Record<string, FontInternals>;
}

/** Two generations: a recording used again moves to the current one, so a long batch keeps what it repeats. */
class Memo<T> {
  private current = new Map<string, T>();
  private previous = new Map<string, T>();
  constructor(private readonly size: number) {}

  get(key: string): T | undefined {
    const hit = this.current.get(key);
    if (hit !== undefined) return hit;
    const old = this.previous.get(key);
    if (old !== undefined) this.set(key, old);
    return old;
  }

  set(key: string, value: T): void {
    if (this.current.size >= this.size) {
      this.previous = this.current;
      this.current = new Map();
    }
    this.current.set(key, value);
  }
}

const MEMO_SIZE = 400;
const recordings = new WeakMap<PDFKit.PDFDocument, Memo<Recording>>();
const measures = new WeakMap<PDFKit.PDFDocument, Memo<TextBox>>();
// Texts seen once. A recording is kept only from the second sighting on: a value printed once (a serial, a name)
// would otherwise sit in the memo long enough to reach V8's old generation and inflate the heap of a long batch.
const drawn = new WeakMap<PDFKit.PDFDocument, Memo<true>>();
const measured = new WeakMap<PDFKit.PDFDocument, Memo<true>>();

/** True the first time a key comes by (and remembers it), false from then on. */
function firstSighting(store: WeakMap<PDFKit.PDFDocument, Memo<true>>, doc: PDFKit.PDFDocument, key: string): boolean {
  const seen = memoOf(store, doc);
  if (seen.get(key)) return false;
  seen.set(key, true);
  return true;
}

function memoOf<T>(store: WeakMap<PDFKit.PDFDocument, Memo<T>>, doc: PDFKit.PDFDocument): Memo<T> {
  let memo = store.get(doc);
  if (!memo) {
    memo = new Memo<T>(MEMO_SIZE);
    store.set(doc, memo);
  }
  return memo;
}

// Everything but the position decides what is drawn; the position only moves it.
function keyOf(text: string, o: TextBoxOptions): string {
  return [
    o.width,
    o.align ?? '',
    o.direction ?? '',
    o.size ?? '',
    o.bold ? 1 : 0,
    o.color ?? '',
    o.lineGap ?? '',
    text,
  ].join('\u0000');
}

const fixed = (n: number): string => String(Math.round(n * 1000) / 1000);

const END_BLOCK = Buffer.from('Q\n', 'latin1');

function record(doc: PDFKit.PDFDocument, text: string, options: TextBoxOptions): Recording {
  const internals = doc as unknown as DocumentInternals;
  const content: string[] = [];
  const addContent = internals.addContent.bind(doc);
  internals.addContent = (data: string | Uint8Array) => {
    content.push(typeof data === 'string' ? `${data}\n` : Buffer.from(data).toString('latin1'));
    return addContent(data);
  };
  try {
    const box = drawText(doc, text, options);
    const joined = content.join('');
    // The fonts the text selects (`/F2 10 Tf`): a later page must list them in its resources.
    const fonts = [...new Set([...joined.matchAll(/\/([A-Za-z0-9]+) [\d.]+ Tf/g)].map((m) => m[1]))];
    // pdfkit turns every operator string into its own byte array; one reusable buffer per recording spares a
    // 2,000-page batch hundreds of thousands of small allocations (and the garbage collector their cleanup).
    return { content: Buffer.from(joined, 'latin1'), fonts, box, x: options.x, y: options.y };
  } finally {
    internals.addContent = addContent;
  }
}

function replay(doc: PDFKit.PDFDocument, r: Recording, options: TextBoxOptions): void {
  const internals = doc as unknown as DocumentInternals;
  for (const font of Object.values(internals._fontFamilies ?? {})) {
    if (r.fonts.includes(font.id)) internals.page.fonts[font.id] ??= font.ref();
  }
  const dx = options.x - r.x;
  const dy = options.y - r.y;
  internals.addContent(dx || dy ? `q 1 0 0 1 ${fixed(dx)} ${fixed(dy)} cm` : 'q');
  internals.addContent(r.content);
  internals.addContent(END_BLOCK);
  // What drawText leaves behind, for code that reads it: the font, and the position below the text.
  doc.font(options.bold ? FONT_BOLD : FONT_REGULAR).fontSize(options.size ?? 10);
  doc.x = options.x;
  doc.y = options.y + r.box.height;
}

// Names of standards never break across lines ("NIST SP / 800-88" read as two things): their spaces become no-break
// spaces, which wrapping keeps together and drawing prints as plain spaces.
const STANDARD_NAMES =
  /\b(?:NIST SP 800-88(?: Rev\. \d)?|DoD 5220\.22-M|RCMP TSSIT OPS-II|HMG IS5|IEEE 2883|ISO 27001|R2v3)\b/g;

export function keepStandardsTogether(text: string): string {
  return text.replace(STANDARD_NAMES, (name) => name.replace(/ /g, '\u00A0'));
}

/** drawText, replayed from a recording when this document drew the same text with the same options before. */
export function drawTextMemo(doc: PDFKit.PDFDocument, raw: string, options: TextBoxOptions): TextBox {
  const text = keepStandardsTogether(raw);
  const memo = memoOf(recordings, doc);
  const key = keyOf(text, options);
  const hit = memo.get(key);
  if (hit) {
    replay(doc, hit, options);
    return hit.box;
  }
  if (firstSighting(drawn, doc, key)) return drawText(doc, text, options);
  const recording = record(doc, text, options);
  memo.set(key, recording);
  return recording.box;
}

/** measureText, remembered per document from the second time the same text is measured. */
export function measureTextMemo(doc: PDFKit.PDFDocument, raw: string, options: TextBoxOptions): TextBox {
  const text = keepStandardsTogether(raw);
  const memo = memoOf(measures, doc);
  const key = keyOf(text, options);
  const hit = memo.get(key);
  if (hit) return hit;
  const box = measureText(doc, text, options);
  if (!firstSighting(measured, doc, key)) memo.set(key, box);
  return box;
}
