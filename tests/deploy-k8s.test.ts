import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments, parse } from 'yaml';
import * as appsV1 from 'kubernetes-models/apps/v1';
import * as autoscalingV2 from 'kubernetes-models/autoscaling/v2';
import * as policyV1 from 'kubernetes-models/policy/v1';
import * as coreV1 from 'kubernetes-models/v1';
import type { IContainer, IEnvVar, IProbe } from 'kubernetes-models/v1';
import type { IDeployment } from 'kubernetes-models/apps/v1';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1';
import type { IConfigMap, ISecret, IService } from 'kubernetes-models/v1';
import { DEFAULT_PORTS, DEPARTMENTS } from '../subgraphs/kit/src/config.ts';
import { GATEWAY_BUNDLE, GATEWAY_NODE_FLAGS } from '../scripts/build.ts';

// deploy/k8s: every manifest validates offline against the Kubernetes API's JSON schemas
// (kubernetes-models, generated from the Kubernetes OpenAPI spec), and agrees with what the
// code serves, the commands the image runs, and the settings README documents.

const DIR = 'deploy/k8s';
const SECRET = 'allygraph-secrets';
const IMAGE = 'allygraph:latest';
const GATEWAY_PORT = 4000;

interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [key: string]: unknown;
}

/** Every YAML document of `deploy/k8s/*.yaml` but the kustomization, with its file. */
function loadManifests(): { file: string; doc: Manifest }[] {
  const out: { file: string; doc: Manifest }[] = [];
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml').sort()) {
    for (const document of parseAllDocuments(readFileSync(`${DIR}/${file}`, 'utf8'))) {
      if (document.errors.length > 0) throw new Error(`${file}: ${document.errors[0].message}`);
      const doc = document.toJS() as Manifest | null;
      if (doc !== null) out.push({ file, doc });
    }
  }
  return out;
}

const all = loadManifests();
const kustomization = parse(readFileSync(`${DIR}/kustomization.yaml`, 'utf8')) as { resources: string[]; namespace?: string };
/** What `kubectl apply -k deploy/k8s` applies: the kustomization's resources. */
const applied = all.filter(({ file }) => kustomization.resources.includes(file)).map(({ doc }) => doc);
const secretExample = all.find(({ file }) => file === 'secret.example.yaml')?.doc as (ISecret & Manifest) | undefined;

type ModelClass = new (data: unknown) => { validate(): void };
const MODELS: Record<string, Record<string, unknown>> = {
  v1: coreV1,
  'apps/v1': appsV1,
  'autoscaling/v2': autoscalingV2,
  'policy/v1': policyV1,
};

/** Validates one document against its kind's schema; throws naming what is wrong. */
function validateManifest(doc: Manifest): void {
  const model = MODELS[doc.apiVersion]?.[doc.kind] as ModelClass | undefined;
  if (typeof model !== 'function') throw new Error(`no schema for ${doc.apiVersion} ${doc.kind}`);
  new model(doc).validate();
}

function ofKind<T>(kind: string): (T & Manifest)[] {
  return applied.filter((d) => d.kind === kind) as (T & Manifest)[];
}
function named<T>(kind: string, name: string): T & Manifest {
  const found = ofKind<T>(kind).find((d) => d.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name}`);
  return found;
}
function containerOf(deployment: IDeployment): IContainer {
  const containers = deployment.spec?.template.spec?.containers ?? [];
  expect(containers).toHaveLength(1);
  return containers[0];
}
/** A probe's or Service's port as a number: a number, or a container port's name. */
function resolvePort(container: IContainer, port: number | string | undefined): number | undefined {
  if (typeof port === 'number') return port;
  return container.ports?.find((p) => p.name === port)?.containerPort;
}
function probe(container: IContainer, which: 'readinessProbe' | 'livenessProbe' | 'startupProbe'): { path?: string; port?: number } {
  const p: IProbe | undefined = container[which];
  return { path: p?.httpGet?.path, port: resolvePort(container, p?.httpGet?.port) };
}
/** The Deployment whose pods a selector picks (exactly one). */
function selected(selector: Record<string, string> | undefined): IDeployment & Manifest {
  const matches = ofKind<IDeployment>('Deployment').filter((d) => {
    const labels = d.spec?.template.metadata?.labels ?? {};
    return selector !== undefined && Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels[k] === v);
  });
  expect(matches.map((d) => d.metadata.name)).toHaveLength(1);
  return matches[0];
}

/** The variable names of README's Configuration table, as patterns (`SUBGRAPH_URL_<NAME>`). */
function documentedSettings(): RegExp[] {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.split('\n## Configuration\n')[1]?.split('\n## ')[0] ?? '';
  const names = section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .flatMap((line) => [...line.split('|')[1].matchAll(/`([^`]+)`/g)].map((m) => m[1]));
  return names.map((n) => new RegExp(`^${n.replace(/<[A-Z]+>/g, '[A-Z0-9_]+')}$`));
}
const settings = documentedSettings();

