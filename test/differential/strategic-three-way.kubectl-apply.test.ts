// Differential test: kubepatch's createThreeWayStrategicMergePatch against the Go reference, the
// patch client-side `kubectl apply` (kubectl 1.32, pkg/cmd/apply/patcher.go) sends for a built-in
// kind. kubectl talks to a loopback fake API server (test/helpers/fakeApiServer.ts) that serves
// discovery, the live object (carrying the last-applied annotation) and 404 for /openapi/v2 and
// /openapi/v3, so kubectl computes Go's CreateThreeWayMergePatch with its compiled-in structs, and
// records the PATCH body. kubepatch gets the same three documents kubectl uses:
//
// - original: the live object's `kubectl.kubernetes.io/last-applied-configuration`, parsed;
// - modified: util.GetModifiedConfiguration of the manifest (`modifiedConfiguration` in
//   test/helpers/kubectl.ts): the manifest whose last-applied annotation is its own Go encoding;
// - current: the live object as served.
//
// The patches are compared as parsed JSON, list order included ($setElementOrder lists too).
// Skipped, with the reason in the suite title, when kubectl cannot be run.
import fc from 'fast-check';
import { createThreeWayStrategicMergePatch, isKubepatchError, PatchConflictError, schemaFor, type JsonObject, type PatchSchema } from 'kubepatch';
import { expect, it } from 'vitest';
import { builtinObject, editOf, serverFields, type Obj } from '../helpers/builtinObjects.js';
import { frozenCopy } from '../helpers/deepFreeze.js';
import { describeWithKubectl, kubectlApply, kubectlClientVersion, LAST_APPLIED, modifiedConfiguration, type KubectlApplyOutcome } from '../helpers/kubectl.js';
import { expectJsonEqual } from '../helpers/oracle.js';

const SMP = 'application/strategic-merge-patch+json';
const RUNS = 80; // each case runs kubectl apply once (~0.06–0.1 s)
const CONFLICT = 'conflicts with changes made from original to current';
const PATCH_FAILED = 'creating patch with:'; // kubectl's wrapper around an error of CreateThreeWayMergePatch
const UNKNOWN_DELETE_LIST = /unable to find api field in struct \w+ for the json field "\$deleteFromPrimitiveList\//;

function schemaOf(object: Obj): PatchSchema {
  const schema = schemaFor(String(object.apiVersion), String(object.kind));
  if (schema === undefined) throw new Error(`schemaFor has no schema for ${String(object.apiVersion)} ${String(object.kind)}`);
  return schema;
}

const metadataOf = (object: Obj): Obj => (object.metadata ?? {}) as Obj;

/** The live object after `kubectl apply` of `lastManifest`, then changed by others into `live`. */
function liveObject(lastManifest: Obj, live: Obj, options: { annotated: boolean; generation: number }): Obj {
  const served = serverFields(live, options.generation);
  const metadata = metadataOf(served);
  const { [LAST_APPLIED]: _, ...annotations } = (metadata.annotations ?? {}) as Obj;
  if (options.annotated) annotations[LAST_APPLIED] = String((metadataOf(modifiedConfiguration(lastManifest)).annotations as Obj)[LAST_APPLIED]);
  const { annotations: __, ...rest } = metadata;
  return { ...served, metadata: Object.keys(annotations).length > 0 ? { ...rest, annotations } : rest };
}

