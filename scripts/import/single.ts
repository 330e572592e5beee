import { columnOf, type KeyedProbe, type SingleEntity, type UpsertProbe } from './entities.ts';
import { asObject, coercionError, reasonOf, unexpected, type GraphClient, type GraphqlError } from './graph.ts';
import type { BatchOutcome, JsonObject, Reject, Row } from './types.ts';

type Parents = Map<string, JsonObject | null>;

/** One pending row: whether it is sent, and for an upsert the stored value it sets. */
interface Step {
  row: Row;
  send: boolean;
  key: string;
  value: string;
}

/**
 * Sends a batch through a single-item mutation, one aliased field per row (`m0: setQuota(input: $i0)`).
 * The gateway runs them in order and stops at the first failing one, which its error names by
 * alias: the rows before it are done, it is rejected, the rows after it go in the next request.
 * A value the gateway cannot coerce stops the request before anything runs. Duplicates are
 * told apart by reading the parents (customers, employees) through the graph around the batch.
 */
export async function sendSingles(client: GraphClient, entity: SingleEntity, rows: readonly Row[]): Promise<BatchOutcome> {
  const { probe } = entity;
  const before = await readParents(client, entity, rows);
  const current = probe.kind === 'upsert' ? storedValues(probe, before) : new Map<string, string>();
  const outcome: BatchOutcome = { stored: 0, duplicates: 0, rejects: [] };
  let ran = 0;
  const settle = (steps: readonly Step[]) => {
    for (const step of steps) {
      if (probe.kind === 'keyed') ran++;
      else if (!step.send) outcome.duplicates++;
      else {
        outcome.stored++;
        current.set(step.key, step.value);
      }
    }
  };
  let pending: Step[] = plan(entity, current, rows);
  while (pending.length > 0) {
    const send = pending.filter((s) => s.send);
    if (send.length === 0) {
      settle(pending);
      break;
    }
    const answer = await client.post(mutationDocument(entity, send.length), variablesOf(send.map((s) => s.row)));
    if (answer.errors.length === 0) {
      settle(pending);
      break;
    }
    const rejected = new Set<Step>();
    let cut = 0;
    for (const error of answer.errors) {
      const failure = locate(entity, error, send);
      if (failure === null) throw unexpected([error]);
      if (!rejected.has(failure.step)) outcome.rejects.push(failure.reject);
      rejected.add(failure.step);
      if (failure.ran) cut = pending.indexOf(failure.step);
    }
    settle(pending.slice(0, cut));
    // What follows a rejected upsert may now be a change or a duplicate: plan it again.
    pending = plan(entity, current, pending.slice(cut).filter((s) => !rejected.has(s)).map((s) => s.row));
  }
  if (probe.kind === 'keyed') {
    const had = new Set(ids(probe, before));
    const added = new Set(ids(probe, await readParents(client, entity, rows)).filter((id) => !had.has(id))).size;
    outcome.stored = added;
    outcome.duplicates = ran - added;
  }
  return outcome;
}

/** In file order, each upsert is sent unless it leaves the value as stored (or as an earlier row sets it). */
function plan(entity: SingleEntity, current: ReadonlyMap<string, string>, rows: readonly Row[]): Step[] {
  const { probe } = entity;
  if (probe.kind === 'keyed') return rows.map((row) => ({ row, send: true, key: '', value: '' }));
  const scratch = new Map(current);
  return rows.map((row) => {
    const key = `${probe.parentId(row.input)}\u0000${probe.key(row.input)}`;
    const value = probe.value(row.input);
    const send = scratch.get(key) !== value;
    scratch.set(key, value);
    return { row, send, key, value };
  });
}

function storedValues(probe: UpsertProbe, parents: Parents): Map<string, string> {
  const current = new Map<string, string>();
  for (const [id, parent] of parents) {
    if (parent !== null) for (const [key, value] of probe.stored(parent)) current.set(`${id}\u0000${key}`, value);
  }
  return current;
}

function ids(probe: KeyedProbe, parents: Parents): string[] {
  return [...parents.values()].flatMap((p) => (p === null ? [] : probe.ids(p)));
}

/** Each distinct parent of the batch (null when it does not exist), in one aliased query. */
async function readParents(client: GraphClient, entity: SingleEntity, rows: readonly Row[]): Promise<Parents> {
  const { probe } = entity;
  const ids = [...new Set(rows.map((r) => probe.parentId(r.input)))];
  const parents: Parents = new Map();
  if (ids.length === 0) return parents;
  const query = `query Probe(${ids.map((_, i) => `$p${i}: ID!`).join(', ')}) {
${ids.map((_, i) => `  p${i}: ${probe.parentField}(id: $p${i}) { ${probe.selection} }`).join('\n')}
}`;
  const data = await client.read(query, Object.fromEntries(ids.map((id, i) => [`p${i}`, id])));
  ids.forEach((id, i) => {
    const parent = data[`p${i}`];
    parents.set(id, parent === null ? null : asObject(parent, `p${i}`));
  });
  return parents;
}

function mutationDocument(entity: SingleEntity, count: number): string {
  const items = Array.from({ length: count }, (_, i) => i);
  return `mutation Import(${items.map((i) => `$i${i}: ${entity.inputType}!`).join(', ')}) {
${items.map((i) => `  m${i}: ${entity.field}(input: $i${i}) { ${entity.selection} }`).join('\n')}
}`;
}

function variablesOf(rows: readonly Row[]): JsonObject {
  return Object.fromEntries(rows.map((row, i) => [`i${i}`, row.input]));
}

const ALIAS = /^m(\d+)$/;
const VARIABLE = /^i(\d+)$/;
const INPUT_FIELD = /^input(?:\.(.+))?$/;

/**
 * The row a server error is about: the alias in its path (the mutation ran and failed: the
 * ones before it ran too), or the variable the gateway could not coerce (nothing ran).
 */
function locate(entity: SingleEntity, error: GraphqlError, steps: readonly Step[]): { step: Step; ran: boolean; reject: Reject } | null {
  const alias = typeof error.path[0] === 'string' ? ALIAS.exec(error.path[0]) : null;
  const field = error.field === null ? null : INPUT_FIELD.exec(error.field);
  const coercion = coercionError(error.message);
  const variable = coercion ? VARIABLE.exec(coercion.variable) : null;
  let site: { index: number; path: string | null; reason: string; ran: boolean } | null = null;
  if (alias && field) site = { index: Number(alias[1]), path: field[1] ?? null, reason: reasonOf(error), ran: true };
  else if (coercion && variable) site = { index: Number(variable[1]), path: coercion.path.replace(/^\./, ''), reason: coercion.reason, ran: false };
  const step = site === null ? undefined : steps[site.index];
  if (site === null || step === undefined) return null;
  const { line } = step.row;
  return { step, ran: site.ran, reject: { line, field: columnOf(entity, site.path), code: error.code ?? 'BAD_USER_INPUT', reason: site.reason } };
}