/** Env vars set by the manifests that README's Configuration table does not document. */
function undocumentedEnv(docs: Manifest[]): string[] {
  return envOf(docs)
    .map(({ env }) => env.name)
    .filter((name) => !settings.some((re) => re.test(name)));
}
function envOf(docs: Manifest[]): { deployment: string; env: IEnvVar }[] {
  return docs
    .filter((d) => d.kind === 'Deployment')
    .flatMap((d) =>
      ((d as IDeployment).spec?.template.spec?.containers ?? []).flatMap((c) => {
        expect(c.envFrom, 'envFrom would set variables this test cannot see').toBeUndefined();
        return (c.env ?? []).map((env) => ({ deployment: d.metadata.name, env }));
      }),
    );
}

/** References to Secret or ConfigMap keys that do not exist. */
function danglingRefs(docs: Manifest[], secretKeys: string[]): string[] {
  const configMaps = new Map(docs.filter((d) => d.kind === 'ConfigMap').map((d) => [d.metadata.name, Object.keys((d as IConfigMap).data ?? {})]));
  const dangling: string[] = [];
  for (const { deployment, env } of envOf(docs)) {
    const secret = env.valueFrom?.secretKeyRef;
    const config = env.valueFrom?.configMapKeyRef;
    if (secret && (secret.name !== SECRET || !secretKeys.includes(secret.key))) dangling.push(`${deployment}: secret ${secret.name}/${secret.key}`);
    if (config && !configMaps.get(config.name ?? '')?.includes(config.key)) dangling.push(`${deployment}: configmap ${config.name}/${config.key}`);
  }
  return dangling;
}

const clone = <T>(value: T): T => structuredClone(value);

describe('deploy/k8s manifests: schemas', () => {
  it('lists every manifest file in kustomization.yaml but the example Secret, and sets no namespace', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml');
    expect([...kustomization.resources].sort()).toEqual(files.filter((f) => f !== 'secret.example.yaml').sort());
    expect(kustomization.namespace).toBeUndefined();
    for (const { doc } of all) expect(doc.metadata.namespace, `${doc.kind} ${doc.metadata.name}`).toBeUndefined();
  });

  it.each(all.map(({ file, doc }) => [`${file}: ${doc.kind} ${doc.metadata?.name}`, doc] as const))('%s validates against its Kubernetes schema', (_label, doc) => {
    expect(() => validateManifest(doc)).not.toThrow();
  });

  it('rejects broken copies: a wrong type, a missing required field, an unknown kind', () => {
    const gateway = named<IDeployment>('Deployment', 'gateway');
    expect(() => validateManifest(gateway)).not.toThrow();

    const wrongType = clone(gateway) as Manifest & { spec: { replicas: unknown } };
    wrongType.spec.replicas = 'two';
    expect(() => validateManifest(wrongType)).toThrow(/replicas must be integer/);

    const noContainers = clone(gateway) as IDeployment & Manifest;
    delete (noContainers.spec!.template.spec as { containers?: unknown }).containers;
    expect(() => validateManifest(noContainers)).toThrow(/containers/);

    const badPort = clone(named<IService>('Service', 'gateway'));
    (badPort.spec!.ports![0] as { port: unknown }).port = '4000';
    expect(() => validateManifest(badPort)).toThrow(/port must be integer/);

    expect(() => validateManifest({ ...gateway, apiVersion: 'apps/v1beta9' })).toThrow(/no schema/);
  });
});

