import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mercuriusFederationPlugin } from '@mercuriusjs/federation';
import Fastify, { type FastifyInstance } from 'fastify';
import mercurius from 'mercurius';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildGateway, type Gateway } from '../gateway/src/app.ts';
import { composeSupergraph } from '../gateway/src/compose.ts';
import { loadGatewayConfig, runtimeOptions } from '../gateway/src/config.ts';
import { listen } from '../gateway/src/listen.ts';
import {
  backoffDelay,
  CircuitBreaker,
  CircuitOpenError,
  DEFAULT_POLICY,
  loadResilienceConfig,
  operationKind,
  parseRetryAfter,
  resilientFetcher,
  resolvePolicy,
  retryDelay,
  SubgraphTimeoutError,
  type CircuitState,
  type Fetcher,
  type ResiliencePolicy,
} from '../gateway/src/resilience/index.ts';

// Timeouts, retries (queries only) and a circuit breaker per subgraph: the pieces with an
// injected clock, then end to end over HTTP with a switchable proxy in front of one subgraph.

describe('backoff and Retry-After', () => {
  const backoff = { baseMs: 50, capMs: 1_000 };

  it('doubles the ceiling per attempt up to the cap, with full jitter below it', () => {
    const ceilings = [0, 1, 2, 3, 4, 5, 6, 10].map((attempt) => backoffDelay(attempt, backoff, () => 0.999_999));
    expect(ceilings).toEqual([49, 99, 199, 399, 799, 999, 999, 999]);
    expect([0, 3, 10].map((attempt) => backoffDelay(attempt, backoff, () => 0))).toEqual([0, 0, 0]);
    expect(backoffDelay(2, backoff, () => 0.5)).toBe(100);
  });

  it('reads delay-seconds and HTTP dates against the given clock', () => {
    const now = Date.parse('2026-03-01T12:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Sun, 01 Mar 2026 12:00:02 GMT', now)).toBe(2_000);
    expect(parseRetryAfter('Sun, 01 Mar 2026 11:59:00 GMT', now)).toBe(0);
    for (const bad of [null, undefined, '', '-1', '1.5', 'soon', '12abc']) expect(parseRetryAfter(bad, now), String(bad)).toBeUndefined();
  });

  it("waits what Retry-After asks, cut to retryAfterCapMs, else the jittered backoff", () => {
    const policy = { backoff, retryAfterCapMs: 1_000 };
    const now = Date.parse('2026-03-01T12:00:00Z');
    expect(retryDelay(0, '0', policy, now, () => 0.5)).toBe(0);
    expect(retryDelay(0, '1', policy, now, () => 0.5)).toBe(1_000);
    expect(retryDelay(0, '120', policy, now, () => 0.5)).toBe(1_000);
    expect(retryDelay(0, 'Sun, 01 Mar 2026 12:00:00 GMT', policy, now, () => 0.5)).toBe(0);
    expect(retryDelay(1, null, policy, now, () => 0.5)).toBe(50);
    expect(retryDelay(1, 'garbage', policy, now, () => 0.5)).toBe(50);
  });
});

