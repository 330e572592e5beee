import { ImportError } from './types.ts';

/** A record and the physical line it starts on, or a malformed record and why. */
export type CsvItem = { line: number; fields: string[] } | { line: number; error: string };

/** Longest record accepted; beyond it the file is taken as broken (an unterminated quote eats the rest). */
export const MAX_RECORD_CHARS = 1 << 20;

const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;
const BOM = 0xfeff;

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  /** A quote seen inside a quoted field: either the first of "" or the closing one. */
  QuoteInQuoted,
  /** A malformed record: everything up to the end of the physical line is dropped. */
  Skip,
}

/**
 * Streaming RFC 4180 parser: feed it chunks of any size, get complete records back with the
 * physical line they start on. Quoted fields may hold commas, doubled quotes and line breaks
 * (which count as lines). Line breaks are CRLF, LF or a lone CR; blank lines are skipped;
 * a leading byte-order mark is dropped.
 */
export class CsvParser {
  private state = State.FieldStart;
  private fields: string[] = [];
  private field = '';
  private recordChars = 0;
  private line = 1;
  private recordLine = 1;
  private afterCR = false;
  private started = false;
  private error = '';

  push(chunk: string): CsvItem[] {
    const out: CsvItem[] = [];
    const n = chunk.length;
    let i = 0;
    if (!this.started && n > 0) {
      this.started = true;
      if (chunk.charCodeAt(0) === BOM) i = 1;
    }
    while (i < n) {
      const c = chunk.charCodeAt(i);
      if (c === LF && this.afterCR) {
        // Second half of a CRLF whose CR already counted as the line break.
        this.afterCR = false;
        if (this.state === State.Quoted) this.field += '\n';
        i++;
        continue;
      }
      this.afterCR = false;
      switch (this.state) {
        case State.FieldStart:
          if (c === QUOTE) {
            this.state = State.Quoted;
            i++;
          } else if ((c === CR || c === LF) && this.fields.length === 0) {
            this.lineBreak(c);
            i++;
          } else {
            this.state = State.Unquoted;
          }
          break;
        case State.Unquoted: {
          let j = i;
          for (let d = chunk.charCodeAt(j); j < n && d !== COMMA && d !== CR && d !== LF && d !== QUOTE; d = chunk.charCodeAt(++j));
          this.append(chunk.slice(i, j));
          i = j;
          if (i === n) break;
          const d = chunk.charCodeAt(i++);
          if (d === COMMA) this.endField();
          else if (d === QUOTE) this.fail('a quote inside an unquoted field (quote the whole field and double its quotes)');
          else this.endRecord(out, d);
          break;
        }
        case State.Quoted: {
          let j = i;
          for (let d = chunk.charCodeAt(j); j < n && d !== QUOTE && d !== CR && d !== LF; d = chunk.charCodeAt(++j));
          this.append(chunk.slice(i, j));
          i = j;
          if (i === n) break;
          const d = chunk.charCodeAt(i++);
          if (d === QUOTE) {
            this.state = State.QuoteInQuoted;
          } else {
            this.append(d === CR ? '\r' : '\n');
            this.newLine(d);
          }
          break;
        }
        case State.QuoteInQuoted:
          i++;
          if (c === QUOTE) {
            this.append('"');
            this.state = State.Quoted;
          } else if (c === COMMA) {
            this.endField();
          } else if (c === CR || c === LF) {
            this.endRecord(out, c);
          } else {
            this.fail(`"${String.fromCharCode(c)}" after a closing quote (expected a comma or the end of the line)`);
          }
          break;
        case State.Skip:
          i++;
          if (c === CR || c === LF) {
            out.push({ line: this.recordLine, error: this.error });
            this.reset();
            this.lineBreak(c);
          }
          break;
      }
    }
    return out;
  }

  /** Flushes the last record of a file that does not end with a line break. */
  end(): CsvItem[] {
    const out: CsvItem[] = [];
    if (this.state === State.Quoted) {
      out.push({ line: this.recordLine, error: 'unterminated quoted field: no closing quote before the end of the file' });
    } else if (this.state === State.Skip) {
      out.push({ line: this.recordLine, error: this.error });
    } else if (this.fields.length > 0 || this.field !== '' || this.state !== State.FieldStart) {
      this.fields.push(this.field);
      out.push({ line: this.recordLine, fields: this.fields });
    }
    this.reset();
    return out;
  }

  private append(text: string): void {
    this.field += text;
    this.checkSize();
  }

  private endField(): void {
    this.recordChars += this.field.length + 1;
    this.fields.push(this.field);
    this.field = '';
    this.state = State.FieldStart;
    this.checkSize();
  }

  private checkSize(): void {
    if (this.recordChars + this.field.length > MAX_RECORD_CHARS) {
      throw new ImportError(
        `line ${this.recordLine}: a record runs past ${MAX_RECORD_CHARS} characters (an unterminated quote?); stopped reading`,
      );
    }
  }

  private endRecord(out: CsvItem[], breakChar: number): void {
    this.fields.push(this.field);
    out.push({ line: this.recordLine, fields: this.fields });
    this.reset();
    this.lineBreak(breakChar);
  }

  private fail(error: string): void {
    this.error = error;
    this.state = State.Skip;
  }

  private reset(): void {
    this.fields = [];
    this.field = '';
    this.recordChars = 0;
    this.state = State.FieldStart;
  }

  /** A line break between records: the next record starts on the next line. */
  private lineBreak(c: number): void {
    this.newLine(c);
    this.recordLine = this.line;
  }

  private newLine(c: number): void {
    this.line++;
    this.afterCR = c === CR;
  }
}

/** Parses a stream of text chunks; pulls the next chunk only when the consumer asks for more records. */
export async function* parseCsv(chunks: AsyncIterable<string> | Iterable<string>): AsyncGenerator<CsvItem> {
  const parser = new CsvParser();
  for await (const chunk of chunks) yield* parser.push(chunk);
  yield* parser.end();
}