describe('deploy/k8s manifests: what they run', () => {
  it('runs the gateway, the four subgraphs and the sync from one image', () => {
    const names = ofKind<IDeployment>('Deployment').map((d) => d.metadata.name).sort();
    expect(names).toEqual(['campaigns', 'crm', 'gateway', 'hr', 'sales', 'sync']);
    for (const d of ofKind<IDeployment>('Deployment')) expect(containerOf(d).image, d.metadata.name).toBe(IMAGE);
  });

  it('runs the gateway on the committed supergraph on port 4000, 2 replicas, probed at /ready and /health', () => {
    const gateway = named<IDeployment>('Deployment', 'gateway');
    const c = containerOf(gateway);
    expect(gateway.spec?.replicas).toBe(2);
    expect(c.command).toEqual(['node', ...GATEWAY_NODE_FLAGS, GATEWAY_BUNDLE, '--supergraph', 'supergraph.graphql', '--port', String(GATEWAY_PORT)]);
    expect(c.args).toBeUndefined();
    expect(c.ports?.map((p) => p.containerPort)).toEqual([GATEWAY_PORT]);
    expect(probe(c, 'readinessProbe')).toEqual({ path: '/ready', port: GATEWAY_PORT });
    expect(probe(c, 'livenessProbe')).toEqual({ path: '/health', port: GATEWAY_PORT });
    expect(probe(c, 'startupProbe')).toEqual({ path: '/health', port: GATEWAY_PORT });
  });

  it.each(DEPARTMENTS)('runs subgraph %s on its default port, 2 replicas, probed at /ready and /health', (d) => {
    const deployment = named<IDeployment>('Deployment', d);
    const c = containerOf(deployment);
    const port = DEFAULT_PORTS[d];
    expect(deployment.spec?.replicas).toBe(2);
    expect(c.command).toEqual(['npm', 'run', 'subgraph', '--', d, '--port', String(port)]);
    expect(c.args).toBeUndefined();
    expect(c.ports?.map((p) => p.containerPort)).toEqual([port]);
    expect(probe(c, 'readinessProbe')).toEqual({ path: '/ready', port });
    expect(probe(c, 'livenessProbe')).toEqual({ path: '/health', port });
    expect(probe(c, 'startupProbe')).toEqual({ path: '/health', port });
  });

  it('probes paths the gateway and the subgraphs serve', () => {
    for (const file of ['gateway/src/http.ts', 'subgraphs/kit/src/server.ts']) {
      const source = readFileSync(file, 'utf8');
      for (const path of ['/health', '/ready']) expect(source, `${file} serves ${path}`).toContain(`'${path}'`);
    }
  });

  it('runs exactly one sync, never two at once, against the gateway Service', () => {
    const sync = named<IDeployment>('Deployment', 'sync');
    const c = containerOf(sync);
    expect(sync.spec?.replicas).toBe(1);
    expect(sync.spec?.strategy?.type).toBe('Recreate');
    expect(c.command).toEqual(['npm', 'run', 'sync', '--', '--gateway', 'http://gateway:4000/graphql']);
    const url = new URL(c.command![5]);
    const service = named<IService>('Service', url.hostname);
    const servicePort = service.spec?.ports?.find((p) => p.port === Number(url.port));
    expect(servicePort).toBeDefined();
    expect(resolvePort(containerOf(selected(service.spec?.selector)), servicePort!.targetPort)).toBe(GATEWAY_PORT);
    expect(selected(service.spec?.selector).metadata.name).toBe('gateway');
  });

  it('exposes the gateway and every subgraph through a Service on the port its container listens on', () => {
    const expected: Record<string, number> = { gateway: GATEWAY_PORT, ...DEFAULT_PORTS };
    const services = ofKind<IService>('Service').filter((s) => s.spec?.type !== 'ExternalName');
    expect(services.map((s) => s.metadata.name).sort()).toEqual(Object.keys(expected).sort());
    for (const s of services) {
      const deployment = selected(s.spec?.selector);
      expect(deployment.metadata.name).toBe(s.metadata.name);
      expect(s.spec?.ports).toHaveLength(1);
      const [p] = s.spec!.ports!;
      expect(p.port, s.metadata.name).toBe(expected[s.metadata.name]);
      expect(resolvePort(containerOf(deployment), p.targetPort), s.metadata.name).toBe(expected[s.metadata.name]);
    }
  });

  it('reaches PostgreSQL and Redis through ExternalName Services', () => {
    for (const [name, port] of [['postgres', 5432], ['redis', 6379]] as const) {
      const s = named<IService>('Service', name);
      expect(s.spec?.type).toBe('ExternalName');
      expect(s.spec?.externalName).toMatch(/^[a-z0-9.-]+$/);
      expect(s.spec?.ports?.map((p) => p.port)).toEqual([port]);
    }
  });
});

