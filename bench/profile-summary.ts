/**
 * npm run bench:profile -- FILE.cpuprofile [--top N]
 * Where a V8 CPU profile (node --cpu-prof, or npm run bench -- --profile DIR) spent its time:
 * self time by package (node_modules name, "ours" for this repository, "node" for built-ins,
 * "(gc)", "(idle)") and the top functions by self time.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' } } });
if (positionals.length !== 1) {
  console.error('usage: npm run bench:profile -- FILE.cpuprofile [--top N]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(positionals[0]!, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);

function packageOf(url: string, name: string): string {
  if (name === '(garbage collector)') return '(gc)';
  if (name === '(idle)' || name === '(program)') return name;
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith('node:') || (!url.startsWith('file:') && !url.startsWith('/'))) return 'node';
  return 'ours';
}

const packages = new Map<string, number>();
const functions = new Map<string, number>();
for (const [id, us] of selfUs) {
  const { callFrame: f } = byId.get(id)!;
  const pkg = packageOf(f.url, f.functionName);
  packages.set(pkg, (packages.get(pkg) ?? 0) + us);
  const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(gateway|lib|subgraphs|bench)\//, '$1/')}:${f.lineNumber + 1}`;
  functions.set(key, (functions.get(key) ?? 0) + us);
}
const pct = (us: number) => `${((100 * us) / total).toFixed(1)}%`;
const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
console.log(`${(total / 1e6).toFixed(1)} s sampled\n\nself time by package`);
for (const [name, us] of top(packages, 20)) console.log(`  ${pct(us).padStart(6)}  ${name}`);
console.log(`\ntop ${values.top} functions by self time`);
for (const [name, us] of top(functions, Number(values.top))) console.log(`  ${pct(us).padStart(6)}  ${name}`);
