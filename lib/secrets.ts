import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

type Env = Record<string, string | undefined>;

export class SecretConfigError extends Error {}

/**
 * A shared secret from env var `name` (at least 32 characters). Outside production, when
 * unset, a random one is generated once into `DATA_DIR/<file>` (mode 0600) and reused, so
 * every process of a development graph on this machine agrees. Production requires the
 * variable.
 */
export function loadSecret(env: Env, name: string, file: string): Uint8Array {
  const value = env[name];
  if (value) {
    if (value.length < 32) throw new SecretConfigError(`${name} must be at least 32 characters, got ${value.length}`);
    return Buffer.from(value, 'utf8');
  }
  if (env.NODE_ENV === 'production') throw new SecretConfigError(`${name} is required when NODE_ENV=production`);
  return developmentSecret(join(env.DATA_DIR || '.data', file));
}

export function developmentSecret(path: string): Uint8Array {
  try {
    return Buffer.from(readFileSync(path, 'utf8').trim(), 'utf8');
  } catch {
    mkdirSync(join(path, '..'), { recursive: true });
    const fresh = randomBytes(32).toString('base64url');
    try {
      writeFileSync(path, `${fresh}\n`, { mode: 0o600, flag: 'wx' });
      return Buffer.from(fresh, 'utf8');
    } catch {
      // Another process created it first: use theirs.
      return Buffer.from(readFileSync(path, 'utf8').trim(), 'utf8');
    }
  }
}