describe('deploy/k8s manifests: settings', () => {
  const configMap = named<IConfigMap>('ConfigMap', 'allygraph-config');
  const secretKeys = Object.keys(secretExample?.stringData ?? {});

  it('routes the gateway to every subgraph Service and rate-limits on the redis Service', () => {
    for (const d of DEPARTMENTS) {
      const url = new URL(configMap.data?.[`SUBGRAPH_URL_${d.toUpperCase()}`] ?? '');
      expect(url.href).toBe(`http://${d}:${DEFAULT_PORTS[d]}/graphql`);
      expect(named<IService>('Service', url.hostname).spec?.ports?.map((p) => p.port)).toContain(Number(url.port));
    }
    const redis = new URL(configMap.data?.REDIS_URL ?? '');
    expect(redis.protocol).toBe('redis:');
    expect(named<IService>('Service', redis.hostname).spec?.ports?.map((p) => p.port)).toContain(Number(redis.port));
    expect(configMap.data?.NODE_ENV).toBe('production');
    expect(configMap.data?.HOST).toBe('0.0.0.0');
  });

  it('sets only settings documented in README\'s Configuration table', () => {
    expect(settings.length).toBeGreaterThan(20);
    expect(envOf(applied).length).toBeGreaterThan(20);
    expect(undocumentedEnv(applied)).toEqual([]);
    // The check can fail: an undocumented variable is reported.
    const broken = clone(named<IDeployment>('Deployment', 'gateway'));
    containerOf(broken).env!.push({ name: 'GATEWAY_TURBO', value: '1' });
    expect(undocumentedEnv([broken])).toEqual(['GATEWAY_TURBO']);
  });

  it('names every ConfigMap key as the variable it sets', () => {
    for (const { deployment, env } of envOf(applied)) {
      const ref = env.valueFrom?.configMapKeyRef ?? env.valueFrom?.secretKeyRef;
      expect(ref, `${deployment} ${env.name}: from the Secret or the ConfigMap`).toBeDefined();
      if (env.valueFrom?.configMapKeyRef) expect(env.valueFrom.configMapKeyRef.key).toBe(env.name);
    }
  });

  it('references only Secret and ConfigMap keys that exist, and uses every Secret key', () => {
    expect(secretExample?.metadata.name).toBe(SECRET);
    expect(secretKeys.sort()).toEqual(['DATABASE_URL', 'INTERNAL_SECRET', 'JWT_SECRET', 'SYNC_TOKEN']);
    expect(danglingRefs(applied, secretKeys)).toEqual([]);
    const used = new Set(envOf(applied).map(({ env }) => env.valueFrom?.secretKeyRef?.key).filter(Boolean));
    expect([...used].sort()).toEqual([...secretKeys].sort());
    // The check can fail: a misspelt key is reported.
    const broken = clone(named<IDeployment>('Deployment', 'crm'));
    containerOf(broken).env!.find((e) => e.name === 'DATABASE_URL')!.valueFrom!.secretKeyRef!.key = 'DATABASE_ULR';
    expect(danglingRefs([broken, configMap], secretKeys)).toEqual(['crm: secret allygraph-secrets/DATABASE_ULR']);
  });

  it('gives each service the secrets it needs and no other', () => {
    const secretsOf = (name: string) =>
      envOf(applied)
        .filter(({ deployment, env }) => deployment === name && env.valueFrom?.secretKeyRef)
        .map(({ env }) => `${env.name}=${env.valueFrom!.secretKeyRef!.key}`)
        .sort();
    expect(secretsOf('gateway')).toEqual(['INTERNAL_SECRET=INTERNAL_SECRET', 'JWT_SECRET=JWT_SECRET']);
    for (const d of DEPARTMENTS) expect(secretsOf(d)).toEqual(['DATABASE_URL=DATABASE_URL', 'INTERNAL_SECRET=INTERNAL_SECRET']);
    expect(secretsOf('sync')).toEqual(['GATEWAY_TOKEN=SYNC_TOKEN']);
  });

  it('tells in README how to create the Secret with exactly its keys', () => {
    const readme = readFileSync('README.md', 'utf8');
    const lines = readme.split('\n');
    const start = lines.findIndex((l) => l.startsWith(`kubectl create secret generic ${SECRET} `));
    expect(start).toBeGreaterThan(0);
    let end = start;
    while (lines[end].endsWith('\\')) end++;
    const command = lines.slice(start, end + 1).join('\n');
    const keys = [...command.matchAll(/--from-literal=([A-Z_]+)=/g)].map((m) => m[1]).sort();
    expect(keys).toEqual([...secretKeys].sort());
  });
});

