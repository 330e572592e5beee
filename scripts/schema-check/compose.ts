import { GraphQLError, parse } from 'graphql';
import { CompositionError, composeSupergraph, type SubgraphSource } from '../../gateway/src/compose.ts';

export type ComposeOutcome = { ok: true; apiSdl: string; hints: string[] } | { ok: false; errors: string[] };

/** Composes subgraph SDLs into the API schema as `npm run compose` prints schema/api.graphql; errors as a list. */
export function composeApi(subgraphs: SubgraphSource[]): ComposeOutcome {
  const syntaxErrors: string[] = [];
  for (const s of subgraphs) {
    try {
      parse(s.sdl);
    } catch (err) {
      if (!(err instanceof GraphQLError)) throw err;
      syntaxErrors.push(`[${s.name}] ${err.message}`);
    }
  }
  if (syntaxErrors.length > 0) return { ok: false, errors: syntaxErrors };
  try {
    const { apiSdl, hints } = composeSupergraph(subgraphs);
    return { ok: true, apiSdl, hints };
  } catch (err) {
    if (err instanceof CompositionError) return { ok: false, errors: err.errors };
    throw err;
  }
}
