import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { UsageError, type Reject } from './types.ts';

/** The reject report: one JSON object per rejected row, {line, field, code, reason}. */
export class RejectReport {
  private constructor(
    readonly path: string,
    private readonly out: WriteStream,
  ) {}

  /** Creates (or empties) the report before anything is imported, so a bad path fails first. */
  static async open(path: string): Promise<RejectReport> {
    const out = createWriteStream(path, { flags: 'w' });
    try {
      await once(out, 'open');
    } catch (err) {
      throw new UsageError(`cannot write the reject report "${path}": ${(err as Error).message}`);
    }
    return new RejectReport(path, out);
  }

  /** Appends rows; waits while the file falls behind, so rejects never pile up in memory. */
  async write(rejects: readonly Reject[]): Promise<void> {
    if (rejects.length === 0) return;
    const text = rejects.map((r) => `${JSON.stringify({ line: r.line, field: r.field, code: r.code, reason: r.reason })}\n`).join('');
    if (!this.out.write(text)) await once(this.out, 'drain');
  }

  async close(): Promise<void> {
    this.out.end();
    await once(this.out, 'finish');
  }
}
