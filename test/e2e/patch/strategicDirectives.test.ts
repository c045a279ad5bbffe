// Differential test against the real API server: hand-made strategic merge patches with directives.
//
// Seeded random objects of the built-in kinds (Deployment, StatefulSet, DaemonSet, ConfigMap,
// Service, Pod, Job) are created and read back (S). Each step sends random directive-bearing patches
// as dry runs: `$patch: delete` / `replace` on maps and keyed-list elements, `$setElementOrder`
// (with elements the result lacks, too), `$deleteFromPrimitiveList/finalizers` (of values that are
// not there, too), `$retainKeys` on a Deployment's strategy and on volumes switching their source,
// keyed-list additions, changes, deletions (of absent elements, too) and reorders of containers,
// env, ports, volumes and Service ports, and nulls. The result the server would store must equal
// `applyStrategicMergePatch(S, P, schemaFor(kind))`, server-owned fields aside; one patch per step
// is stored for real and its result is the next S.
//
// Restriction: the patches give objects the server accepts and to which its defaulting adds
// nothing (helpers/patchDirectives.ts); empty maps and lists count as absent.
import { beforeAll, describe, expect, it } from 'vitest';
import { skipReason, uniqueName } from '../helpers/envtest.js';
import { runChains } from '../helpers/patchChain.js';
import { directivePatch } from '../helpers/patchDirectives.js';
import { BUILTIN_KINDS } from '../helpers/patchKinds.js';
import { createNamespace } from '../helpers/serverRequest.js';

const CHAINS_PER_KIND = 4;
const STEPS_PER_CHAIN = 6;
const PATCHES_PER_STEP = 3;

describe.skipIf(skipReason)('strategic merge patches with directives, applied by the real API server and by kubepatch', () => {
  const namespace = uniqueName('patch-directives');
  beforeAll(() => createNamespace(namespace));

  it.each(BUILTIN_KINDS.map((kind) => [kind.kind, kind] as const))('%s', async (_name, kind) => {
    const { cases, failures } = await runChains(CHAINS_PER_KIND, (i) => ({
      kind,
      namespace,
      label: `directives-${kind.kind}-${i}`,
      steps: STEPS_PER_CHAIN,
      patches: (random, stored) => Array.from({ length: PATCHES_PER_STEP }, () => ({ engine: 'strategic' as const, patch: directivePatch(random, stored) })),
    }));
    expect(failures.slice(0, 3).join('\n\n'), `${failures.length} of ${cases} cases disagree`).toBe('');
    expect(cases).toBe(CHAINS_PER_KIND * STEPS_PER_CHAIN * PATCHES_PER_STEP);
  });
});
