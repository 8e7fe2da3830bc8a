// Line breaking in logical order, as UAX #9 wants it: lines are chosen on the logical text first and only then
// reordered for display, so a wrapped Arabic paragraph keeps its words in reading order across lines.

/** Width of the logical stretch `[start, end]` (inclusive) once laid out. */
export type MeasureRange = (start: number, end: number) => number;

/** A line as inclusive logical indices; `end < start` for an empty line. */
export interface LineRange {
  start: number;
  end: number;
}

interface Word {
  start: number;
  /** Inclusive index of the word's last non-space character. */
  end: number;
}

/**
 * Greedy wrapping at spaces. A word wider than `maxWidth` on its own is broken between characters, as late as
 * it still fits, so a long URL or serial never overflows the box. An empty text gives one empty line.
 */
export function wrapLines(text: string, maxWidth: number, measure: MeasureRange): LineRange[] {
  const words = findWords(text);
  if (words.length === 0) return [{ start: 0, end: -1 }];
  const lines: LineRange[] = [];
  let line: LineRange | null = null;
  for (const word of words) {
    if (line && measure(line.start, word.end) <= maxWidth) {
      line.end = word.end;
      continue;
    }
    if (line) lines.push(line);
    line = { start: line ? word.start : 0, end: word.end };
    while (measure(line.start, line.end) > maxWidth && line.end > line.start) {
      const cut = lastFittingIndex(text, line.start, line.end, maxWidth, measure);
      lines.push({ start: line.start, end: cut });
      line = { start: cut + 1, end: line.end };
    }
  }
  if (line) lines.push(line);
  return lines;
}

function findWords(text: string): Word[] {
  const words: Word[] = [];
  // A no-break space (U+00A0) joins words that must stay on one line ("NIST SP 800-88"); it prints as a space.
  for (const match of text.matchAll(/[^\s\u00A0]+(?:\u00A0+[^\s\u00A0]+)*/gu)) {
    words.push({ start: match.index, end: match.index + match[0].length - 1 });
  }
  return words;
}

// Binary search for the last index that still fits, then step back off a split surrogate pair or a combining
// mark so that no character is cut in half. At least one character always goes on the line.
function lastFittingIndex(text: string, start: number, end: number, maxWidth: number, measure: MeasureRange): number {
  let low = start;
  let high = end - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (measure(start, middle) <= maxWidth) low = middle;
    else high = middle - 1;
  }
  let cut = low;
  while (cut > start && !isBreakableAfter(text, cut)) cut -= 1;
  return cut;
}

function isBreakableAfter(text: string, index: number): boolean {
  const next = text.charCodeAt(index + 1);
  const isLowSurrogate = next >= 0xdc00 && next <= 0xdfff;
  return !isLowSurrogate && !/\p{M}/u.test(text[index + 1] ?? '');
}
