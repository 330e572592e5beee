import type { GraphQLFormattedError } from 'graphql';
import { PLACEHOLDER, type Authorized, type DeniedField } from './authorize.ts';

type Json = Record<string, unknown>;

/**
 * Shapes the answer to a filtered operation as if the denied fields had been asked for:
 * null where they (or the ancestor that had to go with them) were, no placeholder keys,
 * and one error per denied path.
 */
export function applyDenials(result: { data?: Json | null; errors?: readonly GraphQLFormattedError[] }, authorized: Authorized): void {
  if (result.data) {
    if (authorized.nullData) result.data = null;
    else {
      for (const path of authorized.nulled) setNull(result.data, path);
      stripPlaceholders(result.data);
    }
  }
  result.errors = [...authorized.denied.map(deniedError), ...(result.errors ?? [])];
}

export function deniedError(d: DeniedField): GraphQLFormattedError {
  const needs = [
    ...d.scopes.map((set) => `scope${set.length > 1 ? 's' : ''} ${set.join(' + ')}`),
    ...d.policies.map((set) => `polic${set.length > 1 ? 'ies' : 'y'} ${set.join(' + ')}`),
  ];
  const message =
    d.code === 'UNAUTHENTICATED'
      ? `${d.coordinate} requires authentication: send a bearer token`
      : `not authorized to read ${d.coordinate}: needs ${needs.join(' or ')}`;
  return {
    message,
    path: d.path,
    extensions: { code: d.code, field: d.coordinate, ...(d.scopes.length && { requiredScopes: d.scopes }), ...(d.policies.length && { requiredPolicies: d.policies }) },
  };
}

function setNull(value: unknown, path: readonly string[]): void {
  if (Array.isArray(value)) {
    for (const item of value) setNull(item, path);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const obj = value as Json;
  const [key, ...rest] = path;
  if (rest.length === 0) {
    if (!(key in obj)) obj[key] = null;
    return;
  }
  setNull(obj[key], rest);
}

function stripPlaceholders(value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) stripPlaceholders(item);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const obj = value as Json;
  delete obj[PLACEHOLDER];
  for (const child of Object.values(obj)) if (child !== null && typeof child === 'object') stripPlaceholders(child);
}
