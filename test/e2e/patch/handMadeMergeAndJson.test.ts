// Differential test against the real API server: hand-made JSON merge patches and JSON Patches.
//
// For every kind (Deployment, StatefulSet, DaemonSet, ConfigMap, Service, Pod, Job and the Argo
// Rollout), seeded random objects are created and read back (S); each step sends hand-made merge
// patches (nulls on present and absent keys, nulls inside arrays that the server drops, whole lists
// replaced) and JSON Patches (add, remove, replace, move, copy, test; `-` and `~1` tokens) as dry
// runs. The result the server would store must equal `applyMergePatch(S, P)` or
// `applyJsonPatch(S, P)`, server-owned fields aside; one patch per step is stored for real.
//
// Restriction: the patches give objects the server accepts and to which its defaulting adds
// nothing (helpers/patchHandMade.ts); empty maps and lists count as absent.
import { beforeAll, describe, expect, it } from 'vitest';
import { skipReason, uniqueName } from '../helpers/envtest.js';
import { runChains } from '../helpers/patchChain.js';
import { handMadeJsonPatch, handMadeMergePatch } from '../helpers/patchHandMade.js';
import { ALL_KINDS } from '../helpers/patchKinds.js';
import { createNamespace } from '../helpers/serverRequest.js';

const CHAINS_PER_KIND = 3;
const STEPS_PER_CHAIN = 5;

describe.skipIf(skipReason)('hand-made merge patches and JSON Patches, applied by the real API server and by kubepatch', () => {
  const namespace = uniqueName('patch-handmade');
  beforeAll(() => createNamespace(namespace));

  it.each(ALL_KINDS.map((kind) => [kind.kind, kind] as const))('%s', async (_name, kind) => {
    const { cases, quirks, failures } = await runChains(CHAINS_PER_KIND, (i) => ({
      kind,
      namespace,
      label: `handmade-${kind.kind}-${i}`,
      steps: STEPS_PER_CHAIN,
      patches: (random, stored) => [
        { engine: 'merge' as const, patch: handMadeMergePatch(random, stored) },
        { engine: 'json' as const, patch: handMadeJsonPatch(random, stored) },
        { engine: 'json' as const, patch: handMadeJsonPatch(random, stored) },
      ],
    }));
    expect(failures.slice(0, 3).join('\n\n'), `${failures.length} of ${cases} cases disagree`).toBe('');
    expect(cases + quirks).toBe(CHAINS_PER_KIND * STEPS_PER_CHAIN * 3);
  });
});
