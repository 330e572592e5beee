import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULT_PORTS, DEPARTMENTS } from '../subgraphs/kit/src/config.ts';
import { GATEWAY_BUNDLE, GATEWAY_NODE_FLAGS } from '../scripts/build.ts';

// No Docker engine runs here: check what can be checked of the compose file and Dockerfile.
interface Service {
  build?: string;
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}

const compose = parse(readFileSync('docker-compose.yml', 'utf8'), { merge: true }) as { services: Record<string, Service> };

describe('docker-compose.yml', () => {
  it('runs the gateway, the four subgraphs, the conversion sync, PostgreSQL and Redis', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['campaigns', 'crm', 'gateway', 'hr', 'postgres', 'redis', 'sales', 'sync']);
    expect(compose.services.sync.command).toEqual(['npm', 'run', 'sync', '--', '--gateway', 'http://gateway:4000/graphql']);
    expect(compose.services.sync.depends_on).toEqual({ gateway: { condition: 'service_healthy' } });
  });

  it.each(DEPARTMENTS)('runs subgraph %s alone on PostgreSQL, after the database is healthy, with a health check', (d) => {
    const s = compose.services[d];
    const port = String(DEFAULT_PORTS[d]);
    expect(s.command).toEqual(['npm', 'run', 'subgraph', '--', d, '--port', port]);
    expect(s.environment?.DATABASE_URL).toMatch(/^postgres:\/\/.+@postgres:5432\//);
    expect(s.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    expect(s.healthcheck?.test.join(' ')).toContain('/ready');
    expect(s.healthcheck?.test.at(-1)).toBe(port);
  });

  it('points the gateway at every subgraph container and starts it once they are healthy', () => {
    const g = compose.services.gateway;
    for (const d of DEPARTMENTS) {
      expect(g.environment?.[`SUBGRAPH_URL_${d.toUpperCase()}`]).toBe(`http://${d}:${DEFAULT_PORTS[d]}/graphql`);
      expect(g.depends_on?.[d]).toEqual({ condition: 'service_healthy' });
    }
    expect(g.command).toEqual(['node', ...GATEWAY_NODE_FLAGS, GATEWAY_BUNDLE, '--supergraph', 'supergraph.graphql', '--port', '4000']);
  });

  it('shares one required internal secret between the gateway and every subgraph, and rate limits on Redis', () => {
    const required = /^\$\{INTERNAL_SECRET:\?.+\}$/;
    for (const d of DEPARTMENTS) expect(compose.services[d].environment?.INTERNAL_SECRET).toMatch(required);
    const g = compose.services.gateway;
    expect(g.environment?.INTERNAL_SECRET).toMatch(required);
    expect(g.environment?.JWT_SECRET).toMatch(/^\$\{JWT_SECRET:\?.+\}$/);
    expect(g.environment?.REDIS_URL).toBe('redis://redis:6379');
    expect(g.depends_on?.redis).toEqual({ condition: 'service_healthy' });
    expect(compose.services.sync.environment?.GATEWAY_TOKEN).toMatch(/^\$\{SYNC_TOKEN:\?.+\}$/);
  });
});

describe('Dockerfile', () => {
  it('builds the gateway bundle and runs it by default as compose and Kubernetes do', () => {
    const dockerfile = readFileSync('Dockerfile', 'utf8');
    expect(dockerfile).toMatch(/^RUN npm run build$/m);
    const cmd = /^CMD (.+)$/m.exec(dockerfile)?.[1];
    expect(JSON.parse(cmd ?? 'null')).toEqual(['node', ...GATEWAY_NODE_FLAGS, GATEWAY_BUNDLE, '--supergraph', 'supergraph.graphql']);
  });

  it('copies only paths that exist', () => {
    const copies = readFileSync('Dockerfile', 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('COPY '))
      .flatMap((line) => line.split(/\s+/).slice(1, -1));
    expect(copies.length).toBeGreaterThan(0);
    for (const path of copies) expect(existsSync(path), path).toBe(true);
  });
});
