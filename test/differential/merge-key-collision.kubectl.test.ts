// Differential test for item 16 of issue #12: a Service with ports 53/TCP and 53/UDP. Service
// ports merge by `port` alone, so Go's strategic merge patch folds the two into one element: the
// patch kubectl computes (kubectl edit: two-way; kubectl apply: three-way) does not give the
// desired object once applied (kubectl patch --local, Go's merge). The limit is Go's, and kubepatch
// shares it: the patch it carries in its MergeKeyCollisionError is byte for byte kubectl's, and
// applying it gives what kubectl gives. The difference is that kubepatch says so instead of
// returning the patch as if it were right.
//
// Skipped, with the reason in the suite title, when kubectl cannot be run.
import {
  applyStrategicMergePatch,
  createStrategicMergePatch,
  createThreeWayStrategicMergePatch,
  schemaFor,
  type JsonObject,
} from 'kubepatch';
import { expect, it } from 'vitest';
import { frozenCopy } from '../helpers/deepFreeze.js';
import { describeWithKubectl, kubectlApply, kubectlEdit, kubectlPatch, LAST_APPLIED, modifiedConfiguration, type KubectlServerOutcome } from '../helpers/kubectl.js';
import { expectJsonEqual } from '../helpers/oracle.js';
import { thrownKubepatchError } from '../helpers/thrownKubepatchError.js';

type Obj = Record<string, unknown>;
const SMP = 'application/strategic-merge-patch+json';
const schema = schemaFor('v1', 'Service')!;
const tcp = { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 };
const udp = { name: 'dns-udp', port: 53, protocol: 'UDP', targetPort: 53 };
const service = (ports: Obj[]): Obj => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'dns', namespace: 'default' },
  spec: { selector: { app: 'dns' }, ports },
});

const collision = (run: () => unknown) => thrownKubepatchError('MERGE_KEY_COLLISION', run);

/** The strategic merge patch kubectl sent to the fake API server. */
function sentPatch(kubectl: KubectlServerOutcome): JsonObject {
  expect(kubectl.exitCode, kubectl.stderr).toBe(0);
  expect(kubectl.patch?.contentType).toBe(SMP);
  return JSON.parse(kubectl.patch!.body) as JsonObject;
}

/** kubectl's and kubepatch's results of applying `patch` to `object`: the same, and not the desired ports. */
function expectSameFoldedResult(object: Obj, patch: JsonObject, desired: Obj): void {
  const kubectl = kubectlPatch(object, 'strategic', patch);
  if (!kubectl.ok) throw new Error(`kubectl patch --local failed: ${kubectl.stderr}`);
  const ours = applyStrategicMergePatch(frozenCopy(object) as JsonObject, frozenCopy(patch), schema);
  expectJsonEqual(ours, kubectl.result);
  expect((ours.spec as Obj).ports).not.toEqual((desired.spec as Obj).ports);
}

describeWithKubectl('a repeated merge key (Service 53/TCP + 53/UDP): kubectl and kubepatch share the limit, kubepatch flags it', () => {
  it('kubectl edit 53/TCP -> 53/TCP + 53/UDP: same patch, 53/UDP lost on both sides', async () => {
    const original = service([tcp]);
    const edited = service([tcp, udp]);
    const goPatch = sentPatch(await kubectlEdit(original, edited));
    const error = collision(() => createStrategicMergePatch(frozenCopy(original), frozenCopy(edited), schema));
    expect(error).toMatchObject({ code: 'MERGE_KEY_COLLISION', path: '/spec/ports/1', input: 'modified' });
    expectJsonEqual(error.patch, goPatch);
    // What kubectl's patch gives: 53/UDP folded into 53/TCP, then overwritten by it.
    expectSameFoldedResult(original, goPatch, edited);
    expect(kubectlPatch(original, 'strategic', goPatch)).toMatchObject({ ok: true, result: { spec: { ports: [tcp] } } });
  }, 30_000);

  it('kubectl edit swapping 53/TCP and 53/UDP: same patch, two 53/UDP ports on both sides', async () => {
    const original = service([tcp, udp]);
    const edited = service([udp, tcp]);
    const goPatch = sentPatch(await kubectlEdit(original, edited));
    const error = collision(() => createStrategicMergePatch(frozenCopy(original), frozenCopy(edited), schema));
    expectJsonEqual(error.patch, goPatch);
    expectSameFoldedResult(original, goPatch, edited);
    expect(kubectlPatch(original, 'strategic', goPatch)).toMatchObject({ ok: true, result: { spec: { ports: [udp, udp] } } });
  }, 30_000);

  it('kubectl apply of 53/TCP + 53/UDP over a live Service applied with 53/TCP: same patch, 53/UDP lost', async () => {
    const lastManifest = service([tcp]);
    const manifest = service([tcp, udp]);
    const annotation = ((modifiedConfiguration(lastManifest).metadata as Obj).annotations as Obj)[LAST_APPLIED] as string;
    const live: Obj = { ...lastManifest, metadata: { ...(lastManifest.metadata as Obj), uid: 'u1', resourceVersion: '1', annotations: { [LAST_APPLIED]: annotation } } };
    const goPatch = sentPatch(await kubectlApply(manifest, live));
    const error = collision(() =>
      createThreeWayStrategicMergePatch(frozenCopy(JSON.parse(annotation) as Obj), frozenCopy(modifiedConfiguration(manifest)), frozenCopy(live), schema),
    );
    expect(error).toMatchObject({ code: 'MERGE_KEY_COLLISION', path: '/spec/ports/1', input: 'modified' });
    expectJsonEqual(error.patch, goPatch);
    expectSameFoldedResult(live, goPatch, manifest);
  }, 30_000);

  it('no flag where the patch gives the desired object: both ports created at once, or left untouched', async () => {
    const original = service([tcp, udp]);
    const edited = { ...service([tcp, udp]), metadata: { name: 'dns', namespace: 'default', labels: { tier: 'dns' } } };
    const goPatch = sentPatch(await kubectlEdit(original, edited));
    expectJsonEqual(createStrategicMergePatch(frozenCopy(original), frozenCopy(edited), schema), goPatch);
    const kubectl = kubectlPatch(original, 'strategic', goPatch);
    expect(kubectl).toMatchObject({ ok: true, result: { spec: { ports: [tcp, udp] } } });
  }, 30_000);
});
