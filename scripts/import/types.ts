/** A JSON value as the graph sends and receives it. */
export type Json = string | number | boolean | null | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

/** One rejected row, exactly as the reject report writes it (one JSON object per line). */
export interface Reject {
  /** Physical line of the file where the row starts (1-based; a CSV header is line 1). */
  line: number;
  /** The column at fault, or null when the row as a whole is (malformed CSV, bad JSON...). */
  field: string | null;
  /** Stable code: the server's `extensions.code`, or a client-side code such as MISSING_VALUE. */
  code: string;
  reason: string;
}

/** A row that passed the client-side checks: its line and the mutation input built from it. */
export interface Row {
  line: number;
  input: JsonObject;
}

/** What sending one batch produced. */
export interface BatchOutcome {
  stored: number;
  duplicates: number;
  rejects: Reject[];
}

export interface ImportSummary {
  /** Data rows read from the file (header and blank lines excluded). */
  received: number;
  /** Rows written by this run. */
  stored: number;
  /** Rows already stored (by an earlier run or earlier in the file): nothing written for them. */
  duplicates: number;
  /** Rows refused, each with a line in the reject report. */
  rejected: number;
  reportPath: string;
  elapsedMs: number;
}

/** Bad command line or options: nothing was imported (exit code 2). */
export class UsageError extends Error {}

/** The run could not go on (gateway unreachable, unexpected answer, bad header...): exit code 1. */
export class ImportError extends Error {}
