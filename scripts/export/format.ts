/** One exported row: column -> scalar value. */
export type Cell = string | number | boolean | null;
export type ExportRow = Record<string, Cell>;

export type Format = 'csv' | 'ndjson';

/** RFC 4180 field: quoted when it holds a comma, quote, line break or edge space; quotes doubled. */
export function csvField(value: Cell): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: readonly Cell[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** Formats rows for one output, writing the CSV header before the first row. */
export function formatter(format: Format, columns: readonly string[]): { header: string; row(r: ExportRow): string } {
  if (format === 'ndjson') return { header: '', row: (r) => `${JSON.stringify(r)}\n` };
  return { header: csvLine(columns), row: (r) => csvLine(columns.map((c) => r[c] ?? null)) };
}
