/**
 * kubepatch on real-looking manifests: run with `npm run example`.
 *
 * 1. JSON Patch (RFC 6902) from one Deployment to the next, plain and guarded.
 * 2. JSON Merge Patch (RFC 7386) between the same two Deployments.
 * 3. The three-way merge patch `kubectl apply` computes for an Argo Rollout (a custom resource).
 * 4. A stale patch caught as a typed error.
 */
import { readFileSync } from 'node:fs';
import {
  applyJsonPatch,
  applyMergePatch,
  createJsonPatch,
  createMergePatch,
  createThreeWayMergePatch,
  isKubepatchError,
  requireKeyUnchanged,
  requireMetadataKeyUnchanged,
  type JsonObject,
  type JsonValue,
} from '../src/index.js';

const read = (name: string): JsonObject =>
  JSON.parse(readFileSync(new URL(`./manifests/${name}`, import.meta.url), 'utf8')) as JsonObject;
const heading = (title: string): void => console.log(`\n== ${title}`);
const print = (value: unknown): void => console.log(format(value, ''));
const same = (a: JsonValue, b: JsonValue): boolean => createJsonPatch(a, b).length === 0; // equal as JSON

const v1 = read('deployment.v1.json');
const v2 = read('deployment.v2.json');

// 1. JSON Patch: one operation per changed value; array elements are addressed by index.
heading('JSON Patch, deployment v1 -> v2 (application/json-patch+json)');
const jsonPatch = createJsonPatch(v1, v2);
for (const operation of jsonPatch) print(operation);
console.log('applyJsonPatch(v1, patch) equals v2:', same(applyJsonPatch(v1, jsonPatch), v2));

heading('Guarded JSON Patch: a `test` before each change to an array element');
const guarded = createJsonPatch(v1, v2, { guard: true });
for (const operation of guarded) print(operation);
console.log('applyJsonPatch(v1, guarded) equals v2:', same(applyJsonPatch(v1, guarded), v2));

// 2. JSON Merge Patch: the changed parts of the document; `null` deletes, lists are sent whole.
heading('JSON Merge Patch, deployment v1 -> v2 (application/merge-patch+json)');
const mergePatch = createMergePatch(v1, v2);
print(mergePatch);
console.log('applyMergePatch(v1, patch) equals v2:', same(applyMergePatch(v1, mergePatch), v2));

// 3. `kubectl apply` on a custom resource: a three-way JSON merge patch.
heading('Three-way merge patch for the Rollout (what `kubectl apply` sends)');
const lastApplied = read('rollout.last-applied.json'); // content of the last-applied annotation
const live = read('rollout.live.json'); // with server and controller fields (revision annotation, status)
const manifest = read('rollout.v2.json'); // the file being applied
// kubectl records the manifest itself in the last-applied annotation, so the patch carries it too.
const lastAppliedKey = 'kubectl.kubernetes.io/last-applied-configuration';
const modified = structuredClone(manifest);
const modifiedMetadata = modified['metadata'] as JsonObject;
modifiedMetadata['annotations'] = {
  ...(modifiedMetadata['annotations'] as JsonObject | undefined),
  [lastAppliedKey]: JSON.stringify(manifest),
};
const threeWay = createThreeWayMergePatch(lastApplied, modified, live, {
  preconditions: [requireKeyUnchanged('apiVersion'), requireKeyUnchanged('kind'), requireMetadataKeyUnchanged('name')],
});
print(threeWay);
const patched = applyMergePatch(live, threeWay) as JsonObject;
const annotations = (patched['metadata'] as JsonObject)['annotations'] as JsonObject;
console.log('annotations after the patch:', Object.keys(annotations).join(', '));
console.log('status (written by the controller) kept:', same(patched['status'] ?? null, live['status'] ?? null));
console.log('spec now equals the manifest:', same(patched['spec'] ?? null, manifest['spec'] ?? null));

// 4. A patch computed from a stale read. Meanwhile someone added an env var at the front of the
//    list, so every env index has shifted by one.
heading('A stale patch, unguarded and guarded');
const drifted = applyJsonPatch(v1, [
  { op: 'add', path: '/spec/template/spec/containers/0/env/0', value: { name: 'REGION', value: 'eu-west-1' } },
]);
const unguarded = applyJsonPatch(drifted, jsonPatch) as JsonObject;
console.log('unguarded patch applied; env is now', JSON.stringify(envNames(unguarded)), '(LOG_LEVEL removed by mistake)');
try {
  applyJsonPatch(drifted, guarded);
} catch (error) {
  if (!isKubepatchError(error, 'TEST_FAILED')) throw error;
  console.log(`${error.name}: code ${error.code}, operationIndex ${error.operationIndex}, path ${error.path}`);
  console.log('nothing was applied; re-read the object and compute the patch again');
}

/** JSON for display: indented where a value does not fit on one line; strings over 100 characters cut short with `…`. */
function format(value: unknown, indent: string): string {
  if (typeof value === 'string' && value.length > 100) return `${JSON.stringify(value.slice(0, 60)).slice(0, -1)}…"`;
  const flat = JSON.stringify(value);
  if (typeof value !== 'object' || value === null || indent.length + flat.length <= 110) return flat;
  const inner = indent + '  ';
  const [open, close, items] = Array.isArray(value)
    ? ['[', ']', value.map((item) => inner + format(item, inner))]
    : ['{', '}', Object.entries(value).map(([key, item]) => `${inner}${JSON.stringify(key)}: ${format(item, inner)}`)];
  return `${open}\n${items.join(',\n')}\n${indent}${close}`;
}

function envNames(deployment: JsonObject): string[] {
  const template = (deployment['spec'] as JsonObject)['template'] as JsonObject;
  const containers = (template['spec'] as JsonObject)['containers'] as JsonObject[];
  return ((containers[0]?.['env'] ?? []) as JsonObject[]).map((env) => String(env['name']));
}
