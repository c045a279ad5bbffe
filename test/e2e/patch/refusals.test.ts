// Against the real API server: a patch the server refuses is one kubepatch refuses, and the
// exceptions are named.
//
// 1. Both refuse: malformed strategic merge patches (a list element without its merge key, in a
//    merge list and in a `$patch: delete` element; `$patch: merge` in a list; an unknown `$patch`
//    on a map; a patch list against its own `$setElementOrder`; a `$retainKeys` without a key the
//    patch sets; a bare `$deleteFromPrimitiveList`) and JSON Patches that cannot apply (a failing
//    `test`, removing a missing member or an index out of range, a `move` from nowhere, an add under
//    a missing parent, an unknown op). The server answers 4xx, or 500 for some strategic merge patch
//    errors (kube-apiserver 1.33 reports "does not contain declared merge key", "unknown patch
//    type", "merging lists cannot yet be specified" and the $setElementOrder mismatch as 500
//    InternalError); kubepatch throws a KubepatchError.
// 2. Refused for their result, not as patches (kept out of 1): a patch that applies, but whose
//    result fails validation (a container without `image`), is 422 Invalid on the server, and
//    kubepatch, which does not validate, applies it; a merge patch that is not an object replaces
//    the document (RFC 7386) in kubepatch, and the server cannot decode the result (400).
// 3. Where the server's JSON Patch departs from RFC 6902 (evanphx/json-patch v4): it lets `replace`
//    of a missing member add it, a `test` of `null` pass on a missing member, and `copy` from a
//    missing member copy null; kubepatch refuses each (PATH_NOT_FOUND / TEST_FAILED), as the RFC says.
import { isKubepatchError, KubepatchError } from 'kubepatch';
import { beforeAll, describe, expect, it } from 'vitest';
import { skipReason, uniqueName } from '../helpers/envtest.js';
import { runCase, type Engine } from '../helpers/patchCompare.js';
import { ALL_KINDS, DEPLOYMENT, type PatchKind } from '../helpers/patchKinds.js';
import type { Obj } from '../helpers/patchPodTemplate.js';
import { Random } from '../helpers/seededRandom.js';
import { createNamespace, serverOk } from '../helpers/serverRequest.js';

const OBJECTS_PER_KIND = 2;

/**
 * The object to create, with what the malformed patches aim at: labels, an ownerReferences list
 * (a merge list keyed by uid) and a `cache` volume. (A patch list meeting no live list is stored as
 * it is, unchecked, by Go and kubepatch alike, so these must exist for the patch to be malformed.)
 */
function withTargets(object: Obj): Obj {
  const metadata = {
    ...object.metadata,
    labels: { ...object.metadata.labels, team: 'refusals' },
    ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: '6f1e2a4c-0000-4000-8000-000000000001' }],
  };
  const podSpec = object.spec?.template?.spec ?? (object.kind === 'Pod' ? object.spec : undefined);
  if (podSpec !== undefined) podSpec.volumes = [...(podSpec.volumes ?? []).filter((v: Obj) => v.name !== 'cache'), { name: 'cache', emptyDir: {} }];
  return { ...object, metadata };
}

