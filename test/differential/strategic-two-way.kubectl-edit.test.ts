// Differential test: kubepatch's createStrategicMergePatch against the Go reference, the patch
// `kubectl edit` (kubectl 1.32, pkg/cmd/util/editor/editoptions.go) sends for a built-in kind:
// Go's CreateTwoWayMergePatch(original, edited, <compiled-in Go struct>). kubectl talks to the
// loopback fake API server (test/helpers/fakeApiServer.ts), which serves the original; the
// "editor" (KUBE_EDITOR=cp …) replaces it by the edited object; the server records the PATCH.
// Patches are compared as parsed JSON, list order included ($setElementOrder lists too).
//
// The in-place sort quirk explained in strategic-three-way.kubectl-apply.test.ts applies here too:
// Go's diffListsOfScalars sorts the original's `finalizers` before deciding on
// `$setElementOrder/finalizers`, and kubepatch reproduces it; fixed cases pin it.
//
// Skipped, with the reason in the suite title, when kubectl cannot be run.
import fc from 'fast-check';
import { createStrategicMergePatch, isKubepatchError, schemaFor, type JsonObject, type PatchSchema } from 'kubepatch';
import { expect, it } from 'vitest';
import { builtinObject, editOf, type Obj } from '../helpers/builtinObjects.js';
import { frozenCopy } from '../helpers/deepFreeze.js';
import { describeWithKubectl, kubectlEdit, type KubectlServerOutcome } from '../helpers/kubectl.js';
import { expectJsonEqual } from '../helpers/oracle.js';

const SMP = 'application/strategic-merge-patch+json';
const RUNS = 50; // each case runs kubectl edit once (~0.06 s)

function schemaOf(object: Obj): PatchSchema {
  const schema = schemaFor(String(object.apiVersion), String(object.kind));
  if (schema === undefined) throw new Error(`schemaFor has no schema for ${String(object.apiVersion)} ${String(object.kind)}`);
  return schema;
}

/**
 * kubepatch's patch. Where it cannot give `edited` (a repeated merge key), kubepatch refuses it and
 * carries the patch Go computes, which is what kubectl sends (merge-key-collision.kubectl.test.ts
 * checks the refusal).
 */
function ourPatch(original: Obj, edited: Obj): JsonObject {
  try {
    return createStrategicMergePatch(frozenCopy(original), frozenCopy(edited), schemaOf(original));
  } catch (error) {
    if (isKubepatchError(error, 'MERGE_KEY_COLLISION')) return error.patch;
    throw error;
  }
}

/** The patch kubectl edit sent; `{}` when it sent none (it found no change). */
function goPatch(kubectl: KubectlServerOutcome, context: string): unknown {
  const where = `\n${context}\nkubectl exit ${kubectl.exitCode}: ${kubectl.stdout}${kubectl.stderr.slice(0, 2000)}`;
  expect(kubectl.exitCode, `kubectl edit failed${where}`).toBe(0);
  if (kubectl.patch === undefined) {
    expect(kubectl.stdout, where).toContain(' skipped'); // kubectl edit found no change
    return {};
  }
  expect(kubectl.patch.contentType, where).toBe(SMP);
  return JSON.parse(kubectl.patch.body) as unknown;
}

/**
 * Runs kubectl edit and compares the patch it sends with kubepatch's. kubectl edit compares the
 * edited text with the original first and sends nothing when they are the same, so it never
 * shows what CreateTwoWayMergePatch gives for identical objects (which, with unsorted finalizers,
 * is a `$setElementOrder` directive): for those, only the skip is checked.
 */
async function expectSameAsKubectlEdit(original: Obj, edited: Obj): Promise<void> {
  const context = `original: ${JSON.stringify(original)}\nedited: ${JSON.stringify(edited)}`;
  const go = goPatch(await kubectlEdit(original, edited), context);
  if (JSON.stringify(original) === JSON.stringify(edited)) {
    expectJsonEqual(go, {});
    return;
  }
  expectJsonEqual(ourPatch(original, edited), go);
}

const deployment = (spec: Obj, metadata: Obj = {}): Obj => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', ...metadata },
  spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } }, ...spec },
});
const withContainers = (containers: Obj[], spec: Obj = {}) => deployment({ ...spec, template: { metadata: { labels: { app: 'web' } }, spec: { containers } } });

describeWithKubectl('createStrategicMergePatch matches the patch kubectl edit sends', () => {
  const FIXED: { name: string; original: Obj; edited: Obj }[] = [
    {
      name: 'containers reordered, one changed, one removed: $setElementOrder and $patch: delete',
      original: withContainers([{ name: 'a', image: '1' }, { name: 'b', image: '1' }, { name: 'c', image: '1' }]),
      edited: withContainers([{ name: 'c', image: '1' }, { name: 'a', image: '2' }]),
    },
    {
      name: 'strategy RollingUpdate -> Recreate: $retainKeys',
      original: deployment({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } }),
      edited: deployment({ strategy: { type: 'Recreate' } }),
    },
    {
      name: 'finalizers sorted on both sides, one removed, one added',
      original: deployment({}, { finalizers: ['a', 'b', 'c'] }),
      edited: deployment({}, { finalizers: ['a', 'c', 'd'] }),
    },
    {
      name: 'Service ports with a duplicate merge key (53/TCP and 53/UDP) swapped: Go re-sends both',
      original: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'dns', namespace: 'default' }, spec: { ports: [{ port: 53, protocol: 'TCP' }, { port: 53, protocol: 'UDP' }] } },
      edited: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'dns', namespace: 'default' }, spec: { ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }] } },
    },
    {
      name: 'a field set to null',
      original: deployment({ replicas: 2 }),
      edited: deployment({ replicas: null }),
    },
    {
      name: 'nothing changed',
      original: deployment({ replicas: 2 }),
      edited: deployment({ replicas: 2 }),
    },
  ];
  for (const { name, original, edited } of FIXED) {
    it(`fixed case: ${name}`, async () => {
      await expectSameAsKubectlEdit(original, edited);
    }, 30_000);
  }

  // Go sorts the original list in place before deciding on the order directive.
  const sortedInPlace: { name: string; original: Obj; edited: Obj }[] = [
    {
      name: 'finalizers [b, a] unchanged, replicas changed: Go adds $setElementOrder/finalizers: [b, a]',
      original: deployment({ replicas: 1 }, { finalizers: ['b', 'a'] }),
      edited: deployment({ replicas: 2 }, { finalizers: ['b', 'a'] }),
    },
    {
      name: 'finalizers [b, a] reordered to [a, b]: Go sends {} (no reorder)',
      original: deployment({}, { finalizers: ['b', 'a'] }),
      edited: deployment({}, { finalizers: ['a', 'b'] }),
    },
  ];
  for (const { name, original, edited } of sortedInPlace) {
    it(`Go sorts the original list in place: ${name}`, async () => {
      await expectSameAsKubectlEdit(original, edited);
    }, 30_000);
  }

  it('on random objects and random edits', async () => {
    await fc.assert(
      fc.asyncProperty(
        builtinObject.chain((object) => fc.tuple(fc.constant(object), editOf(object))),
        async ([original, edited]) => {
          await expectSameAsKubectlEdit(original, edited);
        },
      ),
      { seed: 4245, numRuns: RUNS },
    );
  }, 180_000);
});
