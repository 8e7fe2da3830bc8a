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
  readonly result: CsvResult = { records: [], total: 0 };

  constructor(private readonly text: string, private readonly delimiter: string, private readonly eol: string,
    private readonly limits: CsvLimits) {}

  read(): CsvResult {
    const { text } = this;
    while (this.pos < text.length) {
      this.field();
      if (this.fields.length > this.limits.maxFields) {
        throw new CsvSyntaxError(`Line ${this.line} has more than ${this.limits.maxFields} fields`);
      }
      if (this.pos >= text.length) {
        // Blanks after the last line break are no record (a line break ends an empty record, the end of the text does not).
        if (!(this.fields.length === 1 && /^[ \t]*$/.test(text.slice(this.recordStart)))) this.endRecord();
      } else if (text.startsWith(this.eol, this.pos)) {
        this.pos += this.eol.length;
        this.endRecord();
        this.line += 1;
        this.recordStart = this.pos;
      } else {
        this.pos += 1; // the delimiter
        // "a," ends with an empty field.
        if (this.pos >= text.length) this.fields.push('');
        if (this.pos >= text.length) this.endRecord();
      }
    }
    return this.result;
  }

  private endRecord(): void {
    if (this.result.records.length < this.limits.maxRecords) this.result.records.push(this.fields);
    this.result.total += 1;
    this.fields = [];
  }

  /** Reads one field, leaving `pos` on the delimiter, the record delimiter or the end of the text. */
  private field(): void {
    const { text } = this;
    while (this.pos < text.length && isBlank(text.charCodeAt(this.pos))) this.pos += 1;
    if (text[this.pos] === '"') {
      this.fields.push(this.quoted());
      return;
    }
    const start = this.pos;
    while (this.pos < text.length && text[this.pos] !== this.delimiter && !text.startsWith(this.eol, this.pos)) {
      if (text[this.pos] === '"') throw new CsvSyntaxError(`Invalid opening quote: a quote inside an unquoted field on line ${this.line}`);
      this.pos += 1;
    }
    this.fields.push(text.slice(start, this.pos).trim());
  }

  private quoted(): string {
    const { text } = this;
    const parts: string[] = [];
    let from = this.pos + 1;
    for (;;) {
      const close = text.indexOf('"', from);
      if (close < 0) throw new CsvSyntaxError(`Quote not closed: the quoted field on line ${this.line} runs to the end of the file`);
      parts.push(text.slice(from, close));
      if (text[close + 1] !== '"') {
        this.pos = close + 1;
        break;
      }
      parts.push('"');
      from = close + 2;
    }
    const value = parts.join('');
    this.line += value.split(this.eol).length - 1;
    while (this.pos < text.length && isBlank(text.charCodeAt(this.pos))) this.pos += 1;
    if (this.pos < text.length && text[this.pos] !== this.delimiter && !text.startsWith(this.eol, this.pos)) {
      throw new CsvSyntaxError(`Invalid closing quote: got "${text[this.pos]}" after a quoted field on line ${this.line}`);
    }
    return value;
  }
}

/** Records of a CSV text (a leading byte-order mark is skipped). Throws CsvSyntaxError naming the line. */
export function readCsv(text: string, delimiter: ',' | ';', limits: CsvLimits): CsvResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return new Reader(body, delimiter, recordDelimiter(body), limits).read();
}
