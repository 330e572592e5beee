import { Kind, parse, visit, type ASTNode, type Location } from 'graphql';
import { linkedFeatures, urlMatches } from './link.ts';

/**
 * Removes linked features from a supergraph: their schema `@link`, their directive definitions
 * and every application of them, and the types they namespace (`requiresScopes__Scope`,
 * `policy__Policy`) or import. For a gateway that refuses features it does not know (Apollo
 * Gateway refuses `for: SECURITY` ones) while the caller enforces them itself.
 *
 * `urls` match a link's URL exactly or as a prefix (`https://specs.apollo.dev/cost/` matches
 * every version). Edits are cut at the removed nodes' AST locations: every other byte of the
 * supergraph stays as it was, and a supergraph linking none of `urls` comes back unchanged.
 */
export function stripLinkedFeatures(supergraphSdl: string, urls: readonly string[]): string {
  const document = parse(supergraphSdl);
  const features = linkedFeatures(document).filter((f) => urlMatches(f.url, urls));
  if (features.length === 0) return supergraphSdl;

  const links = new Set<ASTNode>(features.map((f) => f.node));
  const prefixes = features.map((f) => `${f.namespace}__`);
  const directives = new Set<string>(features.map((f) => f.namespace));
  const types = new Set<string>();
  for (const feature of features) {
    for (const local of feature.imports.values()) {
      if (local.startsWith('@')) directives.add(local.slice(1));
      else types.add(local);
    }
  }
  const namespaced = (name: string, exact: Set<string>) => exact.has(name) || prefixes.some((p) => name.startsWith(p));

  const cuts: Location[] = [];
  visit(document, {
    enter(node) {
      let remove = false;
      switch (node.kind) {
        case Kind.DIRECTIVE:
          remove = links.has(node) || namespaced(node.name.value, directives);
          break;
        case Kind.DIRECTIVE_DEFINITION:
          remove = namespaced(node.name.value, directives);
          break;
        case Kind.SCALAR_TYPE_DEFINITION:
        case Kind.SCALAR_TYPE_EXTENSION:
        case Kind.ENUM_TYPE_DEFINITION:
        case Kind.ENUM_TYPE_EXTENSION:
        case Kind.INPUT_OBJECT_TYPE_DEFINITION:
        case Kind.INPUT_OBJECT_TYPE_EXTENSION:
        case Kind.OBJECT_TYPE_DEFINITION:
        case Kind.OBJECT_TYPE_EXTENSION:
        case Kind.INTERFACE_TYPE_DEFINITION:
        case Kind.INTERFACE_TYPE_EXTENSION:
        case Kind.UNION_TYPE_DEFINITION:
        case Kind.UNION_TYPE_EXTENSION:
          remove = namespaced(node.name.value, types);
          break;
      }
      if (!remove) return undefined;
      cuts.push(node.loc!);
      return false; // nothing inside a removed node needs its own cut
    },
  });

  // Each cut runs from the end of the token before the node (its leading whitespace) to the node's end.
  let result = '';
  let from = 0;
  for (const loc of cuts.sort((a, b) => a.start - b.start)) {
    const start = loc.startToken.prev?.end ?? 0;
    result += supergraphSdl.slice(from, start);
    from = loc.end;
  }
  result += supergraphSdl.slice(from);
  parse(result); // a cut that broke the document would be a bug here, not a gateway start-up mystery
  return result;
}
