// CSV for spreadsheets. A cell that starts with = + - @, a tab or a carriage return is run as a formula by Excel,
// LibreOffice and Google Sheets (`=HYPERLINK(...)` in a donor's name becomes a live link, DDE can run commands),
// so every text cell is neutralised as OWASP's CSV-injection guidance says: prefix it with a single quote, which
// the spreadsheet shows as text. Every export builds its stringifier here, so none can forget it.
import { stringify, type Options, type Stringifier } from 'csv-stringify';

const FORMULA_START = /^[=+\-@\t\r]/;

/** `'=HYPERLINK(…)` for a cell a spreadsheet would evaluate; any other text as it is. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * A csv-stringify stream whose string cells are neutralised. Numbers, booleans and dates are written by the
 * library as values (a negative number stays a number): only text can smuggle a formula in.
 */
export function csvStringifier(options: Options): Stringifier {
  return stringify({ ...options, cast: { ...options.cast, string: (value) => neutraliseFormula(value) } });
}
