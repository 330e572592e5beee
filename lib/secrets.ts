import { randomBytes } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

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

/**
 * Reads a development secret, creating it first if absent: 32 random bytes, hex-encoded (so
 * `X_SECRET=$(cat file)` is the same key), mode 0600. Created under a temporary name and
 * linked into place, so two processes starting at once agree on one.
 */
export function developmentSecret(path: string): Uint8Array {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new SecretConfigError(`cannot read development secret "${path}" (DATA_DIR): ${(err as Error).message}`);
    }
    try {
      mkdirSync(dirname(path), { recursive: true });
      const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      writeFileSync(tmp, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
      chmodSync(tmp, 0o600);
      try {
        linkSync(tmp, path);
      } catch (linkErr) {
        if ((linkErr as NodeJS.ErrnoException).code !== 'EEXIST') throw linkErr;
      } finally {
        unlinkSync(tmp);
      }
      text = readFileSync(path, 'utf8');
    } catch (createErr) {
      throw new SecretConfigError(`cannot create development secret "${path}" (DATA_DIR): ${(createErr as Error).message}`);
    }
  }
  const secret = Buffer.from(text.trim(), 'utf8');
  if (secret.length < 32) throw new SecretConfigError(`development secret "${path}" is shorter than 32 bytes; delete it to generate a new one`);
  return secret;
}
