// Differential test against the real API server: patches that kubepatch computes from random edits.
//
// For each kind (Deployment, StatefulSet, DaemonSet, ConfigMap, Service, Pod, Job and the Argo
// Rollout), seeded random objects are created on the server and read back as it stored them (S,
// with its defaults). Then, step by step, a random valid edit M of S is turned into a patch by
// createStrategicMergePatch (not for the Rollout: the server answers 415), createMergePatch and
// createJsonPatch (with the kind's schema or without it, with `guard` or without). Each patch is
// sent as a dry-run PATCH, and the result the server would store must equal kubepatch's apply of
// the same patch to S, server-owned fields aside (metadata.resourceVersion, uid, generation,
// creationTimestamp, managedFields, status); kubepatch's result must also be M. One of the
// patches is then sent for real, and what the server stored is the S of the next step.
//
// Restriction: edits are ones whose result the server accepts and to which its defaulting adds
// nothing (new containers, ports and env vars carry every defaulted field already, no defaulted
// field is removed, no omitempty field is set to its zero value; see helpers/patchPodTemplate.ts),
// because the server re-defaults every object it stores after applying the patch. Empty maps and
// lists are not told apart from absent ones (see helpers/patchCompare.ts).
//
// Classified apart: a JSON Patch `test` of a string holding `<`, `>` or `&` fails on the server
// (evanphx/json-patch v4 compares raw JSON text, and the server's encoding escapes those
// characters); kubepatch compares values as RFC 6902 says (helpers/patchCompare.ts serverTestQuirk).
import { createJsonPatch, createMergePatch, createStrategicMergePatch, type JsonValue } from 'kubepatch';
import { beforeAll, describe, expect, it } from 'vitest';
import { skipReason, uniqueName } from '../helpers/envtest.js';
import { runChains, type StepPatch } from '../helpers/patchChain.js';
import { comparable, sortKeys, type CaseOutcome, type Engine } from '../helpers/patchCompare.js';
import { ALL_KINDS, type PatchKind } from '../helpers/patchKinds.js';
import type { Obj } from '../helpers/patchPodTemplate.js';
import type { Random } from '../helpers/seededRandom.js';
import { createNamespace } from '../helpers/serverRequest.js';

const CHAINS_PER_KIND = 6;
const STEPS_PER_CHAIN = 8;

/**
 * The object as the round trip "apply(S, create(S, M)) is M" can promise it. Go's two-way strategic
 * patch (and kubepatch's, which follows it) writes no `$setElementOrder/finalizers` when the new
 * order of a merge list of scalars is the sorted order of the old one (Go compares the modified
 * list with the original after sorting the latter in place), so finalizers compare as a set there.
 */
function roundTripView(engine: Engine, object: Obj): string {
  const view = comparable(object);
  if (engine === 'strategic' && Array.isArray(view.metadata?.finalizers)) view.metadata.finalizers = [...view.metadata.finalizers].sort();
  return JSON.stringify(sortKeys(view));
}

/** kubepatch's result is the edit. */
const isTheEdit = (engine: Engine, edited: Obj) => (outcome: CaseOutcome) =>
  'result' in outcome.kubepatch && roundTripView(engine, outcome.kubepatch.result) !== roundTripView(engine, edited)
    ? `kubepatch's result is not the edit ${roundTripView(engine, edited)}`
    : undefined;

/** The patches of a random edit of `stored`, one per engine the kind takes. */
function computedPatches(random: Random, kind: PatchKind, stored: Obj): StepPatch[] {
  const edited = kind.edit(random, stored);
  const [a, b] = [stored as JsonValue, edited as JsonValue];
  const jsonOptions = random.pick([{}, { schema: kind.schema }, { schema: kind.schema, guard: true }, { guard: true }]);
  const patches: [Engine, unknown][] = [
    ['merge', createMergePatch(a, b)],
    ['json', createJsonPatch(a, b, jsonOptions)],
  ];
  if (kind.strategic) patches.unshift(['strategic', createStrategicMergePatch(a, b, kind.schema)]);
  return patches.map(([engine, patch]) => ({ engine, patch, check: isTheEdit(engine, edited) }));
}

describe.skipIf(skipReason)('patches kubepatch computes from random edits, applied by the real API server and by kubepatch', () => {
  const namespace = uniqueName('patch-computed');
  beforeAll(() => createNamespace(namespace));

  it.each(ALL_KINDS.map((kind) => [kind.kind, kind] as const))('%s', async (_name, kind) => {
    const { cases, quirks, failures } = await runChains(CHAINS_PER_KIND, (i) => ({
      kind,
      namespace,
      label: `computed-${kind.kind}-${i}`,
      steps: STEPS_PER_CHAIN,
      patches: (random, stored) => computedPatches(random, kind, stored),
    }));
    expect(failures.slice(0, 3).join('\n\n'), `${failures.length} of ${cases} cases disagree`).toBe('');
    // JSON Patches whose `test` holds `<`, `>` or `&`, which the server fails (serverTestQuirk), are counted apart.
    expect(cases + quirks).toBe(CHAINS_PER_KIND * STEPS_PER_CHAIN * (kind.strategic ? 3 : 2));
    expect(quirks).toBeLessThan(cases / 10);
  });
});
