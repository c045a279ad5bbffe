// Differential test: where Go's strategicpatch honours a directive regardless of the schema, and
// what it does with a directive on a key the live object lacks. Each case runs
// `kubectl patch --local --type strategic` (apimachinery strategicpatch, kubectl 1.32) and
// applyStrategicMergePatch on the same object and patch, pins the result (or the error), and checks
// that both agree. These are the claims of docs/strategic-merge-patch.md, sections "Maps",
// "`$retainKeys`" and "Merge lists without a merge key".
//
// Go's reasons (k8s.io/apimachinery pkg/util/strategicpatch/patch.go, v0.33):
// - `mergeMap` calls `applyRetainKeysDirective` on every map it merges into, before looking at the
//   field's patch strategy, so `$retainKeys` works on any map;
// - a patch value stored under a key the live map lacks (or holds with another JSON type) goes
//   through `removeDirectives`, which drops any map carrying `$patch`, whatever its value;
// - `mergeSlice` on a `merge` list of maps with no merge key fails with "cannot merge lists
//   without merge key for %s".
//
// Skipped, with the reason in the suite title, when kubectl cannot be run.
import { applyStrategicMergePatch, isKubepatchError, schemaFor, StrategicMergePatchError, type JsonValue, type PatchSchema } from 'kubepatch';
import { expect, it } from 'vitest';
import { frozenCopy } from '../helpers/deepFreeze.js';
import { describeWithKubectl, kubectlPatch } from '../helpers/kubectl.js';
import { expectJsonEqual } from '../helpers/oracle.js';

type Obj = { [key: string]: JsonValue };

/** Each test runs kubectl a few times; a loaded machine must not fail it. */
const KUBECTL_TIMEOUT = 60_000;

const deployment = (metadata: Obj = {}, spec: Obj = {}): Obj => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', ...metadata },
  spec: {
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'app', image: 'nginx', resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m' } } }] },
    },
    ...spec,
  },
});
const node = (podCIDRs?: JsonValue): Obj => ({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'n' }, spec: podCIDRs === undefined ? {} : { podCIDRs } });

function schemaOf(object: Obj): PatchSchema {
  const schema = schemaFor(String(object.apiVersion), String(object.kind));
  if (schema === undefined) throw new Error(`no schema for ${String(object.apiVersion)} ${String(object.kind)}`);
  return schema;
}

/** Both apply the patch: returns kubepatch's result after checking that kubectl's is equal. */
function applyBoth(object: Obj, patch: Obj): Obj {
  const kubectl = kubectlPatch(frozenCopy(object), 'strategic', frozenCopy(patch));
  if (!kubectl.ok) throw new Error(`kubectl refused ${JSON.stringify(patch)}: ${kubectl.stderr}`);
  const ours = applyStrategicMergePatch(frozenCopy(object), frozenCopy(patch), schemaOf(object)) as Obj;
  expectJsonEqual(ours, kubectl.result);
  return ours;
}

/** Both refuse the patch: returns kubectl's message and kubepatch's error. */
function refuseBoth(object: Obj, patch: Obj): { stderr: string; error: StrategicMergePatchError } {
  const kubectl = kubectlPatch(frozenCopy(object), 'strategic', frozenCopy(patch));
  if (kubectl.ok) throw new Error(`kubectl applied ${JSON.stringify(patch)}: ${JSON.stringify(kubectl.result)}`);
  let thrown: unknown;
  try {
    applyStrategicMergePatch(frozenCopy(object), frozenCopy(patch), schemaOf(object));
  } catch (error) {
    thrown = error;
  }
  if (!(thrown instanceof StrategicMergePatchError)) throw new Error(`kubepatch did not throw a StrategicMergePatchError: ${String(thrown)}`);
  return { stderr: kubectl.stderr.trim(), error: thrown };
}

const strategiesOf = (schema: PatchSchema, ...keys: string[]): readonly string[] => {
  let field = schema.field(keys[0]!)!;
  for (const key of keys.slice(1)) field = field.schema.field(key)!;
  return field.meta.patchStrategies;
};

const spec = (object: Obj): Obj => object.spec as Obj;
const container = (object: Obj): Obj => ((((spec(object).template as Obj).spec as Obj).containers as Obj[])[0])!;

