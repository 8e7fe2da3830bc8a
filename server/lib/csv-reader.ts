// A CSV reader that costs time in proportion to its input, for uploaded files. It replaces csv-parse, which with
// `relax_column_count` builds an error object (stack trace included) for every row whose length differs from the
// first one: 66 µs a row, so a 10 MB file of empty lines held the event loop for about 12 minutes.
// It reads what csv-parse read with { bom, trim, relax_column_count, skip_empty_lines: false }: quoted fields with
// doubled quotes and line breaks inside, whitespace around fields ignored, the record delimiter taken from the
// first line break (\r\n, \n or \r), an empty line read as one empty field.

export class CsvSyntaxError extends Error {}

export interface CsvLimits {
  /** Records kept; later ones are only counted. */
  maxRecords: number;
  /** Fields in one record beyond which the file is refused (a row of a million commas is not a manifest). */
  maxFields: number;
}

export interface CsvResult {
  records: string[][];
  /** Every record in the file, kept or not. */
  total: number;
}

const isBlank = (code: number): boolean => code === 32 || code === 9;
const QUOTE = 34;

function recordDelimiter(text: string): string {
  const at = text.search(/[\r\n]/);
  if (at < 0) return '\n';
  return text[at] === '\r' && text[at + 1] === '\n' ? '\r\n' : text[at];
}

class Reader {
  private pos = 0;
  private line = 1;
  private recordStart = 0;
  private fields: string[] = [];
  /** Fields of the current record, also counted past the kept records, where nothing is allocated. */
  private fieldCount = 0;
  private readonly delimiter: number;
  /** The record delimiter's first character code, and whether a \n follows it (\r\n). */
  private readonly eol: number;
  private readonly crlf: boolean;
  readonly result: CsvResult = { records: [], total: 0 };

  constructor(
    private readonly text: string,
    delimiter: string,
    eol: string,
    private readonly limits: CsvLimits,
  ) {
    this.delimiter = delimiter.charCodeAt(0);
    this.eol = eol.charCodeAt(0);
    this.crlf = eol === '\r\n';
  }

  private atEol(pos: number): boolean {
    return this.text.charCodeAt(pos) === this.eol && (!this.crlf || this.text.charCodeAt(pos + 1) === 10);
  }

  /** Past the kept records only their count matters: fields are not copied out of the text. */
  private get counting(): boolean {
    return this.result.records.length >= this.limits.maxRecords;
  }

  read(): CsvResult {
    const { text } = this;
    while (this.pos < text.length) {
      this.field();
      if (this.fieldCount > this.limits.maxFields) {
        throw new CsvSyntaxError(`Line ${this.line} has more than ${this.limits.maxFields} fields`);
      }
      if (this.pos >= text.length) {
        // Blanks after the last line break are no record (a line break ends an empty record, the end of the text does not).
        if (!(this.fieldCount === 1 && /^[ \t]*$/.test(text.slice(this.recordStart)))) this.endRecord();
      } else if (this.atEol(this.pos)) {
        this.pos += this.crlf ? 2 : 1;
        this.endRecord();
        this.line += 1;
        this.recordStart = this.pos;
      } else {
        this.pos += 1; // the delimiter
        // "a," ends with an empty field.
        if (this.pos >= text.length) {
          this.push('');
          this.endRecord();
        }
      }
    }
    return this.result;
  }

  private push(value: string): void {
    if (!this.counting) this.fields.push(value);
    this.fieldCount += 1;
  }

  private endRecord(): void {
    if (!this.counting) {
      this.result.records.push(this.fields);
      this.fields = [];
    }
    this.fieldCount = 0;
    this.result.total += 1;
  }

  /** Reads one field, leaving `pos` on the delimiter, the record delimiter or the end of the text. */
  private field(): void {
    const { text } = this;
    while (this.pos < text.length && isBlank(text.charCodeAt(this.pos))) this.pos += 1;
    if (text.charCodeAt(this.pos) === QUOTE) {
      this.push(this.quoted());
      return;
    }
    const start = this.pos;
    for (; this.pos < text.length; this.pos += 1) {
      const code = text.charCodeAt(this.pos);
      if (code === this.delimiter || this.atEol(this.pos)) break;
      if (code === QUOTE)
        throw new CsvSyntaxError(`Invalid opening quote: a quote inside an unquoted field on line ${this.line}`);
    }
    this.push(this.counting ? '' : text.slice(start, this.pos).trim());
  }

  private quoted(): string {
    const { text } = this;
    const start = this.pos + 1;
    let close = text.indexOf('"', start);
    let doubled = false;
    while (close >= 0 && text.charCodeAt(close + 1) === QUOTE) {
      doubled = true;
      close = text.indexOf('"', close + 2);
    }
    if (close < 0)
      throw new CsvSyntaxError(`Quote not closed: the quoted field on line ${this.line} runs to the end of the file`);
    const raw = text.slice(start, close);
    for (let at = raw.indexOf('\n'); at >= 0; at = raw.indexOf('\n', at + 1)) this.line += 1;
    this.pos = close + 1;
    while (this.pos < text.length && isBlank(text.charCodeAt(this.pos))) this.pos += 1;
    if (this.pos < text.length && text.charCodeAt(this.pos) !== this.delimiter && !this.atEol(this.pos)) {
      throw new CsvSyntaxError(
        `Invalid closing quote: got "${text[this.pos]}" after a quoted field on line ${this.line}`,
      );
    }
    if (this.counting) return '';
    return doubled ? raw.replaceAll('""', '"') : raw;
  }
}

/** Records of a CSV text (a leading byte-order mark is skipped). Throws CsvSyntaxError naming the line. */
export function readCsv(text: string, delimiter: ',' | ';', limits: CsvLimits): CsvResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return new Reader(body, delimiter, recordDelimiter(body), limits).read();
}
