import { readFile } from 'node:fs/promises';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
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

export class CompositionError extends Error {}

/** Composes subgraphs into a supergraph SDL; throws with every composition error listed. */
export function composeSupergraph(subgraphs: SubgraphSource[]): { supergraphSdl: string; hints: string[] } {
  const result = composeServices(
    subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })),
  );
  if (result.errors) {
    throw new CompositionError(`composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  return { supergraphSdl: result.supergraphSdl, hints: result.hints.map((h) => h.toString()) };
}
