import type { Redis } from 'ioredis';

/** Bounds so a down or hung Redis costs a request at most a few seconds, then fails open. */
const CONNECT_TIMEOUT_MS = 2000;
const COMMAND_TIMEOUT_MS = 1000;

export interface SharedRedis {
  client: Redis;
  /** Quits (or drops a connection that never came up); idempotent. */
  close(): Promise<void>;
}

/**
 * The gateway's Redis connection (rate limits, response cache): bounded timeouts, no offline
 * queue, connection errors reported to `onError` once per outage. Resolves once the first
 * connection succeeded or failed, so a down Redis never blocks start-up.
 */
export async function connectRedis(url: string, onError: (err: Error) => void): Promise<SharedRedis> {
  // Loaded on first use: a gateway without REDIS_URL starts without it.
  const { Redis } = await import('ioredis');
  const client = new Redis(url, {
    lazyConnect: false,
    connectTimeout: CONNECT_TIMEOUT_MS,
    commandTimeout: COMMAND_TIMEOUT_MS,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
  });
  let outageReported = false;
  client.on('ready', () => (outageReported = false));
  client.on('error', (err: Error) => {
    if (outageReported) return;
    outageReported = true;
    report(onError, err);
  });
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      client.off('ready', done);
      client.off('error', done);
      resolve();
    };
    const timer = setTimeout(done, CONNECT_TIMEOUT_MS + 500);
    client.on('ready', done);
    client.on('error', done);
  });
  let closed = false;
  return {
    client,
    async close() {
      if (closed) return;
      closed = true;
      if (client.status !== 'ready') return client.disconnect();
      await client.quit().catch(() => client.disconnect());
    },
  };
}

/** Calls an error hook without letting it throw into the request. */
export function report(onError: (err: Error) => void, err: unknown): void {
  try {
    onError(err instanceof Error ? err : new Error(String(err)));
  } catch {
    // a failing hook must not fail the request
  }
}
