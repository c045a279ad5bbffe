// Differential test: kubepatch's applyStrategicMergePatch against the Go reference,
// `kubectl patch --local --type strategic` (k8s.io/apimachinery strategicpatch in kubectl 1.32, with
// the Go structs compiled into kubectl as schema) on built-in objects: Deployments, StatefulSets,
// Pods and Services (test/helpers/builtinObjects.ts).
//
// No normalisation is needed on either side: kubectl reads the file as unstructured JSON, uses the
// Go struct of the kind only to look up patch metadata, and prints the patched unstructured JSON.
// It does not decode into the typed struct (checked below: an unknown field and an empty string
// under `omitempty` survive), so nothing is defaulted, dropped or re-encoded. The generated objects
// hold only fields the Go structs know, since a patch that reaches an unknown field is an error.
//
// Skipped, with the reason in the suite title, when kubectl cannot be run.
import fc from 'fast-check';
import { applyStrategicMergePatch, createStrategicMergePatch, isKubepatchError, schemaFor, type JsonValue, type PatchSchema } from 'kubepatch';
import { expect, it } from 'vitest';
import { builtinObject, editOf, patchFor, type Obj } from '../helpers/builtinObjects.js';
import { frozenCopy } from '../helpers/deepFreeze.js';
import { describeWithKubectl, isGoPanic, kubectlPatch } from '../helpers/kubectl.js';
import { expectJsonEqual } from '../helpers/oracle.js';

function schemaOf(object: Obj): PatchSchema {
  const schema = schemaFor(String(object.apiVersion), String(object.kind));
  if (schema === undefined) throw new Error(`schemaFor has no schema for ${String(object.apiVersion)} ${String(object.kind)}`);
  return schema;
}

/** kubectl applies the patch => kubepatch gives an equal object; kubectl rejects it => kubepatch throws a KubepatchError. */
function expectSameAsKubectl(object: Obj, patch: Obj): JsonValue | undefined {
  const document = frozenCopy(object);
  const frozenPatch = frozenCopy(patch);
  const kubectl = kubectlPatch(document, 'strategic', frozenPatch);
  const context = `object: ${JSON.stringify(object)}\npatch: ${JSON.stringify(patch)}`;
  if (kubectl.ok) {
    let ours: JsonValue;
    try {
      ours = applyStrategicMergePatch(document, frozenPatch, schemaOf(object));
    } catch (error) {
      throw new Error(`kubepatch threw (${String(error)}) where kubectl applied the patch\n${context}\nkubectl: ${JSON.stringify(kubectl.result)}`);
    }
    expectJsonEqual(ours, kubectl.result);
    return ours;
  }
  expect(isGoPanic(kubectl.stderr), `kubectl crashed on\n${context}\n${kubectl.stderr.slice(0, 500)}`).toBe(false);
  let thrown: unknown;
  try {
    const ours = applyStrategicMergePatch(document, frozenPatch, schemaOf(object));
    thrown = new Error(`kubepatch accepted what kubectl rejects (${kubectl.stderr.trim()})\n${context}\nkubepatch: ${JSON.stringify(ours)}`);
  } catch (error) {
    if (isKubepatchError(error)) return undefined;
    thrown = error;
  }
  throw thrown;
}

const deployment = (spec: Obj, metadata: Obj = {}): Obj => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', ...metadata },
  spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx' }] } }, ...spec },
});
const podSpec = (spec: Obj): Obj => ({ template: { metadata: { labels: { app: 'web' } }, spec } });

