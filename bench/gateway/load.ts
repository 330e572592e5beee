/**
 * One load run with autocannon: `connections` keep-alive connections POST the workload's query,
 * each request with freshly drawn variables (setupRequest), for `seconds`. Latency percentiles
 * come from every response's time (autocannon's own summary has no p95); an answer is an error
 * when it is not 2xx, when the connection failed or timed out, or when its body carries
 * GraphQL `errors`.
 */
import autocannon from 'autocannon';
import type { Workload } from './workloads.ts';

export interface LoadResult {
  seconds: number;
  /** Answers received (any status). */
  completed: number;
  /** Requests sent, answered or still in flight when the window closed. */
  sent: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  /** Connection errors and timeouts. */
  socketErrors: number;
  /** 2xx answers with GraphQL `errors` in the body. */
  graphqlErrors: number;
  /** One message of a failed answer, to say what went wrong. */
  firstError: string | null;
}

export interface Target {
  url: string;
  headers: Record<string, string>;
}

export async function runLoad(target: Target, workload: Workload, connections: number, seconds: number): Promise<LoadResult> {
  const latencies: number[] = [];
  let graphqlErrors = 0;
  let firstError: string | null = null;
  let finished!: (result: autocannon.Result) => void;
  let failed!: (err: unknown) => void;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finished = resolve;
    failed = reject;
  });
  const instance = autocannon({
    url: target.url,
    connections,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...target.headers },
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify({ query: workload.query, variables: workload.variables() }),
        }),
        onResponse: (status, body) => {
          if (status >= 200 && status < 300 && !body.includes('"errors":')) return;
          if (status >= 200 && status < 300) graphqlErrors++;
          firstError ??= `${status} ${body.slice(0, 300)}`;
        },
      },
    ],
  }, (err: unknown, result: autocannon.Result) => (err ? failed(err) : finished(result)));
  instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => {
    latencies.push(ms);
  });
  const result = await done;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => (latencies.length === 0 ? NaN : latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)]!);
  const completed = result['1xx'] + result['2xx'] + result['3xx'] + result['4xx'] + result['5xx'];
  return {
    seconds: result.duration,
    completed,
    sent: result.requests.sent,
    rps: completed / result.duration,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    non2xx: result.non2xx,
    socketErrors: result.errors,
    graphqlErrors,
    firstError: firstError ?? (result.errors > 0 ? `${result.errors} connection errors (${result.timeouts} timeouts)` : null),
  };
}
