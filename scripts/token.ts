import { parseArgs } from 'node:util';
import { decodeJwt } from 'jose';
import { AuthConfigError, loadAuthConfig } from '../gateway/src/auth/jwt.ts';
import { MintError, mintToken } from '../gateway/src/auth/mint.ts';

// `npm run token -- --role analyst [--role sales] [--sub alice] [--employee emp-0001]
// [--scope extra:scope] [--ttl 1h] [--expired]` mints a development token (HS256, signed with
// JWT_SECRET or the dev secret file the gateway also reads). Only the token goes to stdout, so
// TOKEN=$(npm run -s token -- --role analyst) works; a usage hint goes to stderr. Exit 2 on a
// bad option, a bad setting, or NODE_ENV=production (tokens then come from the identity provider).
function fail(message: string): never {
  console.error(`token: ${message}`);
  process.exit(2);
}

if (process.env.NODE_ENV === 'production') {
  fail('refusing to mint tokens with NODE_ENV=production: tokens come from the identity provider (JWT_JWKS_URL)');
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true },
      sub: { type: 'string' },
      employee: { type: 'string' },
      scope: { type: 'string', multiple: true },
      ttl: { type: 'string' },
      expired: { type: 'boolean' },
    },
    strict: true,
    allowPositionals: false,
  }));
} catch (err) {
  fail(`${(err as Error).message}\nusage: npm run token -- --role <role> [--role <role>] [--sub <id>] [--employee <emp-id>] [--scope <scope>] [--ttl 1h] [--expired]`);
}

try {
  const config = loadAuthConfig(process.env);
  const roles = values.role ?? [];
  if (roles.length === 0 && !values.scope?.length) fail(`give at least one --role (known roles: ${[...config.roles.keys()].join(', ')})`);
  const token = await mintToken({
    config,
    roles,
    subject: values.sub,
    employeeId: values.employee,
    scopes: values.scope,
    ttl: values.ttl,
    expired: values.expired,
  });
  const { sub, exp } = decodeJwt(token);
  const expires = new Date((exp ?? 0) * 1000).toISOString().replace(/\.000Z$/, 'Z');
  process.stdout.write(`${token}\n`);
  const url = `http://localhost:${process.env.PORT || 4000}/graphql`;
  console.error(
    `token for ${sub} (roles: ${roles.join(', ') || 'none'}; ${values.expired ? 'expired' : 'expires'} ${expires}). ` +
      `Use: TOKEN=$(npm run -s token -- ${process.argv.slice(2).join(' ')}) && curl -H "authorization: Bearer $TOKEN" ` +
      `-H 'content-type: application/json' -d '{"query":"{ __typename }"}' ${url}`,
  );
} catch (err) {
  if (err instanceof MintError || err instanceof AuthConfigError) fail(err.message);
  throw err;
}
