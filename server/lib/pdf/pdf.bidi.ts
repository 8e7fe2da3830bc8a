// Unicode bidi (UAX #9) for PDF text: pdfkit has none, so we resolve levels with bidi-js and hand pdfkit
// one run of a single embedding level at a time, already in visual order. Pure: no pdfkit in this file.
import bidiFactory from 'bidi-js';
type EmbeddingLevels = bidiFactory.EmbeddingLevels;

const bidi = bidiFactory();

export type TextDirection = 'rtl' | 'ltr' | 'auto';

/** A paragraph (no line breaks) with its resolved bidi levels. */
export interface BidiParagraph {
  text: string;
  embedding: EmbeddingLevels;
  /** 0 for a left-to-right paragraph, 1 for right-to-left. */
  baseLevel: number;
}

/** A stretch of one line with one embedding level, ready to draw. */
export interface VisualRun {
  /** The run's characters in logical order, brackets mirrored, bidi controls removed. */
  logical: string;
  /** The string to give fontkit so that its glyphs come out in the run's visual order (see `fontkitInput`). */
  shaped: string;
  level: number;
  rtl: boolean;
}

const LRI = '\u2066';
const PDI = '\u2069';

// Bidi formatting characters have no glyph in most fonts and print as boxes, so they steer layout and are
// then dropped: LRM, RLM, ALM, the embeddings/overrides (LRE…RLO) and the isolates (LRI…PDI).
const BIDI_CONTROL = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/;
const BIDI_CONTROLS = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/g;

// fontkit picks a direction from the first character with a real script and reverses the whole run when that
// script is right-to-left. These are the scripts it treats so (fontkit's Script.direction list, trimmed to
// the ones a Unicode property escape can name).
const RTL_SCRIPT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const SCRIPTLESS = /[\p{Script=Common}\p{Script=Inherited}\p{Script=Unknown}]/u;

/**
 * Isolates a left-to-right value (phone, ID, serial, asset tag, ISO date, e-mail) so that the bidi algorithm
 * keeps it whole and in order next to Arabic: without it `+966 50 123 4567` comes out as `4567 123 50 966+`.
 */
export function ltr(value: string): string {
  return `${LRI}${value}${PDI}`;
}

/** Removes bidi formatting characters, e.g. from text that came back out of a PDF or before a comparison. */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** Resolves the bidi levels of one paragraph; 'auto' takes the direction of its first strong character. */
export function resolveParagraph(text: string, direction: TextDirection = 'auto'): BidiParagraph {
  const embedding = bidi.getEmbeddingLevels(text, direction);
  const baseLevel = embedding.paragraphs[0]?.level ?? (direction === 'rtl' ? 1 : 0);
  return { text, embedding, baseLevel };
}

/**
 * The runs of the line `[start, end]` (inclusive, logical indices into the paragraph) from left to right.
 * bidi-js applies rule L1 (trailing white space takes the paragraph level) to the order only, not to the levels
 * used to split runs; wrapLines gives lines without trailing spaces, so that never shows.
 */
export function visualRuns(paragraph: BidiParagraph, start: number, end: number): VisualRun[] {
  if (end < start) return [];
  const { text, embedding } = paragraph;
  const mirrored = bidi.getMirroredCharactersMap(text, embedding.levels, start, end);
  // getReorderedIndices answers for the whole paragraph with only this line's segments reversed: keep the line.
  const order = bidi
    .getReorderedIndices(text, embedding, start, end)
    .slice(start, end + 1)
    .filter((i) => !BIDI_CONTROL.test(text[i]));
  const runs: VisualRun[] = [];
  let visual = '';
  let level = -1;
  const flush = (): void => {
    if (visual) runs.push(makeRun(visual, level));
    visual = '';
  };
  for (const index of order) {
    const charLevel = embedding.levels[index];
    if (charLevel !== level) {
      flush();
      level = charLevel;
    }
    visual += mirrored.get(index) ?? text[index];
  }
  flush();
  return runs;
}

function makeRun(visual: string, level: number): VisualRun {
  const rtl = level % 2 === 1;
  const logical = rtl ? reverseUnits(visual) : visual;
  return { logical, shaped: fontkitInput(visual), level, rtl };
}

/**
 * fontkit shapes in logical order and reverses its output when it guesses a right-to-left script. So an
 * Arabic run gets its logical text (fontkit shapes the joining forms, then reverses), while a run it reads
 * as left-to-right (Latin, Latin digits, spaces and brackets alone) gets the visual text as it is. A run of
 * Arabic-Indic digits is the trap: its level is even (left-to-right), yet fontkit sees the Arabic script and
 * reverses it, so it gets the reversed visual text and fontkit turns it back.
 */
export function fontkitInput(visual: string): string {
  return fontkitReadsRtl(visual) ? reverseUnits(visual) : visual;
}

function fontkitReadsRtl(text: string): boolean {
  for (const char of text) {
    if (!SCRIPTLESS.test(char)) return isRtlScript(char);
  }
  return false;
}

/** True for a character of a script that fontkit lays out right to left (Arabic, Hebrew, …). */
export function isRtlScript(char: string): boolean {
  return RTL_SCRIPT.test(char);
}

// bidi-js reverses a right-to-left run unit by unit (no rule L3), so reversing unit by unit gives back the
// exact logical text, combining marks after their letters included.
function reverseUnits(text: string): string {
  return text.split('').reverse().join('');
}
