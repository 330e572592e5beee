import { parseArgs } from 'node:util';
import { feedSyncInterval } from '../subgraphs/kit/src/config.ts';
import { onShutdown } from '../gateway/src/listen.ts';
import { startFeedSync } from './feed-sync-loop.ts';
import { GraphClient } from './import/graph.ts';
import { loadImportConfig } from './import/config.ts';

// `npm run sync -- --gateway URL [--once]`: keeps the departments' projections (campaigns'
// conversions, CRM's suppressions) in step with their feeds when the graph runs as separate
// services (npm start does this itself). GATEWAY_TOKEN: a token with the feed-sync role.
const { values } = parseArgs({ options: { gateway: { type: 'string' }, once: { type: 'boolean' } } });
if (!values.gateway) {
  console.error('usage: npm run sync -- --gateway http://host:4000/graphql [--once]');
  process.exit(2);
}
try {
  const stop = await startFeedSync(new GraphClient(values.gateway, loadImportConfig().token), values.once ? 0 : feedSyncInterval(), console.log);
  if (values.once) process.exit(0);
  onShutdown(async () => stop());
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
