import { columnOf, type BulkEntity } from './entities.ts';
import { asInt, asObject, coercionError, reasonOf, unexpected, type GraphClient, type GraphqlError } from './graph.ts';
import type { BatchOutcome, Reject, Row } from './types.ts';

/**
 * Sends a batch through the entity's bulk mutation. The mutation is all or nothing and names
 * the first bad item (`events[3].campaignId`) or, for values the gateway cannot coerce, every
 * bad one: those rows are rejected and the rest is sent again until every row is stored or
 * rejected. The rows before the first bad one passed the check that failed, so they go alone;
 * the rows after it are halved, so a batch with many bad rows is not re-sent whole for each.
 */
export async function sendBulk(client: GraphClient, entity: BulkEntity, rows: readonly Row[]): Promise<BatchOutcome> {
  const document = `mutation Import($items: [${entity.inputType}!]!) {
  ${entity.field}(${entity.argument}: $items) { received stored duplicates }
}`;
  const outcome: BatchOutcome = { stored: 0, duplicates: 0, rejects: [] };
  for (const round of rounds(entity, rows)) {
    const queue: Row[][] = [round];
    for (let part = queue.shift(); part !== undefined; part = queue.shift()) {
      const answer = await client.post(document, { items: part.map((r) => r.input) });
      if (answer.errors.length === 0) {
        const result = asObject(asObject(answer.data, 'data')[entity.field], entity.field);
        outcome.stored += asInt(result.stored, 'stored');
        outcome.duplicates += asInt(result.duplicates, 'duplicates');
        continue;
      }
      const bad = new Map<number, Reject>();
      for (const error of answer.errors) {
        const located = locate(entity, error, part);
        if (located === null) throw unexpected([error]);
        if (!bad.has(located.index)) bad.set(located.index, located.reject);
      }
      outcome.rejects.push(...bad.values());
      const first = Math.min(...bad.keys());
      const after = part.filter((_, i) => i > first && !bad.has(i));
      const half = Math.ceil(after.length / 2);
      const next = [part.slice(0, first), after.slice(0, half), after.slice(half)].filter((p) => p.length > 0);
      queue.unshift(...next);
    }
  }
  return outcome;
}

/**
 * A batch may not repeat a client key, so the second occurrence of a key goes in a second
 * request, the third in a third... Each is then validated and counted exactly as it would be
 * in a later batch: stored if every earlier occurrence was rejected, else a duplicate.
 */
export function rounds(entity: BulkEntity, rows: readonly Row[]): Row[][] {
  const out: Row[][] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const key = entity.key(row.input);
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    (out[n] ??= []).push(row);
  }
  return out;
}

const ITEM = /^\w+\[(\d+)\](?:\.(.+))?$/;

/** The row a server error is about, from the subgraph's `extensions.field` or the gateway's coercion message. */
function locate(entity: BulkEntity, error: GraphqlError, rows: readonly Row[]): { index: number; reject: Reject } | null {
  let site: { index: string; path: string | undefined; reason: string } | null = null;
  const named = error.field === null ? null : ITEM.exec(error.field);
  if (named) site = { index: named[1], path: named[2], reason: reasonOf(error) };
  const coercion = named ? null : coercionError(error.message);
  if (coercion && coercion.variable === 'items') {
    const m = ITEM.exec(`items${coercion.path}`);
    if (m) site = { index: m[1], path: m[2], reason: coercion.reason };
  }
  const index = site === null ? -1 : Number(site.index);
  const row = rows[index];
  if (site === null || row === undefined) return null;
  return {
    index,
    reject: { line: row.line, field: columnOf(entity, site.path ?? null), code: error.code ?? 'BAD_USER_INPUT', reason: site.reason },
  };
}