// A Go quirk kubepatch reproduces (found by this suite): Go's diffListsOfScalars sorts the
// *original* list in place, and diffLists then decides whether to emit `$setElementOrder/<field>`
// with `!reflect.DeepEqual(original, modified)`, against the sorted original. So for a merge list
// of scalars (`metadata.finalizers`):
// - equal but unsorted lists (live [b, a], manifest [b, a]) get `$setElementOrder/finalizers: [b, a]`;
// - a reorder into sorted order (live [b, a], manifest [a, b]) gets none, and the live order stays.
/** What kubepatch computes from the documents kubectl works with, or the error it throws. */
function ourPatch(manifest: Obj, live: Obj, overwrite: boolean): JsonObject | Error {
  const text = (metadataOf(live).annotations as Obj | undefined)?.[LAST_APPLIED];
  const original = typeof text === 'string' ? (JSON.parse(text) as Obj) : undefined; // no annotation: Go's original is nil
  try {
    return createThreeWayStrategicMergePatch(
      frozenCopy(original),
      frozenCopy(modifiedConfiguration(manifest)),
      frozenCopy(live),
      schemaOf(manifest),
      { overwrite },
    );
  } catch (error) {
    // kubepatch refuses a patch that cannot give `modified` (a repeated merge key), and carries the
    // patch Go computes: that is what kubectl sends (merge-key-collision.kubectl.test.ts checks the refusal).
    if (isKubepatchError(error, 'MERGE_KEY_COLLISION')) return error.patch;
    return error as Error;
  }
}

/** kubectl's patch (or its conflict) and kubepatch's are the same. */
function expectSamePatch(kubectl: KubectlApplyOutcome, ours: JsonObject | Error, context: string): void {
  const where = `\n${context}\nkubectl exit ${kubectl.exitCode}: ${kubectl.stdout}${kubectl.stderr.slice(0, 2000)}`;
  if (kubectl.exitCode !== 0) {
    const gave = String(ours instanceof Error ? ours : JSON.stringify(ours));
    expect(kubectl.stderr, `kubectl apply failed other than in computing the patch${where}`).toContain(PATCH_FAILED);
    // With --overwrite=false, a patch holding `$deleteFromPrimitiveList/finalizers` makes Go's
    // MergingMapsHaveConflicts look that key up as a field of ObjectMeta and fail. Go walks the
    // maps in random order, so when the patch also conflicts, the same input gives the conflict
    // on some runs and the lookup error on others (measured: 16 and 24 of 40). Either is Go.
    const goRandomOrder = (error: unknown) => isKubepatchError(error, 'UNKNOWN_FIELD') && error.message.includes('$deleteFromPrimitiveList/');
    if (kubectl.stderr.includes(CONFLICT)) {
      const ok = ours instanceof PatchConflictError || goRandomOrder(ours);
      expect(ok, `kubepatch must throw PatchConflictError where kubectl reports a conflict; it gave ${gave}${where}`).toBe(true);
      return;
    }
    // CreateThreeWayMergePatch itself failed (e.g. the lookup above, without a conflict): kubepatch must fail too.
    const ok = (isKubepatchError(ours) && !(ours instanceof PatchConflictError)) || (ours instanceof PatchConflictError && UNKNOWN_DELETE_LIST.test(kubectl.stderr));
    expect(ok, `kubepatch must throw where Go fails to compute the patch; it gave ${gave}${where}`).toBe(true);
    return;
  }
  if (ours instanceof Error) throw new Error(`kubepatch threw (${String(ours)}) where kubectl sent a patch${where}\nkubectl patch: ${kubectl.patch?.body}`);
  if (kubectl.patch === undefined) {
    expect(kubectl.stdout, where).toContain('unchanged');
    expectJsonEqual(ours, {});
    return;
  }
  expect(kubectl.patch.contentType, where).toBe(SMP);
  expectJsonEqual(ours, JSON.parse(kubectl.patch.body));
}

/** Runs kubectl apply and compares its patch (or its failure) with kubepatch's. */
async function expectSameAsKubectlApply(manifest: Obj, live: Obj, overwrite = true): Promise<KubectlApplyOutcome> {
  const kubectl = await kubectlApply(manifest, live, overwrite ? {} : { overwrite: false });
  const context = `manifest: ${JSON.stringify(manifest)}\nlive: ${JSON.stringify(live)}\noverwrite: ${overwrite}`;
  expectSamePatch(kubectl, ourPatch(manifest, live, overwrite), context);
  return kubectl;
}

