import { syncFeeds } from './feed-sync.ts';
import type { GraphClient } from './import/graph.ts';

/**
 * Runs a sync now and then every `intervalMs` (never two at once; 0: only now). Failures are
 * reported and retried at the next tick: the feed position makes every pass idempotent.
 */
export async function startFeedSync(client: GraphClient, intervalMs: number, log: (line: string) => void): Promise<() => void> {
  const changed = await syncFeeds(client);
  if (changed > 0) log(`feeds: ${changed} projected rows updated`);
  if (intervalMs === 0) return () => undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const tick = async () => {
    try {
      const n = await syncFeeds(client);
      if (n > 0) log(`feeds: ${n} projected rows updated`);
    } catch (err) {
      log(`feeds: sync failed, retrying in ${intervalMs} ms: ${(err as Error).message}`);
    }
    if (!stopped) timer = setTimeout(tick, intervalMs);
  };
  timer = setTimeout(tick, intervalMs);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
