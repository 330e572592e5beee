import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crm } from '../subgraphs/crm/src/app.ts';
import { cachedIdentityVerifier } from '../subgraphs/kit/src/identity.ts';
import { IDENTITY_HEADER, IdentityHeaderError, signIdentity, type ForwardedIdentity } from '../lib/internal-identity.ts';
import { startSubgraph, type SubgraphUnderTest } from './helpers/subgraph.ts';

// What the kit remembers between requests (compiled operations, verified identities, the
// authorization and cache policy of a document) must answer exactly as working it out anew.

const FIXTURE = `
INSERT INTO crm.segments (id, name) VALUES ('s1', 'Smalls');
INSERT INTO crm.customers (id, first_name, last_name, email, country, segment_id, lifecycle_stage) VALUES
  ('c1', 'Ada', 'Byron', 'ada@example.com', 'GB', 's1', 'CUSTOMER'),
  ('c2', 'Bob', 'Abbot', 'bob@example.com', 'FR', 's1', 'LEAD'),
  ('c3', 'Cy', 'Cole', 'cy@example.com', 'DE', NULL, 'PROSPECT');
`;

const analyst: ForwardedIdentity = { subject: 'ann', roles: ['analyst'], scopes: ['crm:read'], employeeId: null, operationName: null, requestId: null };
const support: ForwardedIdentity = { ...analyst, subject: 'sam', scopes: ['crm:read', 'pii:read'] };

let sub: SubgraphUnderTest;

beforeAll(async () => {
  sub = await startSubgraph(crm, (db) => db.query(FIXTURE));
});

afterAll(async () => {
  await sub?.close();
});

async function post(payload: object, identity: ForwardedIdentity = support) {
  const res = await sub.app.inject({ method: 'POST', url: '/graphql', payload, headers: { [IDENTITY_HEADER]: sub.sign(identity) } });
  return { status: res.statusCode, cacheControl: res.headers['cache-control'], body: res.json() as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } };
}

describe('a repeated operation answers the same every time', () => {
  it('applies the default of a non-null input field, however often the operation runs', async () => {
    const query = 'query($o: CustomerOrder) { customers(first: 3, orderBy: $o) { edges { node { lastName } } } }';
    const expected = { data: { customers: { edges: [{ node: { lastName: 'Abbot' } }, { node: { lastName: 'Byron' } }, { node: { lastName: 'Cole' } }] } } };
    for (let run = 0; run < 3; run++) expect((await post({ query, variables: { o: { field: 'LAST_NAME' } } })).body).toEqual(expected);
  });

  it('refuses bad variables with the same validation error on every run, the compiling one included', async () => {
    const query = 'query($since: DateTime!) { crmAuditLog(since: $since) { id } }';
    const answers = [];
    for (let run = 0; run < 3; run++) answers.push(await post({ query, variables: { since: '2025-02-30T10:00:00Z' } }));
    expect(answers[0].body.errors?.[0].message).toMatch(/DateTime must be an ISO 8601 date-time/);
    expect(answers[0].body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });
});

describe('authorization remembered per document', () => {
  it('decides per caller and per @skip variable, not once per document', async () => {
    const query = 'query($hide: Boolean!) { customer(id: "c1") { id email @skip(if: $hide) } }';
    const denied = { code: 'FORBIDDEN', field: 'Customer.email' };
    const runs: [ForwardedIdentity, boolean, unknown][] = [
      [analyst, true, { data: { customer: { id: 'c1' } } }],
      [analyst, false, denied],
      [support, false, { data: { customer: { id: 'c1', email: 'ada@example.com' } } }],
      [analyst, false, denied],
      [analyst, true, { data: { customer: { id: 'c1' } } }],
    ];
    for (const [who, hide, expected] of runs) {
      const { body } = await post({ query, variables: { hide } }, who);
      expect(body.errors ? body.errors[0].extensions : body).toEqual(expected);
    }
  });

  it('checks the operation named by operationName in a document of several', async () => {
    const query = 'query Open { segments { id } } query Pii { customer(id: "c1") { email } }';
    expect((await post({ query, operationName: 'Open' }, analyst)).body).toEqual({ data: { segments: [{ id: 's1' }] } });
    const pii = await post({ query, operationName: 'Pii' }, analyst);
    expect(pii.body.errors?.[0].extensions).toEqual({ code: 'FORBIDDEN', field: 'Customer.email' });
    expect(JSON.stringify(pii.body)).not.toContain('ada@example.com');
    const get = await sub.app.inject({ method: 'GET', url: '/graphql', query: { query, operationName: 'Open', variables: '{}' }, headers: { [IDENTITY_HEADER]: sub.sign(analyst) } });
    expect(get.json()).toEqual({ data: { segments: [{ id: 's1' }] } });
  });
});

describe('cache policy remembered per document', () => {
  it('follows the representations each request sends', async () => {
    const query = 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }';
    const customer = { __typename: 'Customer', id: 'c1' };
    const segment = { __typename: 'Segment', id: 's1' };
    const policies = [];
    for (const r of [[segment], [segment, customer], [segment], []]) policies.push((await post({ query, variables: { r } })).cacheControl);
    expect(policies).toEqual(['max-age=60, public', 'max-age=30, public', 'max-age=60, public', 'no-store']);
  });
});

describe('verified identities remembered until they expire', () => {
  const secret = randomBytes(32);
  const now = 1_800_000_000_000;
  const token = signIdentity(secret, support, now); // exp: now + 60 s, accepted 5 s more

  it('answers the same identity while the token is valid, and refuses it from then on', () => {
    const verify = cachedIdentityVerifier(secret);
    expect(verify(token, now)).toEqual(support);
    expect(verify(token, now + 65_000)).toBe(verify(token, now));
    expect(() => verify(token, now + 65_001)).toThrow(new IdentityHeaderError('x-allygraph-identity expired'));
    expect(() => verify(token, now)).not.toThrow();
  });

  it('refuses a forged token every time, even one whose payload it has seen signed', () => {
    const verify = cachedIdentityVerifier(secret, { max: 1 });
    verify(token, now);
    const forged = `${token.slice(0, token.lastIndexOf('.'))}.${'A'.repeat(43)}`;
    for (let i = 0; i < 2; i++) expect(() => verify(forged, now)).toThrow(/bad signature/);
    expect(() => cachedIdentityVerifier(randomBytes(32))(token, now)).toThrow(/bad signature/);
  });

  it('hands out an identity no request can change under another', () => {
    const identity = cachedIdentityVerifier(secret)(token, now);
    expect(() => identity.scopes.push('hr:reviews')).toThrow(TypeError);
    expect(Object.isFrozen(identity)).toBe(true);
  });
});