describe('the circuit breaker (injected clock)', () => {
  const policy = { failures: 3, failureRate: 0.5, windowMs: 10_000, minRequests: 10, cooldownMs: 5_000 };
  let now: number;
  let changes: CircuitState[];
  let breaker: CircuitBreaker;
  beforeEach(() => {
    now = 1_000_000;
    changes = [];
    breaker = new CircuitBreaker(policy, () => now, (state) => changes.push(state));
  });
  const fail = (n = 1) => {
    for (let i = 0; i < n; i++) breaker.failure(breaker.tryAcquire()!);
  };
  const succeed = (n = 1) => {
    for (let i = 0; i < n; i++) breaker.success(breaker.tryAcquire()!);
  };

  it('opens after N consecutive failures, not when a success breaks the run', () => {
    fail(2);
    succeed();
    fail(2);
    expect(breaker.state).toBe('closed');
    fail();
    expect({ state: breaker.state, permit: breaker.tryAcquire(), changes }).toEqual({ state: 'open', permit: null, changes: ['open'] });
  });

  it('fails fast while open, lets exactly one probe through after the cooldown, and closes on its success', () => {
    fail(3);
    now += 4_999;
    expect(breaker.tryAcquire()).toBeNull();
    now += 1;
    const probe = breaker.tryAcquire();
    expect({ probe, state: breaker.state }).toEqual({ probe: { generation: expect.any(Number), probe: true }, state: 'half-open' });
    expect(breaker.tryAcquire()).toBeNull(); // a second caller while the probe is under way
    breaker.success(probe!);
    expect({ state: breaker.state, changes }).toEqual({ state: 'closed', changes: ['open', 'half-open', 'closed'] });
    expect(breaker.tryAcquire()).toEqual({ generation: expect.any(Number), probe: false });
    fail(2);
    expect(breaker.state).toBe('closed'); // the run of failures starts over once closed
  });

  it('reopens for a whole new cooldown when the probe fails', () => {
    fail(3);
    now += 5_000;
    breaker.failure(breaker.tryAcquire()!);
    expect(breaker.state).toBe('open');
    now += 4_000;
    expect(breaker.tryAcquire()).toBeNull();
    now += 1_000;
    expect(breaker.tryAcquire()?.probe).toBe(true);
    expect(changes).toEqual(['open', 'half-open', 'open', 'half-open']);
  });

  it('lets another probe through when one ends without a verdict (released)', () => {
    fail(3);
    now += 5_000;
    breaker.release(breaker.tryAcquire()!);
    expect(breaker.tryAcquire()?.probe).toBe(true);
  });

  it('ignores outcomes of calls admitted before the last transition', () => {
    const early = [breaker.tryAcquire()!, breaker.tryAcquire()!];
    fail(3);
    now += 3_000;
    breaker.failure(early[0]); // a slow failure must not restart the cooldown
    now += 2_000;
    const probe = breaker.tryAcquire()!;
    breaker.success(early[1]); // nor a stale success close the circuit in the probe's place
    expect(breaker.state).toBe('half-open');
    breaker.failure(probe);
    expect(changes).toEqual(['open', 'half-open', 'open']);
  });
});

describe('the failure-rate window', () => {
  it('opens at failureRate over windowMs with minRequests, and forgets calls older than the window', () => {
    let now = 0;
    const breaker = new CircuitBreaker({ failures: 100, failureRate: 0.5, windowMs: 1_000, minRequests: 6, cooldownMs: 1_000 }, () => now);
    const run = (outcomes: string) => {
      for (const o of outcomes) {
        const permit = breaker.tryAcquire()!;
        if (o === 'x') breaker.failure(permit);
        else breaker.success(permit);
      }
    };
    run('x.x.'); // 2/4: too few calls
    expect(breaker.state).toBe('closed');
    now = 2_000; // all forgotten
    run('.....x'); // 1/6
    run('.x'); // 2/8
    expect(breaker.state).toBe('closed');
    run('xxx'); // 5/11 < 0.5
    expect(breaker.state).toBe('closed');
    run('x'); // 6/12
    expect(breaker.state).toBe('open');
  });
});