// Fixed cases: the directives on the fields that carry them, each checked against kubectl.
const FIXED: { name: string; object: Obj; patch: Obj; expected?: (result: Obj) => JsonValue; toBe?: JsonValue }[] = [
  {
    name: 'strategy RollingUpdate -> Recreate with $retainKeys drops rollingUpdate',
    object: deployment({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: '25%' } } }),
    patch: { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } },
    expected: (r) => (r.spec as Obj).strategy!,
    toBe: { type: 'Recreate' },
  },
  {
    name: 'strategy switch without $retainKeys keeps rollingUpdate',
    object: deployment({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } }),
    patch: { spec: { strategy: { type: 'Recreate' } } },
    expected: (r) => (r.spec as Obj).strategy!,
    toBe: { type: 'Recreate', rollingUpdate: { maxSurge: 1 } },
  },
  {
    name: 'a volume switching source with $retainKeys (merge,retainKeys list)',
    object: deployment(podSpec({ containers: [{ name: 'app', image: 'nginx' }], volumes: [{ name: 'a', emptyDir: {} }, { name: 'b', secret: { secretName: 's' } }] })),
    patch: { spec: { template: { spec: { volumes: [{ name: 'a', configMap: { name: 'cm' }, $retainKeys: ['configMap', 'name'] }] } } } },
    expected: (r) => ((((r.spec as Obj).template as Obj).spec as Obj).volumes as JsonValue)!,
    toBe: [{ name: 'a', configMap: { name: 'cm' } }, { name: 'b', secret: { secretName: 's' } }],
  },
  {
    name: '$retainKeys not listing a patched key is rejected by both',
    object: deployment({ strategy: { type: 'RollingUpdate' } }),
    patch: { spec: { strategy: { $retainKeys: ['type'], type: 'RollingUpdate', rollingUpdate: { maxSurge: 2 } } } },
  },
  {
    name: 'finalizers: union, $deleteFromPrimitiveList and $setElementOrder',
    object: deployment({}, { finalizers: ['a', 'b', 'c'] }),
    patch: { metadata: { finalizers: ['d'], '$deleteFromPrimitiveList/finalizers': ['b'], '$setElementOrder/finalizers': ['c', 'd', 'a'] } },
    expected: (r) => (r.metadata as Obj).finalizers!,
    toBe: ['c', 'd', 'a'],
  },
  {
    name: 'containers: patch order before live order (live a,b,c + patch [d, b])',
    object: deployment(podSpec({ containers: [{ name: 'a', image: '1' }, { name: 'b', image: '1' }, { name: 'c', image: '1' }] })),
    patch: { spec: { template: { spec: { containers: [{ name: 'd', image: '2' }, { name: 'b', image: '2' }] } } } },
    expected: (r) => ((((r.spec as Obj).template as Obj).spec as Obj).containers as Obj[]).map((c) => c.name!),
    toBe: ['d', 'a', 'b', 'c'],
  },
  {
    name: '$setElementOrder listing an element the patch does not carry, after one it does, is rejected by both',
    object: deployment(podSpec({ containers: [{ name: 'a', image: '1' }, { name: 'b', image: '1' }] })),
    patch: { spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'b' }], containers: [{ name: 'a', image: '2' }] } } } },
  },
  {
    name: 'service ports merge on port alone: TCP and UDP 53 are one element to Go',
    object: {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'dns', namespace: 'default' },
      spec: { ports: [{ port: 53, protocol: 'TCP', name: 'dns-tcp' }, { port: 53, protocol: 'UDP', name: 'dns' }] },
    },
    patch: { spec: { ports: [{ port: 53, protocol: 'UDP', targetPort: 5353 }] } },
  },
  {
    name: 'an empty container list deleted element by element, and a $patch: replace list',
    object: deployment(podSpec({ containers: [{ name: 'a', image: '1' }], initContainers: [{ name: 'i', image: '1' }] })),
    patch: { spec: { template: { spec: { containers: [{ name: 'a', $patch: 'delete' }], initContainers: [{ $patch: 'replace' }, { name: 'j', image: '2' }] } } } },
  },
];

describeWithKubectl('applyStrategicMergePatch matches kubectl patch --local --type strategic', () => {
  it('kubectl patch --local does not round-trip through the Go struct (so neither side needs normalising)', () => {
    const object = deployment(podSpec({ containers: [{ name: 'app', image: 'nginx', env: [{ name: 'E', value: '' }], bogus: 1 } as Obj] }));
    const kubectl = kubectlPatch(object, 'strategic', { metadata: { labels: { x: 'y' } } });
    expect(kubectl.ok, JSON.stringify(kubectl)).toBe(true);
    expectJsonEqual(kubectl.ok && kubectl.result, { ...object, metadata: { ...(object.metadata as Obj), labels: { x: 'y' } } });
  }, 20_000);

  for (const { name, object, patch, expected, toBe } of FIXED) {
    it(`fixed case: ${name}`, () => {
      const ours = expectSameAsKubectl(object, patch);
      if (expected !== undefined) expectJsonEqual(expected(ours as Obj), toBe);
      else if (name.includes('rejected')) expect(ours).toBeUndefined();
    }, 20_000);
  }

  it('on random objects and random patches with directives', () => {
    const outcomes = { applied: 0, rejected: 0 };
    fc.assert(
      fc.property(
        builtinObject.chain((object) => fc.tuple(fc.constant(object), patchFor(object))),
        ([object, patch]) => {
          if (expectSameAsKubectl(object, patch) === undefined) outcomes.rejected++;
          else outcomes.applied++;
        },
      ),
      { seed: 4242, numRuns: 100 },
    );
    // Mostly valid patches, and a few invalid on purpose ($retainKeys or $setElementOrder missing a key).
    expect(outcomes.applied, JSON.stringify(outcomes)).toBeGreaterThan(80);
    expect(outcomes.rejected, JSON.stringify(outcomes)).toBeGreaterThan(0);
  }, 120_000);

  it('on the two-way patch kubepatch computes for a random edit: Go applies it to the edited object', () => {
    fc.assert(
      fc.property(
        builtinObject.chain((object) => fc.tuple(fc.constant(object), editOf(object))),
        ([object, modified]) => {
          const patch = createStrategicMergePatch(frozenCopy(object), frozenCopy(modified), schemaOf(object));
          const ours = expectSameAsKubectl(object, patch);
          expectJsonEqual(ours, modified);
        },
      ),
      { seed: 4243, numRuns: 60 },
    );
  }, 120_000);
});