/** Strategic merge patches that are malformed whatever the object (built-in kinds). */
function badStrategicPatches(random: Random, object: Obj): Obj[] {
  const finalizer = random.pick(['example.com/x', 'example.com/y']);
  const patches: Obj[] = [
    { metadata: { ownerReferences: [{ name: 'owner', kind: 'ConfigMap' }] } },
    { metadata: { ownerReferences: [{ name: 'owner', $patch: 'delete' }] } },
    { metadata: { ownerReferences: [{ $patch: 'merge' }] } },
    { metadata: { labels: { $patch: random.pick(['merge', 'bogus', 'Replace']) } } },
    { metadata: { $deleteFromPrimitiveList: [finalizer] } },
    { metadata: { '$setElementOrder/finalizers': ['example.com/a', 'example.com/b'], finalizers: ['example.com/b', 'example.com/a'] } },
  ];
  const spec = object.spec?.template?.spec ?? (object.kind === 'Pod' ? object.spec : undefined);
  if (spec !== undefined) {
    const wrap = (podSpec: Obj) => (object.kind === 'Pod' ? { spec: podSpec } : { spec: { template: { spec: podSpec } } });
    const names = (spec.containers as Obj[]).map((c) => c.name);
    patches.push(wrap({ containers: [{ image: 'nginx:1.29' }] }));
    patches.push(wrap({ containers: [{ $patch: 'delete' }] }));
    if (names.length > 1) {
      patches.push(wrap({ '$setElementOrder/containers': names.map((name) => ({ name })), containers: [...names].reverse().map((name) => ({ name, image: 'nginx:1.29' })) }));
    }
    patches.push(wrap({ volumes: [{ name: 'cache', hostPath: { path: '/tmp' }, $retainKeys: ['name'] }] }));
  }
  if (object.kind === 'Deployment') patches.push({ spec: { strategy: { $retainKeys: ['type'], type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } } });
  if (object.kind === 'Service') patches.push({ spec: { ports: [{ name: 'noport', targetPort: 80 }] } });
  return patches;
}

/** JSON Patches that cannot apply to the object. */
function badJsonPatches(random: Random, object: Obj): Obj[][] {
  const name: string = object.metadata.name;
  return [
    [{ op: 'test', path: '/metadata/name', value: `${name}-other` }],
    [{ op: 'add', path: '/metadata/labels', value: { a: 'b' } }, { op: 'test', path: '/metadata/labels/a', value: random.pick(['c', 1, null]) }],
    [{ op: 'remove', path: '/metadata/annotations/example.com~1never-there' }],
    [{ op: 'remove', path: `/metadata/finalizers/${(object.metadata.finalizers ?? []).length + random.int(3)}` }],
    [{ op: 'move', from: '/metadata/labels/never-there', path: '/metadata/labels/moved' }],
    [{ op: 'add', path: '/metadata/missing-parent/child', value: 1 }],
    [{ op: random.pick(['bogus', 'merge']), path: '/metadata/labels', value: {} }],
  ];
}

