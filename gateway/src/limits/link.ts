import { Kind, valueFromASTUntyped, type ConstDirectiveNode, type DocumentNode } from 'graphql';

/** One `@link` of a core schema (a supergraph): which spec, and the names its elements go by. */
export interface LinkedFeature {
  url: string;
  /** The spec's own name, from its URL (`cost` for https://specs.apollo.dev/cost/v0.1). */
  specName: string;
  /** `as:`, else the spec's name: prefix of its non-imported elements (`cost__listSize`). */
  namespace: string;
  /** Imported elements (`@cost`, `Scope`) by their spec name -> local name (`@weight`), `@` kept. */
  imports: Map<string, string>;
  /** The `@link` application on the schema. */
  node: ConstDirectiveNode;
}

const LINK_SPEC = /^https:\/\/specs\.apollo\.dev\/link\/v/;

/**
 * The features a schema links, in order. The `@link` that links the link spec itself names
 * the directive (`link` unless renamed). Throws naming the link of a malformed `import:`.
 */
export function linkedFeatures(document: DocumentNode): LinkedFeature[] {
  const directives = document.definitions.flatMap((d) =>
    d.kind === Kind.SCHEMA_DEFINITION || d.kind === Kind.SCHEMA_EXTENSION ? (d.directives ?? []) : [],
  );
  const linkName = directives.find((d) => LINK_SPEC.test(stringArgument(d, 'url') ?? ''))?.name.value ?? 'link';
  const features: LinkedFeature[] = [];
  for (const node of directives) {
    const url = node.name.value === linkName ? stringArgument(node, 'url') : undefined;
    if (!url) continue;
    const specName = /\/([^/]+)\/v\d+\.\d+\/?$/.exec(url)?.[1] ?? url;
    const namespace = (stringArgument(node, 'as') ?? specName).replace(/^@/, '');
    const imports = new Map<string, string>();
    const importArg = node.arguments?.find((a) => a.name.value === 'import')?.value;
    const list: unknown = importArg ? valueFromASTUntyped(importArg) : [];
    for (const item of Array.isArray(list) ? list : [list]) {
      const { name, as } = typeof item === 'string' ? { name: item, as: item } : ((item ?? {}) as { name?: unknown; as?: unknown });
      if (typeof name !== 'string' || (as !== undefined && typeof as !== 'string')) {
        throw new Error(`@${linkName}(url: "${url}"): an import must be a name or {name, as}, got ${JSON.stringify(item)}`);
      }
      imports.set(name, (as as string | undefined) ?? name);
    }
    features.push({ url, specName, namespace, imports, node });
  }
  return features;
}

/** The name (no `@`) a spec's directive goes by: imported, else `@<namespace>` for the spec's own, else `@<namespace>__<name>`. */
export function localDirectiveName(feature: LinkedFeature, name: string): string {
  const imported = feature.imports.get(`@${name}`);
  if (imported) return imported.replace(/^@/, '');
  return name === feature.specName ? feature.namespace : `${feature.namespace}__${name}`;
}

/** Whether `url` is one of `urls`: equal, or under one given as a prefix (`https://specs.apollo.dev/cost` or `.../cost/`). */
export function urlMatches(url: string, urls: readonly string[]): boolean {
  return urls.some((u) => url === u || url.startsWith(u.endsWith('/') ? u : `${u}/`));
}

export function stringArgument(directive: ConstDirectiveNode, name: string): string | undefined {
  const arg = directive.arguments?.find((a) => a.name.value === name);
  return arg?.value.kind === Kind.STRING ? arg.value.value : undefined;
}
