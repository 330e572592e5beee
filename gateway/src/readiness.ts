import { Kind, parse } from 'graphql';

export interface SubgraphEndpoint {
  name: string;
  url: string;
}

/** The subgraphs a supergraph routes to (`@join__graph(name, url)`), with URL overrides applied. */
export function subgraphEndpoints(supergraphSdl: string, overrides: Record<string, string> = {}): SubgraphEndpoint[] {
  const out: SubgraphEndpoint[] = [];
  for (const def of parse(supergraphSdl).definitions) {
    if (def.kind !== Kind.ENUM_TYPE_DEFINITION || def.name.value !== 'join__Graph') continue;
    for (const value of def.values ?? []) {
      const graph = value.directives?.find((d) => d.name.value === 'join__graph');
      const arg = (name: string) => {
        const v = graph?.arguments?.find((a) => a.name.value === name)?.value;
        return v?.kind === Kind.STRING ? v.value : undefined;
      };
      const name = arg('name');
      const url = arg('url');
      if (name && url) out.push({ name, url: overrides[name.toLowerCase()] ?? url });
    }
  }
  return out;
}

export interface Readiness {
  ready: boolean;
  subgraphs: Record<string, 'up' | 'down'>;
}

/**
 * Whether every subgraph answers a trivial operation (`{ __typename }`), asked at most every
 * `ttlMs` (concurrent probes share one round), each within `timeoutMs`.
 */
export function readinessProbe(
  endpoints: () => readonly SubgraphEndpoint[],
  headers: () => Record<string, string>,
  opts: { ttlMs?: number; timeoutMs?: number } = {},
): () => Promise<Readiness> {
  const ttlMs = opts.ttlMs ?? 2000;
  let last: { at: number; result: Promise<Readiness> } | undefined;
  const probe = async (): Promise<Readiness> => {
    const results = await Promise.all(
      endpoints().map(async ({ name, url }) => {
        try {
          const res = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...headers() },
            body: '{"query":"{ __typename }"}',
            signal: AbortSignal.timeout(opts.timeoutMs ?? 2000),
          });
          const body = (await res.json()) as { data?: { __typename?: string } };
          return [name, res.ok && body.data?.__typename ? 'up' : 'down'] as const;
        } catch {
          return [name, 'down'] as const;
        }
      }),
    );
    return { ready: results.every(([, state]) => state === 'up'), subgraphs: Object.fromEntries(results) };
  };
  return () => {
    if (!last || Date.now() - last.at > ttlMs) last = { at: Date.now(), result: probe() };
    return last.result;
  };
}