describe('deploy/k8s manifests: scaling and operations', () => {
  it('autoscales the gateway Deployment on CPU from 2 replicas', () => {
    const hpas = ofKind<IHorizontalPodAutoscaler>('HorizontalPodAutoscaler');
    expect(hpas).toHaveLength(1);
    const [hpa] = hpas;
    expect(hpa.apiVersion).toBe('autoscaling/v2');
    expect(hpa.spec?.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'gateway' });
    named<IDeployment>('Deployment', hpa.spec!.scaleTargetRef.name);
    expect(hpa.spec?.minReplicas).toBe(2);
    expect(hpa.spec?.maxReplicas).toBeGreaterThan(2);
    expect(hpa.spec?.metrics?.map((m) => [m.type, m.resource?.name, m.resource?.target.type])).toEqual([['Resource', 'cpu', 'Utilization']]);
    // CPU utilization is measured against the request.
    expect(containerOf(named<IDeployment>('Deployment', 'gateway')).resources?.requests?.cpu).toBeDefined();
  });

  it('keeps a gateway and a replica of every subgraph up through voluntary disruptions', () => {
    const pdbs = ofKind<IPodDisruptionBudget>('PodDisruptionBudget');
    const covered = pdbs.map((p) => selected(p.spec?.selector?.matchLabels).metadata.name).sort();
    expect(covered).toEqual(['campaigns', 'crm', 'gateway', 'hr', 'sales']);
    for (const p of pdbs) expect(p.spec?.minAvailable).toBe(1);
  });

  it('sizes every container for Node with requests and limits', () => {
    const gateway = containerOf(named<IDeployment>('Deployment', 'gateway'));
    expect(gateway.resources?.requests).toEqual({ cpu: '250m', memory: '256Mi' });
    expect(gateway.resources?.limits?.memory).toBe('512Mi');
    for (const d of ofKind<IDeployment>('Deployment')) {
      const r = containerOf(d).resources;
      expect(r?.requests?.cpu, d.metadata.name).toBeDefined();
      expect(r?.requests?.memory, d.metadata.name).toBeDefined();
      expect(r?.limits?.cpu, d.metadata.name).toBeDefined();
      expect(r?.limits?.memory, d.metadata.name).toBeDefined();
    }
  });

  it('runs every pod as the image\'s non-root user with a read-only root and writable /tmp', () => {
    expect(readFileSync('Dockerfile', 'utf8')).toMatch(/^USER node$/m);
    for (const d of ofKind<IDeployment>('Deployment')) {
      const pod = d.spec!.template.spec!;
      const c = containerOf(d);
      expect(pod.securityContext?.runAsNonRoot, d.metadata.name).toBe(true);
      expect(pod.securityContext?.runAsUser, d.metadata.name).toBe(1000);
      expect(c.securityContext?.allowPrivilegeEscalation, d.metadata.name).toBe(false);
      expect(c.securityContext?.capabilities?.drop, d.metadata.name).toEqual(['ALL']);
      expect(c.securityContext?.readOnlyRootFilesystem, d.metadata.name).toBe(true);
      const mounts = (c.volumeMounts ?? []).map((m) => m.mountPath);
      expect(mounts, d.metadata.name).toContain('/tmp');
      for (const m of c.volumeMounts ?? []) expect(pod.volumes?.find((v) => v.name === m.name)?.emptyDir, m.name).toBeDefined();
    }
  });

  it('gives the servers time to drain in-flight requests on SIGTERM', () => {
    for (const name of ['gateway', ...DEPARTMENTS]) {
      const d = named<IDeployment>('Deployment', name);
      const grace = d.spec?.template.spec?.terminationGracePeriodSeconds ?? 30;
      const preStop = containerOf(d).lifecycle?.preStop?.exec?.command ?? [];
      expect(preStop[0], name).toBe('sleep');
      expect(grace, name).toBeGreaterThanOrEqual(Number(preStop[1]) + 30);
      expect(d.spec?.strategy?.rollingUpdate?.maxUnavailable, name).toBe(0);
    }
  });
});
