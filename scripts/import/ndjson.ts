/** A parsed line and its physical line number, or a line that is not JSON and why. */
export type NdjsonItem = { line: number; value: unknown } | { line: number; error: string };

/** Longest line accepted; a longer one is reported and skipped without being held in memory. */
export const MAX_LINE_CHARS = 1 << 20;

/**
 * Streaming NDJSON: one JSON value per line (LF or CRLF), blank lines skipped, a leading
 * byte-order mark dropped. Feed chunks of any size; get parsed lines back.
 */
export class NdjsonParser {
  private partial = '';
  private line = 1;
  private started = false;
  /** The current line outgrew MAX_LINE_CHARS: its rest is dropped up to the next LF. */
  private overflow = false;

  push(chunk: string): NdjsonItem[] {
    if (!this.started && chunk.length > 0) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    const out: NdjsonItem[] = [];
    let from = 0;
    for (let lf = chunk.indexOf('\n'); lf !== -1; lf = chunk.indexOf('\n', from)) {
      if (this.overflow) out.push(this.tooLong());
      else this.parse(this.partial + chunk.slice(from, lf), out);
      this.partial = '';
      this.overflow = false;
      this.line++;
      from = lf + 1;
    }
    if (!this.overflow) {
      this.partial += chunk.slice(from);
      if (this.partial.length > MAX_LINE_CHARS) {
        this.overflow = true;
        this.partial = '';
      }
    }
    return out;
  }

  end(): NdjsonItem[] {
    const out: NdjsonItem[] = [];
    if (this.overflow) out.push(this.tooLong());
    else this.parse(this.partial, out);
    this.partial = '';
    this.overflow = false;
    return out;
  }

  private parse(text: string, out: NdjsonItem[]): void {
    const body = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (body.trim() === '') return;
    try {
      out.push({ line: this.line, value: JSON.parse(body) as unknown });
    } catch (err) {
      out.push({ line: this.line, error: `not valid JSON: ${(err as Error).message}` });
    }
  }

  private tooLong(): NdjsonItem {
    return { line: this.line, error: `line longer than ${MAX_LINE_CHARS} characters` };
  }
}

/** Parses a stream of text chunks; pulls the next chunk only when the consumer asks for more lines. */
export async function* parseNdjson(chunks: AsyncIterable<string> | Iterable<string>): AsyncGenerator<NdjsonItem> {
  const parser = new NdjsonParser();
  for await (const chunk of chunks) yield* parser.push(chunk);
  yield* parser.end();
}
