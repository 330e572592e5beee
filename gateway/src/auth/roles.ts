import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AuthConfigError } from './errors.ts';

/** Every scope the gateway enforces: `area:action`. */
export const SCOPES = [
  'crm:read',
  'crm:write',
  'pii:read',
  'campaigns:read',
  'campaigns:write',
  'sales:read',
  'sales:write',
  'hr:read',
  'hr:write',
  'hr:reviews',
  'feeds:sync',
  'audit:read',
] as const;
export type Scope = (typeof SCOPES)[number];

/** Role name -> the scopes it grants. A Map, so a role named `constructor` is just a role. */
export type RoleMap = ReadonlyMap<string, readonly string[]>;

/** The shipped mapping, used unless `ROLES_FILE` (or an explicit path) names another. */
export const DEFAULT_ROLES_FILE = fileURLToPath(new URL('../../../config/roles.json', import.meta.url));

const SCOPE_PATTERN = /^[a-z-]+:[a-z-]+$/;
const KNOWN_SCOPES: ReadonlySet<string> = new Set(SCOPES);

type Env = Record<string, string | undefined>;

/**
 * Reads the role -> scopes mapping: `path`, else `ROLES_FILE`, else config/roles.json. The
 * file is a JSON object of role -> non-empty array of known scopes; throws AuthConfigError
 * naming the file and the bad entry.
 */
export function loadRoles(path?: string, env: Env = process.env): RoleMap {
  const file = path ?? (env.ROLES_FILE || DEFAULT_ROLES_FILE);
  const label = path === undefined && env.ROLES_FILE ? `ROLES_FILE "${file}"` : `roles file "${file}"`;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new AuthConfigError(`cannot read ${label}: ${(err as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new AuthConfigError(`${label} is not valid JSON: ${(err as Error).message}`);
  }
  return parseRoles(parsed, label);
}

/** Validates an already-parsed mapping; `label` names its source in errors. */
export function parseRoles(value: unknown, label = 'roles'): RoleMap {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new AuthConfigError(`${label} must be a JSON object of role -> array of scopes`);
  }
  const roles = new Map<string, readonly string[]>();
  for (const [role, scopes] of Object.entries(value)) {
    if (!/^\S+$/.test(role)) throw new AuthConfigError(`${label}: role name ${JSON.stringify(role)} must be non-empty without spaces`);
    if (!Array.isArray(scopes) || scopes.length === 0) {
      throw new AuthConfigError(`${label}: role "${role}" must be a non-empty array of scopes, got ${JSON.stringify(scopes)}`);
    }
    for (const scope of scopes) {
      if (typeof scope !== 'string' || !SCOPE_PATTERN.test(scope)) {
        throw new AuthConfigError(`${label}: role "${role}" has scope ${JSON.stringify(scope)}, which is not of the form area:action (lowercase)`);
      }
      if (!KNOWN_SCOPES.has(scope)) {
        throw new AuthConfigError(`${label}: role "${role}" has unknown scope "${scope}" (known: ${SCOPES.join(', ')})`);
      }
    }
    roles.set(role, Object.freeze([...new Set(scopes as string[])]));
  }
  return roles;
}