describe('policy and configuration', () => {
  it('has the documented defaults', () => {
    expect(resolvePolicy()).toEqual(DEFAULT_POLICY);
    expect(DEFAULT_POLICY).toMatchObject({ timeoutMs: 10_000, retries: 2, backoff: { baseMs: 50, capMs: 1_000 }, breaker: { failures: 5, cooldownMs: 5_000 } });
  });

  it('layers defaults < policy < per-subgraph overrides', () => {
    const policy: ResiliencePolicy = { timeoutMs: 3_000, breaker: { failures: 2 }, services: { crm: { timeoutMs: 500, backoff: { capMs: 200 } } } };
    expect(resolvePolicy(policy, 'CRM')).toEqual({ ...DEFAULT_POLICY, timeoutMs: 500, backoff: { baseMs: 50, capMs: 200 }, breaker: { ...DEFAULT_POLICY.breaker, failures: 2 } });
    expect(resolvePolicy(policy, 'hr').timeoutMs).toBe(3_000);
  });

  it.each([
    [{ timeoutMs: 0 }, 'resilience.timeoutMs must be a positive integer, got 0 (subgraph crm)'],
    [{ retries: 11 }, 'resilience.retries must be an integer from 0 to 10, got 11 (subgraph crm)'],
    [{ breaker: { failureRate: 1.5 } }, 'resilience.breaker.failureRate must be a number in (0, 1], got 1.5 (subgraph crm)'],
    [{ services: { crm: { breaker: { cooldownMs: -1 } } } }, 'resilience.breaker.cooldownMs must be a positive integer, got -1 (subgraph crm)'],
  ] as [ResiliencePolicy, string][])('refuses %j naming the field', (policy, message) => {
    expect(() => resolvePolicy(policy, 'crm')).toThrow(message);
  });

  it('reads SUBGRAPH_TIMEOUT_MS, SUBGRAPH_TIMEOUT_MS_<NAME>, SUBGRAPH_RETRIES, CIRCUIT_FAILURES, CIRCUIT_COOLDOWN_MS', () => {
    expect(loadResilienceConfig({})).toEqual({});
    expect(loadResilienceConfig({ SUBGRAPH_TIMEOUT_MS: '2500', SUBGRAPH_TIMEOUT_MS_HR: '800', SUBGRAPH_RETRIES: '0', CIRCUIT_FAILURES: '3', CIRCUIT_COOLDOWN_MS: '1000', SUBGRAPH_URL_HR: 'x' })).toEqual({
      timeoutMs: 2_500,
      retries: 0,
      breaker: { failures: 3, cooldownMs: 1_000 },
      services: { hr: { timeoutMs: 800 } },
    });
  });

  it.each([
    ['SUBGRAPH_TIMEOUT_MS', '0', 'SUBGRAPH_TIMEOUT_MS must be a positive integer, got "0"'],
    ['SUBGRAPH_TIMEOUT_MS', '1.5s', 'SUBGRAPH_TIMEOUT_MS must be a positive integer, got "1.5s"'],
    ['SUBGRAPH_TIMEOUT_MS_CRM', 'soon', 'SUBGRAPH_TIMEOUT_MS_CRM must be a positive integer, got "soon"'],
    ['SUBGRAPH_RETRIES', '-1', 'SUBGRAPH_RETRIES must be an integer from 0 to 10, got "-1"'],
    ['SUBGRAPH_RETRIES', '99', 'SUBGRAPH_RETRIES must be an integer from 0 to 10, got "99"'],
    ['CIRCUIT_FAILURES', '0', 'CIRCUIT_FAILURES must be a positive integer, got "0"'],
    ['CIRCUIT_COOLDOWN_MS', 'off', 'CIRCUIT_COOLDOWN_MS must be a positive integer, got "off"'],
  ])('refuses %s=%s naming the variable', (name, value, message) => {
    expect(() => loadResilienceConfig({ [name]: value })).toThrow(message);
  });

  it('flows through runtimeOptions, and a bad value stops the gateway naming the variable', async () => {
    const env = { RATE_LIMIT: 'off', SUBGRAPH_TIMEOUT_MS: '2500', CIRCUIT_FAILURES: '3' };
    const options = await runtimeOptions(loadGatewayConfig(env, []), env);
    expect(options.resilience).toEqual({ timeoutMs: 2_500, breaker: { failures: 3 } });
    const bad = { RATE_LIMIT: 'off', CIRCUIT_COOLDOWN_MS: 'x' };
    await expect(runtimeOptions(loadGatewayConfig(bad, []), bad)).rejects.toThrow(/CIRCUIT_COOLDOWN_MS must be a positive integer, got "x"/);
  });
});

describe('operationKind (from the JSON body the gateway sends)', () => {
  it.each([
    ['{topProducts{upc}}', 'query'],
    ['query($representations:[_Any!]!){_entities(representations:$representations){...on Product{inStock}}}', 'query'],
    ['query Op__ledger__0{balance}', 'query'],
    ['mutation{deposit(amount:5)}', 'mutation'],
    ['  # a comment\n mutation Op__ledger__0($a:Int!){deposit(amount:$a)}', 'mutation'],
    ['fragment F on Query{balance} mutation M{...on Mutation{deposit(amount:1)}}', 'mutation'],
    ['subscription{ticks}', 'subscription'],
    ['not graphql', undefined],
  ])('reads %j as %s', (query, kind) => {
    expect(operationKind(JSON.stringify({ query, variables: {} }))).toBe(kind);
    expect(operationKind(Buffer.from(JSON.stringify({ query })))).toBe(kind);
  });

  it('cannot tell (never retried) without query text', () => {
    expect(operationKind(JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'ab' } } }))).toBeUndefined();
    expect(operationKind('{not json')).toBeUndefined();
    expect(operationKind(undefined)).toBeUndefined();
  });
});