describe.skipIf(skipReason)('patches the real API server refuses, kubepatch refuses', () => {
  const namespace = uniqueName('patch-refusals');
  beforeAll(() => createNamespace(namespace));

  async function refusedByBoth(kind: PatchKind, engine: Engine, object: Obj, patch: unknown): Promise<string | undefined> {
    const outcome = await runCase(kind, namespace, object, engine, patch);
    const thrown = 'error' in outcome.kubepatch ? outcome.kubepatch.error : undefined;
    if (outcome.statusCode >= 400 && thrown instanceof KubepatchError) return undefined;
    const kubepatchSays = thrown === undefined ? 'applied' : `threw ${String(thrown)}`;
    return `${kind.kind} ${engine} ${JSON.stringify(patch)}: server ${outcome.statusCode} ${outcome.server?.message ?? ''}, kubepatch ${kubepatchSays}`;
  }

  it.each(ALL_KINDS.map((kind) => [kind.kind, kind] as const))('%s: malformed patches are refused by both', async (_name, kind) => {
    const failures: string[] = [];
    let cases = 0;
    for (let i = 0; i < OBJECTS_PER_KIND; i++) {
      const random = Random.forLabel(`refusals-${kind.kind}-${i}`);
      const object: Obj = await serverOk('POST', kind.collection(namespace), withTargets(kind.create(random, `refusals-${kind.kind.toLowerCase()}-${i}`)));
      const cases_: [Engine, unknown][] = [
        ...(kind.strategic ? badStrategicPatches(random, object).map((p): [Engine, unknown] => ['strategic', p]) : []),
        ...badJsonPatches(random, object).map((p): [Engine, unknown] => ['json', p]),
      ];
      const results = await Promise.all(cases_.map(([engine, patch]) => refusedByBoth(kind, engine, object, patch)));
      cases += results.length;
      failures.push(...results.filter((r): r is string => r !== undefined));
    }
    expect(failures, `${failures.length} of ${cases} cases`).toEqual([]);
    expect(cases).toBeGreaterThanOrEqual(OBJECTS_PER_KIND * 7);
  });

  it('the Rollout takes no strategic merge patch: 415 Unsupported Media Type', async () => {
    const rollout = ALL_KINDS.find((k) => k.kind === 'Rollout')!;
    const object: Obj = await serverOk('POST', rollout.collection(namespace), rollout.create(Random.forLabel('refusals-rollout-415'), 'rollout-415'));
    const outcome = await runCase(rollout, namespace, object, 'strategic', { spec: { replicas: 2 } });
    expect(outcome.statusCode).toBe(415);
  });

  describe('refused for their result, which kubepatch does not validate (not in the set above)', () => {
    it('a container without image: the server answers 422 Invalid naming the field; kubepatch applies the patch', async () => {
      const object: Obj = await serverOk('POST', DEPLOYMENT.collection(namespace), DEPLOYMENT.create(Random.forLabel('refusals-invalid'), 'invalid-result'));
      const name = object.spec.template.spec.containers[0].name;
      for (const [engine, patch] of [
        ['strategic', { spec: { template: { spec: { containers: [{ name, image: null }] } } } }],
        ['json', [{ op: 'remove', path: '/spec/template/spec/containers/0/image' }]],
      ] as const) {
        const outcome = await runCase(DEPLOYMENT, namespace, object, engine, patch);
        expect(outcome.statusCode).toBe(422);
        expect(outcome.server.reason).toBe('Invalid');
        expect(outcome.server.details.causes).toContainEqual(expect.objectContaining({ field: 'spec.template.spec.containers[0].image', reason: 'FieldValueRequired' }));
        expect('result' in outcome.kubepatch && outcome.kubepatch.result.spec.template.spec.containers[0].image).toBe(undefined);
      }
    });

    it('a merge patch that is not an object: kubepatch returns it (RFC 7386), the server cannot decode it (400)', async () => {
      const object: Obj = await serverOk('POST', DEPLOYMENT.collection(namespace), DEPLOYMENT.create(Random.forLabel('refusals-array'), 'array-patch'));
      const outcome = await runCase(DEPLOYMENT, namespace, object, 'merge', ['not', 'an', 'object']);
      expect(outcome.statusCode).toBe(400);
      expect(outcome.kubepatch).toEqual({ result: ['not', 'an', 'object'] });
    });
  });

  describe('where the server departs from RFC 6902 and kubepatch does not', () => {
    const deviations: [string, Obj[], string, (stored: Obj, result: Obj) => void][] = [
      ['replace of a missing member adds it', [{ op: 'replace', path: '/metadata/annotations/added', value: 'x' }], 'PATH_NOT_FOUND', (_s, r) => expect(r.metadata.annotations.added).toBe('x')],
      ['test of null passes on a missing member', [{ op: 'test', path: '/metadata/annotations/absent', value: null }], 'TEST_FAILED', (s, r) => expect(r.metadata.annotations).toEqual(s.metadata.annotations)],
      ['copy from a missing member copies null (stored as "")', [{ op: 'copy', from: '/metadata/annotations/absent', path: '/metadata/annotations/copy' }], 'PATH_NOT_FOUND', (_s, r) => expect(r.metadata.annotations.copy).toBe('')],
    ];
    it.each(deviations)('%s', async (_title, patch, code, serverResult) => {
      const kind = ALL_KINDS.find((k) => k.kind === 'ConfigMap')!;
      const name = uniqueName('deviation');
      const object: Obj = await serverOk('POST', kind.collection(namespace), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, annotations: { note: 'x' } } });
      const outcome = await runCase(kind, namespace, object, 'json', patch);
      expect(outcome.statusCode).toBe(200);
      serverResult(object, outcome.server);
      expect('error' in outcome.kubepatch && isKubepatchError(outcome.kubepatch.error) && outcome.kubepatch.error.code).toBe(code);
    });
  });
});