describeWithKubectl('directives that Go honours whatever the schema says (kubectl patch --local)', () => {
  it('the maps below have no retainKeys strategy in their schema', () => {
    const schema = schemaFor('apps/v1', 'Deployment')!;
    expect(strategiesOf(schema, 'metadata', 'labels')).toEqual([]);
    expect(strategiesOf(schema, 'spec')).toEqual([]);
    const containerSchema = schema.field('spec')!.schema.field('template')!.schema.field('spec')!.schema.field('containers')!.schema.items();
    expect(strategiesOf(containerSchema, 'resources')).toEqual([]);
    expect(strategiesOf(containerSchema, 'resources', 'limits')).toEqual([]);
    expect(strategiesOf(schema, 'spec', 'strategy')).toEqual(['retainKeys']);
  }, KUBECTL_TIMEOUT);

  it('$retainKeys clears the unlisted keys of any map: labels, resources.limits, resources, spec, the root', () => {
    const live = deployment({ labels: { a: '1', b: '2', c: '3' } });
    expect((applyBoth(live, { metadata: { labels: { $retainKeys: ['a'] } } }).metadata as Obj).labels).toEqual({ a: '1' });
    expect((applyBoth(live, { metadata: { labels: { $retainKeys: ['a', 'd'], d: '4' } } }).metadata as Obj).labels).toEqual({ a: '1', d: '4' });
    const limits = applyBoth(live, { spec: { template: { spec: { containers: [{ name: 'app', resources: { limits: { $retainKeys: ['cpu'] } } }] } } } });
    expect(container(limits).resources).toEqual({ limits: { cpu: '1' }, requests: { cpu: '500m' } });
    const resources = applyBoth(live, { spec: { template: { spec: { containers: [{ name: 'app', resources: { $retainKeys: ['requests'] } }] } } } });
    expect(container(resources).resources).toEqual({ requests: { cpu: '500m' } });
    expect(applyBoth(live, { spec: { $retainKeys: ['replicas'], replicas: 3 } }).spec).toEqual({ replicas: 3 });
    expect(Object.keys(applyBoth(live, { $retainKeys: ['apiVersion', 'kind', 'metadata'] })).sort()).toEqual(['apiVersion', 'kind', 'metadata']);
  }, KUBECTL_TIMEOUT);

  it('on any map, a key the patch sets must be listed in $retainKeys: both refuse', () => {
    const { stderr, error } = refuseBoth(deployment({ labels: { a: '1' } }), { metadata: { labels: { $retainKeys: ['a'], d: '4' } } });
    expect(stderr).toContain('invalid patch format of retainKeys');
    expect(error.code).toBe('BAD_RETAIN_KEYS_FORMAT');
    expect(error.path).toBe('/metadata/labels');
  }, KUBECTL_TIMEOUT);

  it('$patch: replace or delete on a key the live object lacks stores nothing', () => {
    const live = deployment({ labels: { a: '1' } });
    for (const marker of ['replace', 'delete']) {
      const result = applyBoth(live, { metadata: { annotations: { $patch: marker, x: '1' } } });
      expect(result.metadata).toEqual({ name: 'web', labels: { a: '1' } });
    }
    // deeper: strategy is absent, so the whole new value is stored, minus the map that carries $patch
    const strategy = applyBoth(live, { spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { $patch: 'replace', maxSurge: 1 } } } });
    expect(spec(strategy).strategy).toEqual({ type: 'RollingUpdate' });
    const securityContext = applyBoth(live, { spec: { template: { spec: { containers: [{ name: 'app', securityContext: { $patch: 'replace', runAsUser: 1 } }] } } } });
    expect(container(securityContext)).not.toHaveProperty('securityContext');
  }, KUBECTL_TIMEOUT);

  it('there, even $patch: merge and unknown values are dropped without an error; where the key exists they are refused', () => {
    const live = deployment({ labels: { a: '1' } });
    for (const marker of ['merge', 'bogus']) {
      expect(applyBoth(live, { metadata: { annotations: { $patch: marker, x: '1' } } }).metadata).toEqual({ name: 'web', labels: { a: '1' } });
      const { stderr, error } = refuseBoth(live, { metadata: { labels: { $patch: marker, x: '1' } } });
      expect(stderr).toContain(`unknown patch type: ${marker}`);
      expect(error.code).toBe('UNKNOWN_PATCH_TYPE');
    }
  }, KUBECTL_TIMEOUT);

  it('a key holding another JSON type is deleted by a map with $patch', () => {
    const live: Obj = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, extra: 's', data: { a: 'b' } };
    const patches: Obj[] = [{ extra: { $patch: 'replace', a: 1 } }, { extra: { $patch: 'delete' } }];
    for (const patch of patches) {
      expect(applyBoth(live, patch)).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: { a: 'b' } });
    }
  }, KUBECTL_TIMEOUT);
});

describeWithKubectl('merge lists of maps without a merge key (kubectl patch --local)', () => {
  it('Node spec.podCIDRs has the merge strategy and no merge key', () => {
    const podCIDRs = schemaFor('v1', 'Node')!.field('spec')!.schema.field('podCIDRs')!;
    expect(podCIDRs.meta.patchStrategies).toEqual(['merge']);
    expect(podCIDRs.meta.patchMergeKey).toBeUndefined();
  }, KUBECTL_TIMEOUT);

  it('maps merged into such a list: Go says "cannot merge lists without merge key", kubepatch throws SCHEMA_MISMATCH', () => {
    const cases: [JsonValue, JsonValue][] = [
      [[{ cidr: '10.0.0.0/24' }], [{ cidr: '10.0.1.0/24' }]],
      [[], [{ cidr: '10.0.1.0/24' }]],
      [[{ cidr: '10.0.0.0/24' }], []],
    ];
    for (const [live, patch] of cases) {
      const { stderr, error } = refuseBoth(node(live), { spec: { podCIDRs: patch } });
      expect(stderr).toBe('error: cannot merge lists without merge key for string');
      expect(error.code).toBe('SCHEMA_MISMATCH');
      expect(error.path).toBe('/spec/podCIDRs');
      expect(error.message).toContain('cannot merge lists without merge key for io.k8s.api.core.v1.NodeSpec.podCIDRs[]');
      expect(isKubepatchError(error, 'SCHEMA_MISMATCH')).toBe(true);
    }
  }, KUBECTL_TIMEOUT);

  it('no merge happens, and no error, when the live object lacks the list or both lists are empty', () => {
    expect(spec(applyBoth(node(), { spec: { podCIDRs: [{ cidr: '10.0.1.0/24' }] } }))).toEqual({ podCIDRs: [{ cidr: '10.0.1.0/24' }] });
    expect(spec(applyBoth(node([]), { spec: { podCIDRs: [] } }))).toEqual({ podCIDRs: [] });
  }, KUBECTL_TIMEOUT);
});