const deployment = (spec: Obj, metadata: Obj = {}): Obj => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', ...metadata },
  spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } }, ...spec },
});

const port = (number: number, protocol: string, extra: Obj = {}): Obj => ({ port: number, protocol, name: `${protocol.toLowerCase()}-${number}`, ...extra });
const service = (ports: Obj[]): Obj => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'dns', namespace: 'default' }, spec: { ports } });
const configMap = (annotations: Obj, data: Obj): Obj => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'default', annotations }, data });
const dryRunDeployment = (spec: Obj = {}): Obj => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { creationTimestamp: null, labels: { app: 'web' }, name: 'web', namespace: 'default' },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: 'web' } },
    strategy: {},
    template: { metadata: { creationTimestamp: null, labels: { app: 'web' } }, spec: { containers: [{ image: 'nginx', name: 'nginx', resources: {} }] } },
    ...spec,
  },
  status: {},
});

describeWithKubectl('createThreeWayStrategicMergePatch matches the patch kubectl apply sends', () => {
  it('kubectl takes the baked-in Go structs when the server has no OpenAPI (the fake server works)', async () => {
    const last = deployment({ replicas: 1 });
    const kubectl = await expectSameAsKubectlApply(deployment({ replicas: 2 }), liveObject(last, last, { annotated: true, generation: 1 }));
    const seen = kubectl.requests.map((r) => `${r.method} ${r.url.split('?')[0]} ${r.status}`);
    // The patcher asks for OpenAPI v3, then v2, gets 404 for both, and still sends a strategic
    // merge patch: only scheme.Scheme (the compiled-in structs) is left to give it one.
    expect(seen).toEqual([
      'GET /version 200',
      'GET /api 200',
      'GET /apis 200',
      expect.stringMatching(/^GET \/api(s\/apps)?\/v1 200$/),
      expect.stringMatching(/^GET \/api(s\/apps)?\/v1 200$/),
      'GET /apis/apps/v1/namespaces/default/deployments/web 200',
      'GET /openapi/v3 404',
      'GET /openapi/v2 404',
      'PATCH /apis/apps/v1/namespaces/default/deployments/web 200',
    ]);
    expect(kubectl.patch?.contentType).toBe(SMP);
    expect(kubectl.patch?.url).toContain('fieldManager=kubectl-client-side-apply');
    const verbose = await kubectlApply(deployment({ replicas: 2 }), liveObject(last, last, { annotated: true, generation: 1 }), { extraArgs: ['-v=5'] });
    expect(verbose.stderr).toContain('OpenAPI V3 path does not exist - group: apps, version v1, kind Deployment');
  }, 30_000);

  it('the server reports the kubectl client version (the gcloud kubectl dispatcher picks its binary by it)', async () => {
    const kubectl = await kubectlApply(deployment({}), undefined, { extraArgs: ['--dry-run=server'] });
    expect(kubectl.requests[0]).toMatchObject({ method: 'GET', url: '/version?timeout=5s', status: 200 });
    expect(kubectlClientVersion()).toMatch(/^v1\.\d+\.\d+$/);
  }, 30_000);

  // kubectl creates an object the server does not have, sending `modified` whole: the check that
  // modifiedConfiguration (the `modified` we give kubepatch) is byte for byte what kubectl builds.
  for (const [name, manifest] of [
    ['without annotations ("annotations":{} appears)', deployment({ replicas: 2 }, { labels: { note: '<a&b> \u2028' } })],
    ['with annotations', deployment({}, { annotations: { 'example.com/rev': '1', [LAST_APPLIED]: 'stale' } })],
    ['with integer-like and non-ASCII keys (Go sorts keys by bytes)', deployment({}, { labels: { '10': 'a', '9': 'b', 'B': 'c', 'a': 'd', 'é': 'e' } })],
  ] as const) {
    it(`modifiedConfiguration is what kubectl apply sends on create, ${name}`, async () => {
      const kubectl = await kubectlApply(manifest, undefined);
      const created = kubectl.requests.find((r) => r.method === 'POST');
      expect(created, kubectl.stderr).toBeDefined();
      expectJsonEqual(JSON.parse(created!.body), modifiedConfiguration(manifest));
    }, 30_000);
  }

  const FIXED: { name: string; last: Obj; manifest: Obj; live?: Obj; annotated?: boolean; overwrite?: boolean; fails?: boolean }[] = [
    {
      name: 'strategy RollingUpdate -> Recreate: $retainKeys and rollingUpdate: null',
      last: deployment({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } }),
      manifest: deployment({ strategy: { type: 'Recreate' } }),
    },
    {
      name: 'a sidecar injected on the live object survives; a container removed from the manifest is deleted',
      last: deployment({ template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'a:1' }, { name: 'old', image: 'o:1' }] } } }),
      manifest: deployment({ template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'a:2' }] } } }),
      live: deployment({
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'a:1' }, { name: 'old', image: 'o:1' }, { name: 'istio-proxy', image: 'proxy' }] } },
      }),
    },
    {
      name: 'the live object has no last-applied annotation',
      last: deployment({ replicas: 1 }, { labels: { a: 'b' } }),
      manifest: deployment({ replicas: 3 }),
      annotated: false,
    },
    {
      name: '--overwrite=false and replicas changed on the live object: a conflict',
      last: deployment({ replicas: 1 }),
      manifest: deployment({ replicas: 3 }),
      live: deployment({ replicas: 5 }),
      overwrite: false,
      fails: true,
    },
    {
      name: '--overwrite=false, a finalizer removed here and on the live object: both fail looking up $deleteFromPrimitiveList/finalizers as a field',
      last: deployment({}, { finalizers: ['x'] }),
      manifest: deployment({}, { finalizers: [] }),
      live: deployment({}, { finalizers: [] }),
      overwrite: false,
      fails: true,
    },
    {
      name: '--overwrite=false, the same plus a conflicting label: Go fails by conflict or by lookup, in random map order',
      last: deployment({}, { finalizers: ['x'], labels: { a: '1' } }),
      manifest: deployment({}, { finalizers: [], labels: { a: '2' } }),
      live: deployment({}, { finalizers: [], labels: { a: '3' } }),
      overwrite: false,
      fails: true,
    },
    {
      name: 'Service ports with a duplicate merge key (53/TCP and 53/UDP): Go merges on port alone',
      last: service([port(53, 'TCP'), port(53, 'UDP')]),
      manifest: service([port(53, 'TCP'), port(53, 'UDP', { targetPort: 5353 }), port(80, 'TCP')]),
    },
    {
      name: 'Service ports: 53/UDP dropped from the manifest (Go deletes by port: both 53s)',
      last: service([port(53, 'TCP'), port(53, 'UDP')]),
      manifest: service([port(53, 'TCP')]),
    },
    {
      name: 'a `kubectl create --dry-run -o yaml` manifest: creationTimestamp: null, strategy: {}, resources: {}, status: {}',
      last: dryRunDeployment(),
      manifest: dryRunDeployment({ replicas: 2 }),
      live: { ...dryRunDeployment(), metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } }, spec: { ...(dryRunDeployment().spec as Obj), strategy: { type: 'RollingUpdate' } } },
    },
    {
      name: 'non-ASCII keys and values, and U+2028 in a key (Go escapes it in the annotation)',
      last: configMap({ 'é': 'ü', 'a\u2029': 'q' }, { 'ключ': 'ü' }),
      manifest: configMap({ 'é': 'ö<😀', 'a\u2029': 'q' }, { 'ключ': 'ö' }),
    },
    {
      name: 'finalizers and volumes reordered and switched',
      last: deployment(
        { template: { metadata: {}, spec: { containers: [{ name: 'app', image: 'a' }], volumes: [{ name: 'a', emptyDir: {} }, { name: 'b', secret: { secretName: 's' } }] } } },
        { finalizers: ['x', 'y', 'z'] },
      ),
      manifest: deployment(
        { template: { metadata: {}, spec: { containers: [{ name: 'app', image: 'a' }], volumes: [{ name: 'b', secret: { secretName: 's' } }, { name: 'a', configMap: { name: 'cm' } }] } } },
        { finalizers: ['z', 'x', 'w'] },
      ),
    },
  ];

  for (const { name, last, manifest, live, annotated, overwrite, fails } of FIXED) {
    it(`fixed case: ${name}`, async () => {
      const served = liveObject(last, live ?? last, { annotated: annotated ?? true, generation: 2 });
      const kubectl = await expectSameAsKubectlApply(manifest, served, overwrite ?? true);
      expect(kubectl.exitCode !== 0).toBe(fails ?? false);
    }, 30_000);
  }

  // The in-place sort quirk described above, pinned with what kubectl sends.
  const finalizersOnly = (finalizers: string[], spec: Obj = {}) => deployment(spec, { finalizers });
  const sortedInPlace: { name: string; last: Obj; manifest: Obj; goSends: Obj }[] = [
    {
      name: 'equal unsorted finalizers [b, a]: Go sends $setElementOrder/finalizers',
      last: finalizersOnly(['b', 'a'], { replicas: 1 }),
      manifest: finalizersOnly(['b', 'a'], { replicas: 2 }),
      goSends: { $setElementOrder: ['b', 'a'] },
    },
    {
      name: 'finalizers [b, a] reordered to [a, b]: Go sends no order (the live order stays)',
      last: finalizersOnly(['b', 'a']),
      manifest: finalizersOnly(['a', 'b']),
      goSends: {},
    },
  ];
  for (const { name, last, manifest, goSends } of sortedInPlace) {
    it(`Go sorts the original list in place: ${name}`, async () => {
      const served = liveObject(last, last, { annotated: true, generation: 2 });
      const kubectl = await kubectlApply(manifest, served);
      const go = JSON.parse(kubectl.patch!.body) as { metadata: Obj };
      const order = go.metadata['$setElementOrder/finalizers'];
      expect(order === undefined ? {} : { $setElementOrder: order }).toEqual(goSends);
      expectJsonEqual(ourPatch(manifest, served, true), go);
    }, 30_000);
  }

  it('on random objects, edits of the manifest and changes made on the live object', async () => {
    const outcomes = { patched: 0, unchanged: 0, conflicts: 0 };
    const plain = { noNullPrototype: true };
    const cases = builtinObject.chain((last) =>
      fc.record(
        {
          last: fc.constant(last),
          manifest: editOf(last),
          live: fc.oneof({ weight: 1, arbitrary: fc.constant(last) }, { weight: 2, arbitrary: editOf(last) }),
          annotated: fc.nat(7).map((n) => n !== 0), // the live object lacks the annotation one time in eight
          overwrite: fc.nat(3).map((n) => n !== 0), // --overwrite=false one time in four
          generation: fc.integer({ min: 1, max: 9 }),
        },
        plain,
      ),
    );
    await fc.assert(
      fc.asyncProperty(cases, async ({ last, manifest, live, annotated, overwrite, generation }) => {
        const kubectl = await expectSameAsKubectlApply(manifest, liveObject(last, live, { annotated, generation }), overwrite);
        if (kubectl.exitCode !== 0) outcomes.conflicts++;
        else if (kubectl.patch === undefined) outcomes.unchanged++;
        else outcomes.patched++;
      }),
      { seed: 4244, numRuns: RUNS },
    );
    // The generator must exercise the interesting outcomes, not just one.
    expect(outcomes.patched, JSON.stringify(outcomes)).toBeGreaterThan(RUNS / 2);
    expect(outcomes.conflicts, JSON.stringify(outcomes)).toBeGreaterThan(0);
  }, 180_000);
});
