import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { readAuthRequirements } from '../lib/authz/requirements.ts';
import { readOutputTypes, readsNothingAudited, SharedFetches, type SharingSchema } from '../gateway/src/shared-fetches.ts';
import type { Fetcher } from '../gateway/src/resilience/index.ts';

// Which subgraph fetches the gateway may share (shared-fetches.ts), on our own supergraph:
// fetch documents written as @apollo/gateway's planner prints them.

const sdl = readFileSync('supergraph.graphql', 'utf8');
const schema: SharingSchema = { types: readOutputTypes(parse(sdl)), requirements: readAuthRequirements(sdl) };
const entities = (selection: string) => `query Op__hr__1($representations:[_Any!]!){_entities(representations:$representations){${selection}}}`;

describe('readsNothingAudited', () => {
  it.each([
    ['an entity fetch of plain fields', entities('...on Employee{name title manager{id name}}')],
    ['a root field with arguments, __typename and a nested connection', 'query Op__crm__0{customers(first:5){edges{node{__typename id segment{id name}}}pageInfo{hasNextPage}}}'],
    ['a named fragment', 'query Op__crm__0{segments{...S}} fragment S on Segment{id name}'],
    ['entities of two types', entities('...on Employee{name}...on Customer{lifecycleStage}')],
  ])('shares %s', (_name, query) => {
    expect(readsNothingAudited(query, schema)).toBe(true);
  });

  it.each([
    ['PII on an entity (Employee.email)', entities('...on Employee{name email}')],
    ['PII on a root field (Customer.phone)', 'query Op__crm__0($id:ID!){customer(id:$id){id phone}}'],
    ['PII in a named fragment', 'query Op__crm__0($id:ID!){customer(id:$id){...C}} fragment C on Customer{address}'],
    ['a review (type under @policy), even its id', entities('...on Employee{latestReview{id}}')],
    ['a review entity itself', entities('...on PerformanceReview{__typename}')],
    ['a field the supergraph does not have', entities('...on Employee{salary}')],
    ['a type the supergraph does not have', entities('...on Paycheck{id}')],
    ['an entity field outside any fragment', 'query Op__hr__1($representations:[_Any!]!){_entities(representations:$representations){id}}'],
    ['a mutation', 'mutation Op__crm__0{__typename}'],
    ['a document that does not parse', 'query {'],
    ['two operations', 'query A{segments{id}} query B{segments{name}}'],
  ])('does not share %s', (_name, query) => {
    expect(readsNothingAudited(query, schema)).toBe(false);
  });
});

/** A response whose copies are told apart, and a fetch answered when the test says. */
function pending() {
  let resolve!: (r: Awaited<ReturnType<Fetcher>>) => void;
  const answer = new Promise<Awaited<ReturnType<Fetcher>>>((r) => (resolve = r));
  let copies = 0;
  const response = { clone: () => ({ copy: ++copies }) } as unknown as Awaited<ReturnType<Fetcher>>;
  return { answer, answerWith: () => resolve(response), response };
}

describe('SharedFetches', () => {
  it('sends one fetch for identical keys under way and gives each waiter its own copy', async () => {
    const sharing = new SharedFetches(() => schema);
    const { answer, answerWith, response } = pending();
    let sent = 0;
    const send = () => {
      sent++;
      return answer;
    };
    const first = sharing.fetch('hr', 'k', send);
    const second = sharing.fetch('hr', 'k', send);
    const other = sharing.fetch('hr', 'other', async () => response);
    answerWith();
    expect(await Promise.all([first, second, other])).toEqual([{ copy: 1 }, { copy: 2 }, response]);
    expect(sent).toBe(1);
    expect(sharing.shared).toEqual({ hr: 1 });
    // Once answered, the same key is fetched again.
    await sharing.fetch('hr', 'k', send);
    expect(sent).toBe(2);
  });

  it('hands a failure to every waiter, then fetches anew', async () => {
    const sharing = new SharedFetches(() => schema);
    const failure = new Error('connection reset');
    let sent = 0;
    let fail!: () => void;
    const send = () => {
      sent++;
      return new Promise<never>((_, reject) => (fail = () => reject(failure)));
    };
    const both = Promise.allSettled([sharing.fetch('hr', 'k', send), sharing.fetch('hr', 'k', send)]);
    fail();
    expect(await both).toEqual([
      { status: 'rejected', reason: failure },
      { status: 'rejected', reason: failure },
    ]);
    const again = sharing.fetch('hr', 'k', send);
    fail();
    await expect(again).rejects.toBe(failure);
    expect(sent).toBe(2);
  });
});
