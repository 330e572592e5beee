import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import { parseCsv } from './csv.ts';
import { parseNdjson } from './ndjson.ts';
import { ImportError, UsageError, type Reject } from './types.ts';

export type Format = 'csv' | 'ndjson';

/** A record's values by column name (CSV: strings; NDJSON: any JSON), or why the record is unusable. */
export type SourceRecord = { line: number; values: Record<string, unknown> } | { line: number; reject: Reject };

const FORMATS: Record<string, Format> = { '.csv': 'csv', '.ndjson': 'ndjson', '.jsonl': 'ndjson' };

/** The file format, from the file name's extension. */
export function formatOf(file: string): Format {
  const format = FORMATS[extname(file).toLowerCase()];
  if (!format) throw new UsageError(`cannot tell the format of "${file}": name it .csv, .ndjson or .jsonl`);
  return format;
}

/**
 * The file's records, read as a stream: the next chunk is read only when the consumer asks
 * for more, so memory holds one chunk, not the file. A CSV header goes to `checkHeader`
 * (which throws to refuse the file) and names the values of every following row.
 */
export async function* readRecords(
  file: string,
  format: Format,
  checkHeader: (columns: string[]) => void,
): AsyncGenerator<SourceRecord> {
  const chunks = createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 });
  try {
    if (format === 'ndjson') {
      for await (const item of parseNdjson(chunks)) {
        if ('error' in item) yield rejectOf(item.line, 'MALFORMED_JSON', item.error);
        else if (isObject(item.value)) yield { line: item.line, values: item.value };
        else yield rejectOf(item.line, 'NOT_AN_OBJECT', 'each line must be one JSON object');
      }
      return;
    }
    let header: string[] | null = null;
    for await (const item of parseCsv(chunks)) {
      if (header === null) {
        if ('error' in item) throw new ImportError(`line ${item.line}: the header is not valid CSV: ${item.error}`);
        header = item.fields.map((name) => name.trim());
        checkHeader(header);
      } else if ('error' in item) {
        yield rejectOf(item.line, 'MALFORMED_ROW', item.error);
      } else {
        yield csvRecord(item.line, header, item.fields);
      }
    }
    if (header === null) throw new ImportError('the file is empty: a CSV file starts with a header row naming its columns');
  } finally {
    chunks.destroy();
  }
}

function csvRecord(line: number, header: readonly string[], fields: readonly string[]): SourceRecord {
  if (fields.length < header.length) {
    return {
      line,
      reject: {
        line,
        field: header[fields.length],
        code: 'MISSING_COLUMN',
        reason: `the row has ${fields.length} of the header's ${header.length} columns`,
      },
    };
  }
  if (fields.length > header.length) {
    return rejectOf(line, 'EXTRA_COLUMN', `the row has ${fields.length} columns, the header ${header.length}`);
  }
  const values: Record<string, unknown> = {};
  header.forEach((name, i) => {
    values[name] = fields[i];
  });
  return { line, values };
}

function rejectOf(line: number, code: string, reason: string): SourceRecord {
  return { line, reject: { line, field: null, code, reason } };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
