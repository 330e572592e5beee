import { Kind, visit, type DocumentNode } from 'graphql';

/**
 * Results of work on a parsed operation that depends only on the document and a small key
 * (the caller's scopes, the values of the @skip/@include variables...), remembered per
 * document. Mercurius and Apollo Server each keep one parsed document per query text (their
 * LRUs), so repeated operations reuse their results; a document they forget is forgotten here
 * too (WeakMap). Each document keeps at most `max` keys, the oldest dropped first.
 */
export class DocumentMemo<V> {
  private readonly byDocument = new WeakMap<DocumentNode, Map<string, V>>();

  constructor(private readonly max = 256) {}

  get(document: DocumentNode, key: string, compute: () => V): V {
    let results = this.byDocument.get(document);
    if (!results) this.byDocument.set(document, (results = new Map()));
    if (results.has(key)) return results.get(key)!;
    const value = compute();
    if (results.size >= this.max) results.delete(results.keys().next().value!);
    results.set(key, value);
    return value;
  }
}

const conditions = new WeakMap<DocumentNode, readonly string[]>();

/**
 * Names of the variables some `@skip(if:)` / `@include(if:)` of the document reads: the only
 * variables that change which fields an operation selects.
 */
export function conditionVariables(document: DocumentNode): readonly string[] {
  let names = conditions.get(document);
  if (names) return names;
  const found = new Set<string>();
  visit(document, {
    Directive(node) {
      if (node.name.value !== 'skip' && node.name.value !== 'include') return;
      for (const arg of node.arguments ?? []) if (arg.value.kind === Kind.VARIABLE) found.add(arg.value.name.value);
    },
  });
  names = [...found].sort();
  conditions.set(document, names);
  return names;
}

/** The values of the document's {@link conditionVariables}, as a key: what decides its selection. */
export function conditionKey(document: DocumentNode, variables: Record<string, unknown> | undefined): string {
  const names = conditionVariables(document);
  if (names.length === 0) return '';
  // JSON: `true` and `"true"` differ (only the boolean skips or includes).
  return JSON.stringify(names.map((name) => variables?.[name] ?? null));
}
