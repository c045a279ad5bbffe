/**
 * Strategic merge patch timings: two-way create and apply on merge lists of 10 to 10,000
 * elements (5% changed, 5% removed, 5% added, fixed seed) and on typical manifests.
 * Run with `npm run bench`; it prints a table and rewrites docs/benchmarks.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { applyStrategicMergePatch, createStrategicMergePatch, schemaFor } from '../src/index.js';

const podSchema = schemaFor('v1', 'Pod')!;

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same inputs. */
function random(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function podWithEnv(size: number, seed: number): [object, object] {
  const next = random(seed);
  const env = Array.from({ length: size }, (_, i) => ({ name: `VAR_${i}`, value: String(i) }));
  const changed = env.flatMap((item, i) => {
    const roll = next();
    if (roll < 0.05) return []; // removed
    if (roll < 0.1) return [{ ...item, value: `changed-${i}` }];
    if (roll < 0.15) return [item, { name: `NEW_${i}`, value: 'new' }];
    return [item];
  });
  const pod = (list: object[]) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'app', image: 'app:1', env: list }] } });
  return [pod(env), pod(changed)];
}

/** Median milliseconds per call, over enough repetitions to take at least ~200 ms. */
function time(run: () => void): number {
  run();
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < 5 || (performance.now() - started < 200 && samples.length < 1000)) {
    const t = performance.now();
    run();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return samples[samples.length >> 1]!;
}

const rows: string[] = [];
for (const size of [10, 100, 1_000, 10_000]) {
  const [a, b] = podWithEnv(size, 42);
  const patch = createStrategicMergePatch(a, b, podSchema);
  const create = time(() => createStrategicMergePatch(a, b, podSchema));
  const apply = time(() => applyStrategicMergePatch(a, patch, podSchema));
  rows.push(`| env list of ${size.toLocaleString('en')} | ${create.toFixed(3)} | ${apply.toFixed(3)} | ${((create * 1000) / size).toFixed(2)} | ${((apply * 1000) / size).toFixed(2)} |`);
}

// Typical manifests: the example Deployment's two versions, and a StatefulSet and a Pod built from it.
const read = (name: string): { [key: string]: unknown } => JSON.parse(readFileSync(new URL(`../examples/manifests/${name}`, import.meta.url), 'utf8'));
const deploymentV1 = read('deployment.v1.json');
const deploymentV2 = read('deployment.v2.json');
const asKind = (manifest: { [key: string]: unknown }, kind: string, spec: (s: { [key: string]: unknown }) => unknown) => ({
  ...manifest,
  kind,
  spec: spec(manifest.spec as { [key: string]: unknown }),
});
const typical: Array<[string, object, object]> = [
  ['Deployment (examples/manifests)', deploymentV1, deploymentV2],
  ['StatefulSet (same spec)', asKind(deploymentV1, 'StatefulSet', (s) => ({ ...s, serviceName: 'web' })), asKind(deploymentV2, 'StatefulSet', (s) => ({ ...s, serviceName: 'web' }))],
  ['Pod (the template)', { ...asKind(deploymentV1, 'Pod', (s) => (s.template as { spec: unknown }).spec), apiVersion: 'v1' }, { ...asKind(deploymentV2, 'Pod', (s) => (s.template as { spec: unknown }).spec), apiVersion: 'v1' }],
];
for (const [name, a, b] of typical) {
  const schema = schemaFor(a as { apiVersion: string; kind: string })!;
  const patch = createStrategicMergePatch(a, b, schema);
  const create = time(() => createStrategicMergePatch(a, b, schema));
  const apply = time(() => applyStrategicMergePatch(a, patch, schema));
  rows.push(`| ${name} | ${create.toFixed(3)} | ${apply.toFixed(3)} | | |`);
}

const header = [
  '| input | create (ms) | apply (ms) | create per element (µs) | apply per element (µs) |',
  '| --- | ---: | ---: | ---: | ---: |',
];
const table = [...header, ...rows].join('\n');
console.log(table);

const page = `# Benchmarks

Strategic merge patch, two-way create and apply (\`npm run bench\`): on a Pod whose container has
an \`env\` merge list of the given length, with 5% of the elements changed, 5% removed and 5% added
(fixed seed), and on typical manifests. Median time per call.

Machine: Node ${process.version}, ${process.platform}/${process.arch}.

${table}

For scale: the issue that asked for this reports apimachinery needing about 2.6 s to create and
15 s to apply the same kind of patch at 10,000 elements on these machines (Go's merge-list code
scans lists once per element). kubepatch indexes merge lists by key, so its time per element stays
about flat as lists grow.
`;
writeFileSync(new URL('../docs/benchmarks.md', import.meta.url), page);
