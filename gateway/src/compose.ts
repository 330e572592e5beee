import { readFile } from 'node:fs/promises';
import { composeServices } from '@apollo/composition';
import { buildASTSchema, lexicographicSortSchema, parse, printSchema } from 'graphql';
import { DEPARTMENTS, type Department } from '../../subgraphs/kit/src/config.ts';

export interface SubgraphSource {
  name: string;
  url: string;
  sdl: string;
}


export function schemaPath(department: Department): string {
  return new URL(`../../subgraphs/${department}/src/schema.graphql`, import.meta.url).pathname;
}

/** Reads our four subgraphs' SDL, each routed at `urls[name]`. */
export async function localSubgraphs(urls: Record<Department, string>): Promise<SubgraphSource[]> {
  return Promise.all(
    DEPARTMENTS.map(async (name) => ({ name, url: urls[name], sdl: await readFile(schemaPath(name), 'utf8') })),
  );
}

export class CompositionError extends Error {
  constructor(readonly errors: string[]) {
    super(`composition failed:\n${errors.map((e) => `- ${e}`).join('\n')}`);
  }
}

export interface Composed {
  supergraphSdl: string;
  /** The schema clients see (no federation internals), printed in a stable order. */
  apiSdl: string;
  hints: string[];
}

/** Composes subgraphs into a supergraph SDL; throws with every composition error listed. */
export function composeSupergraph(subgraphs: SubgraphSource[]): Composed {
  const result = composeServices(
    subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })),
  );
  if (result.errors) {
    throw new CompositionError(result.errors.map((e) => e.message));
  }
  // Rebuilt from its AST with this module's graphql: composition may load another copy of
  // graphql-js (CJS beside ESM under vitest), whose schema objects this one cannot print.
  const api = buildASTSchema(result.schema.toAPISchema().toAST());
  return {
    supergraphSdl: result.supergraphSdl,
    apiSdl: printSchema(lexicographicSortSchema(api)),
    hints: result.hints.map((h) => h.toString()),
  };
}