describe('resilientFetcher over a scripted fetch', () => {
  type Step = number | Error | 'hang' | [number, Record<string, string>];
  /** A fetch answering `steps` in turn (the last one repeats), counting calls. */
  function scripted(steps: Step[]) {
    const calls: string[] = [];
    const fetch: Fetcher = async (_url, init) => {
      calls.push(String(init?.body));
      const step = steps[Math.min(calls.length - 1, steps.length - 1)];
      if (step instanceof Error) throw step;
      if (step === 'hang') {
        return new Promise((_, reject) => (init?.signal as AbortSignal).addEventListener('abort', () => reject(new Error('aborted'))));
      }
      const [status, headers] = Array.isArray(step) ? step : [step, {}];
      return new Response(status === 200 ? '{"data":{"x":1},"errors":[{"message":"a GraphQL error"}]}' : 'nope', { status, headers: { 'content-type': 'application/json', ...headers } });
    };
    return { fetch, calls };
  }
  const QUERY = { body: JSON.stringify({ query: '{x}' }) };
  const MUTATION = { body: JSON.stringify({ query: 'mutation{x}' }) };
  const fast: ResiliencePolicy = { backoff: { baseMs: 1, capMs: 2 }, retryAfterCapMs: 5 };
  beforeEach(() => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('retries a query after 5xx, 429 and network errors, then returns the answer', async () => {
    const { fetch, calls } = scripted([503, new Error('ECONNRESET'), 200]);
    const res = await resilientFetcher('s', fast, fetch)('http://s', QUERY);
    expect({ status: res.status, calls: calls.length }).toEqual({ status: 200, calls: 3 });
    const limited = scripted([[429, { 'retry-after': '0' }], 200]);
    expect((await resilientFetcher('s', fast, limited.fetch)('http://s', QUERY)).status).toBe(200);
    expect(limited.calls.length).toBe(2);
  });

  it('returns the last failed answer after `retries` retries', async () => {
    const { fetch, calls } = scripted([502]);
    const res = await resilientFetcher('s', { ...fast, retries: 2 }, fetch)('http://s', QUERY);
    expect({ status: res.status, calls: calls.length }).toEqual({ status: 502, calls: 3 });
  });

  it('never retries a mutation, nor a 4xx, nor GraphQL errors in a 200', async () => {
    for (const [steps, init] of [[[503, 200], MUTATION], [[new Error('ECONNREFUSED'), 200], MUTATION], [[400, 200], QUERY], [[200, 503], QUERY]] as [Step[], { body: string }][]) {
      const { fetch, calls } = scripted(steps);
      await resilientFetcher('s', fast, fetch)('http://s', init).catch(() => {});
      expect(calls.length, JSON.stringify(steps)).toBe(1);
    }
  });

  it('counts 4xx and GraphQL errors as successes of the subgraph', async () => {
    const { fetch } = scripted([400, 200]);
    const fetcher = resilientFetcher('s', { ...fast, breaker: { failures: 1 } }, fetch);
    for (let i = 0; i < 5; i++) await fetcher('http://s', QUERY);
    expect(fetcher.breaker.state).toBe('closed');
  });

  it('stops retrying when the wait would pass the deadline', async () => {
    const { fetch, calls } = scripted([[503, { 'retry-after': '60' }]]);
    const res = await resilientFetcher('s', { timeoutMs: 100, retryAfterCapMs: 1_000 }, fetch)('http://s', QUERY);
    expect({ status: res.status, calls: calls.length }).toEqual({ status: 503, calls: 1 });
  });

  it('gives up at the deadline with SubgraphTimeoutError', async () => {
    const { fetch, calls } = scripted(['hang']);
    const err = await resilientFetcher('slow', { ...fast, timeoutMs: 20 }, fetch)('http://s', QUERY).catch((e: unknown) => e);
    expect({ err, calls: calls.length }).toEqual({ err: expect.any(SubgraphTimeoutError), calls: 1 });
    expect((err as Error).message).toBe('subgraph slow did not answer within 20 ms');
  });

  it('fails fast with CircuitOpenError once open, without calling, and reports transitions', async () => {
    const seen: [string, CircuitState][] = [];
    const { fetch, calls } = scripted([new Error('ECONNREFUSED')]);
    const fetcher = resilientFetcher('inv', { ...fast, retries: 0, breaker: { failures: 2 }, onCircuitChange: (s, state) => seen.push([s, state]) }, fetch);
    for (let i = 0; i < 2; i++) await expect(fetcher('http://s', QUERY)).rejects.toThrow('ECONNREFUSED');
    const err = await fetcher('http://s', QUERY).catch((e: unknown) => e);
    expect({ err, circuit: (err as CircuitOpenError).circuit, calls: calls.length, seen }).toEqual({ err: expect.any(CircuitOpenError), circuit: 'open', calls: 2, seen: [['inv', 'open']] });
  });

  it('stops retrying as soon as the circuit opens, answering with the last failure', async () => {
    const { fetch, calls } = scripted([503]);
    const res = await resilientFetcher('s', { ...fast, retries: 5, breaker: { failures: 2 } }, fetch)('http://s', QUERY);
    expect({ status: res.status, calls: calls.length }).toEqual({ status: 503, calls: 2 });
  });
});

// ---------------------------------------------------------------------------------------------
// End to end: a gateway over a tiny two-subgraph graph; `ledger` sits behind a switchable proxy.

const LEDGER_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Query { balance: Int broken: String }
  type Mutation { deposit(amount: Int!): Int }
`;
const CLOCK_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Query { motto: String }
`;

async function serve(sdl: string, resolvers: Record<string, unknown>): Promise<{ app: FastifyInstance; url: string }> {
  const app = Fastify();
  await app.register(mercuriusFederationPlugin, { schema: sdl, resolvers: resolvers as mercurius.IResolvers });
  return { app, url: `${await app.listen({ port: 0, host: '127.0.0.1' })}/graphql` };
}

type Mode = 'pass' | 'reset' | 'hang' | '503';
/** node:http proxy in front of `target`: answers per `script` (first) or `mode`, counting attempts. */
async function startProxy(target: string) {
  const state = { mode: 'pass' as Mode, script: [] as Mode[], attempts: 0, bodies: [] as string[], times: [] as number[] };
  const hanging = new Set<ServerResponse>();
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      state.attempts++;
      state.bodies.push(Buffer.concat(chunks).toString());
      state.times.push(performance.now());
      const mode = state.script.shift() ?? state.mode;
      if (mode === 'reset') req.socket.destroy();
      else if (mode === '503') res.writeHead(503, { 'retry-after': '1', 'content-type': 'text/plain' }).end('overloaded');
      else if (mode === 'hang') {
        hanging.add(res);
        res.on('close', () => hanging.delete(res));
      } else {
        const upstream = request(target, { method: req.method, headers: req.headers }, (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        });
        upstream.on('error', () => res.destroy());
        upstream.end(Buffer.concat(chunks));
      }
    });
  });
  const url = `${await listen(server, 0, '127.0.0.1')}/graphql`;
  return {
    url,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

describe('resilience end to end (gateway over HTTP, ledger behind a switchable proxy)', () => {
  let ledger: { app: FastifyInstance; url: string };
  let clock: { app: FastifyInstance; url: string };
  let proxy: Awaited<ReturnType<typeof startProxy>>;
  let supergraphSdl: string;
  let balance = 100;
  const running: { gateway: Gateway; server: Server }[] = [];

  beforeAll(async () => {
    ledger = await serve(LEDGER_SDL, {
      Query: {
        balance: () => balance,
        broken: () => {
          throw new mercurius.ErrorWithProps('ledger says no', { code: 'LEDGER_NO' });
        },
      },
      Mutation: { deposit: (_: unknown, { amount }: { amount: number }) => (balance += amount) },
    });
    clock = await serve(CLOCK_SDL, { Query: { motto: () => 'still here' } });
    proxy = await startProxy(ledger.url);
    supergraphSdl = composeSupergraph([
      { name: 'ledger', url: ledger.url, sdl: LEDGER_SDL },
      { name: 'clock', url: clock.url, sdl: CLOCK_SDL },
    ]).supergraphSdl;
  });
  afterAll(async () => {
    for (const { gateway, server } of running) {
      await new Promise((resolve) => {
        server.close(resolve);
        server.closeAllConnections();
      });
      await gateway.stop();
    }
    await proxy?.close();
    await ledger?.app.close();
    await clock?.app.close();
  });
  beforeEach(() => {
    Object.assign(proxy.state, { mode: 'pass', script: [], attempts: 0, bodies: [], times: [] });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  async function gatewayWith(resilience: ResiliencePolicy): Promise<string> {
    // Each client request's own fetch is counted here: concurrent identical ones must not share (shared-fetches.ts).
    const gateway = await buildGateway({ supergraphSdl, subgraphUrls: { ledger: proxy.url }, resilience, shareFetches: false });
    const server = createServer(gateway.handler);
    running.push({ gateway, server });
    return `${await listen(server, 0, '127.0.0.1')}/graphql`;
  }
  type Body = { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  async function gql(url: string, query: string): Promise<{ status: number; body: Body; ms: number }> {
    const started = performance.now();
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    return { status: res.status, body: (await res.json()) as Body, ms: performance.now() - started };
  }
  const codes = (body: Body) => body.errors?.map((e) => ({ code: e.extensions?.code, serviceName: e.extensions?.serviceName, circuit: e.extensions?.circuit }));

  it('retries a query after 503 (Retry-After) and answers it, counting the upstream attempts', { timeout: 10_000 }, async () => {
    const url = await gatewayWith({ backoff: { baseMs: 1, capMs: 5 }, retryAfterCapMs: 50 });
    proxy.state.script = ['503', '503'];
    const res = await gql(url, '{ balance motto }');
    expect({ status: res.status, body: res.body, attempts: proxy.state.attempts }).toEqual({ status: 200, body: { data: { balance, motto: 'still here' } }, attempts: 3 });
    expect(new Set(proxy.state.bodies).size).toBe(1); // the same subgraph operation each time
    const [t0, t1, t2] = proxy.state.times; // waits of Retry-After: 1 cut to 50 ms (jitter alone would be < 5 ms)
    expect([t1 - t0, t2 - t1].every((gap) => gap >= 45)).toBe(true);
    proxy.state.attempts = 0;
    proxy.state.script = ['reset'];
    const afterReset = await gql(url, '{ balance }');
    expect({ body: afterReset.body, attempts: proxy.state.attempts }).toEqual({ body: { data: { balance } }, attempts: 2 });
  });

  it('sends a mutation exactly once, even when it fails', { timeout: 10_000 }, async () => {
    const url = await gatewayWith({ backoff: { baseMs: 1, capMs: 5 }, retryAfterCapMs: 5 });
    const before = balance;
    for (const mode of ['503', 'reset'] as Mode[]) {
      proxy.state.attempts = 0;
      proxy.state.mode = mode;
      const res = await gql(url, 'mutation { deposit(amount: 5) }');
      expect({ attempts: proxy.state.attempts, data: res.body.data, codes: codes(res.body) }, mode).toEqual({
        attempts: 1,
        data: { deposit: null },
        codes: [{ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'ledger', circuit: undefined }],
      });
    }
    proxy.state.attempts = 0;
    proxy.state.mode = 'pass';
    const ok = await gql(url, 'mutation { deposit(amount: 5) }');
    expect({ body: ok.body, attempts: proxy.state.attempts, applied: balance - before }).toEqual({ body: { data: { deposit: before + 5 } }, attempts: 1, applied: 5 });
  });

  it('times a hanging subgraph out within its own timeout; the other subgraph still answers', { timeout: 10_000 }, async () => {
    const url = await gatewayWith({ timeoutMs: 5_000, services: { ledger: { timeoutMs: 300 } } });
    proxy.state.mode = 'hang';
    const res = await gql(url, '{ balance motto }');
    expect({ status: res.status, data: res.body.data, codes: codes(res.body), attempts: proxy.state.attempts }).toEqual({
      status: 200,
      data: { balance: null, motto: 'still here' },
      codes: [{ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'ledger', circuit: undefined }],
      attempts: 1, // the deadline covers the retries too
    });
    expect(res.body.errors![0].message).toMatch(/^subgraph ledger is unavailable \(request id [0-9a-f-]{36}\)$/);
    expect(res.ms).toBeGreaterThanOrEqual(290);
    expect(res.ms).toBeLessThan(300 + 2_000);
  });

  it('does not count GraphQL errors in a 200 answer as failures', { timeout: 10_000 }, async () => {
    const changes: CircuitState[] = [];
    const url = await gatewayWith({ retries: 0, breaker: { failures: 2 }, onCircuitChange: (_, state) => changes.push(state) });
    for (let i = 0; i < 4; i++) {
      const res = await gql(url, '{ broken }');
      expect(res.body.errors?.[0].message).toBe('ledger says no');
    }
    expect({ attempts: proxy.state.attempts, changes }).toEqual({ attempts: 4, changes: [] });
  });

  it('opens the circuit after N failures (fail fast, circuit: open), probes after the cooldown and closes', { timeout: 10_000 }, async () => {
    const changes: [string, CircuitState][] = [];
    const url = await gatewayWith({ retries: 0, breaker: { failures: 3, cooldownMs: 400 }, onCircuitChange: (s, state) => changes.push([s, state]) });
    proxy.state.mode = '503';
    for (let i = 0; i < 3; i++) {
      const res = await gql(url, '{ balance motto }');
      expect({ data: res.body.data, codes: codes(res.body) }).toEqual({ data: { balance: null, motto: 'still here' }, codes: [{ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'ledger', circuit: undefined }] });
    }
    expect({ attempts: proxy.state.attempts, changes }).toEqual({ attempts: 3, changes: [['ledger', 'open']] });

    const fastFails = await Promise.all(Array.from({ length: 5 }, () => gql(url, '{ balance motto }')));
    for (const res of fastFails) {
      expect({ data: res.body.data, codes: codes(res.body) }).toEqual({ data: { balance: null, motto: 'still here' }, codes: [{ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'ledger', circuit: 'open' }] });
    }
    expect(proxy.state.attempts).toBe(3); // no upstream attempt while open

    proxy.state.mode = 'pass'; // healthy again
    await new Promise((resolve) => setTimeout(resolve, 450));
    const probe = await gql(url, '{ balance motto }');
    expect({ body: probe.body, attempts: proxy.state.attempts }).toEqual({ body: { data: { balance, motto: 'still here' } }, attempts: 4 });
    expect(changes).toEqual([['ledger', 'open'], ['ledger', 'half-open'], ['ledger', 'closed']]);
    const after = await Promise.all(Array.from({ length: 3 }, () => gql(url, '{ balance }')));
    expect(after.map((r) => r.body)).toEqual(Array(3).fill({ data: { balance } }));
    expect(proxy.state.attempts).toBe(7);
  });

  it('after a failed probe stays open for another cooldown', { timeout: 10_000 }, async () => {
    const changes: CircuitState[] = [];
    const url = await gatewayWith({ retries: 0, breaker: { failures: 1, cooldownMs: 200 }, onCircuitChange: (_, state) => changes.push(state) });
    proxy.state.mode = 'reset';
    await gql(url, '{ balance }');
    await new Promise((resolve) => setTimeout(resolve, 250));
    const probe = await gql(url, '{ balance }');
    const refused = await gql(url, '{ balance }');
    expect({ probe: codes(probe.body), refused: codes(refused.body), attempts: proxy.state.attempts, changes }).toEqual({
      probe: [{ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'ledger', circuit: undefined }],
      refused: [{ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'ledger', circuit: 'open' }],
      attempts: 2,
      changes: ['open', 'half-open', 'open'],
    });
  });
});
