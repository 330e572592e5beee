import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraph, type TestGraph } from './helpers/graph.ts';

// Every GraphQL example in the README runs through the gateway without an error, so the
// README cannot drift from the schema or the demo data.
const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);

let graph: TestGraph;
beforeAll(async () => {
  graph = await startGraph();
});
afterAll(async () => {
  await graph?.close();
});

describe('README examples', () => {
  it('has examples for every query family', () => {
    expect(examples.length).toBeGreaterThanOrEqual(6);
  });

  it.each(examples.map((e) => [e.split('\n')[0], e]))('%s runs without errors and returns data', async (_first, query) => {
    const res = await graph.gql<Record<string, unknown>>(query);
    expect(res.body.errors).toBeUndefined();
    expect(res.status).toBe(200);
    for (const value of Object.values(res.body.data ?? {})) expect(value).not.toBeNull();
  });
});
