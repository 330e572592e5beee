import { AuthError, quote } from './errors.ts';
import type { RoleMap } from './roles.ts';

/** Who is calling and what they may do, derived from a verified token. */
export interface Identity {
  /** The token's `sub`. */
  subject: string;
  /** The token's roles (`roles` array and/or `role` string), each known to the role mapping. */
  roles: string[];
  /** Sorted union of the roles' scopes and the token's own space-separated `scope` claim. */
  scopes: string[];
  /** The token's `employee_id`: the HR employee the caller is, if any (for "my own record" rules). */
  employeeId: string | null;
}

/**
 * Builds the identity from a verified token's claims. Roles come from `roles` (array of
 * strings) and `role` (string); an unknown role, a missing `sub` or a claim of the wrong type
 * throws AuthError TOKEN_CLAIM_INVALID naming the claim.
 */
export function identityFromClaims(claims: Record<string, unknown>, roles: RoleMap): Identity {
  const { sub, role, roles: roleList, scope, employee_id: employeeId } = claims;
  if (typeof sub !== 'string' || sub === '') {
    throw invalid(sub === undefined ? 'token has no "sub" claim' : `token "sub" claim must be a non-empty string, got ${quote(sub)}`);
  }
  const names: string[] = [];
  if (roleList !== undefined) {
    if (!Array.isArray(roleList) || roleList.some((r) => typeof r !== 'string')) {
      throw invalid(`token "roles" claim must be an array of strings, got ${quote(roleList)}`);
    }
    names.push(...(roleList as string[]));
  }
  if (role !== undefined) {
    if (typeof role !== 'string') throw invalid(`token "role" claim must be a string, got ${quote(role)}`);
    names.push(role);
  }
  const scopes = new Set<string>();
  for (const name of names) {
    const granted = roles.get(name);
    if (!granted) throw invalid(`token role ${quote(name)} is unknown (known roles: ${[...roles.keys()].join(', ')})`);
    for (const s of granted) scopes.add(s);
  }
  if (scope !== undefined) {
    if (typeof scope !== 'string') throw invalid(`token "scope" claim must be a space-separated string, got ${quote(scope)}`);
    for (const s of scope.split(/\s+/)) if (s) scopes.add(s);
  }
  if (employeeId !== undefined && employeeId !== null && (typeof employeeId !== 'string' || employeeId === '')) {
    throw invalid(`token "employee_id" claim must be a non-empty string, got ${quote(employeeId)}`);
  }
  return {
    subject: sub,
    roles: [...new Set(names)],
    scopes: [...scopes].sort(),
    employeeId: (employeeId as string | null | undefined) ?? null,
  };
}

function invalid(message: string): AuthError {
  return new AuthError('TOKEN_CLAIM_INVALID', message);
}
