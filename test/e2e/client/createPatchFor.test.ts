import { beforeAll, describe, expect, it } from 'vitest';
import { createPatchFor, PATCH_CONTENT_TYPES } from 'kubepatch';
import { sendPatch } from 'kubepatch/client';
import { adminKubeConfig, skipReason } from '../helpers/envtest.js';
import { KIND_CASES } from '../helpers/clientKindCases.js';
import {
  clientNamespace,
  createRaw,
  readStored,
  ROLLOUTS,
  rolloutManifest,
  withoutServerFields,
  type Stored,
} from '../helpers/clientObjects.js';

/**
 * createPatchFor against the real API server, kind by kind: create an object, edit what the server
 * stored, compute the patch, send it (sendPatch, with kubepatch's guess of the plural) under the
 * content type createPatchFor chose, and read back exactly the edited object, server-owned fields
 * aside.
 */

describe.skipIf(skipReason)('createPatchFor round trip through the real API server', () => {
  let namespace: string;
  beforeAll(async () => {
    namespace = await clientNamespace('patch-for');
  });

  it('covers at least 20 built-in kinds', () => {
    expect(new Set(KIND_CASES.map((c) => c.kind)).size).toBeGreaterThanOrEqual(20);
  });

  it.each(KIND_CASES)('$apiVersion $kind: a strategic merge patch the server stores as edited', async (kindCase) => {
    // Cluster-scoped objects share the server with every other test file: their names carry the namespace's.
    const name = kindCase.namespaced ? kindCase.plural : `${namespace}-${kindCase.plural}`;
    const at = { apiVersion: kindCase.apiVersion, plural: kindCase.plural, namespace: kindCase.namespaced ? namespace : undefined };
    const manifest = kindCase.manifest(name) as { metadata: object };
    const live: Stored = await createRaw(at, { ...manifest, metadata: { ...manifest.metadata, ...(kindCase.namespaced ? { namespace } : {}) } });
    const desired = structuredClone(live);
    kindCase.edit(desired);

    const update = createPatchFor(live, desired);
    expect(update).toMatchObject({ type: 'strategic', contentType: PATCH_CONTENT_TYPES.strategic, empty: false });
    const answer = await sendPatch(adminKubeConfig(), live, update);

    const stored = await readStored({ ...at, name });
    const comparable = (object: Stored) => {
      const copy = withoutServerFields(object);
      for (const key of kindCase.serverAnnotations ?? []) delete copy.metadata.annotations?.[key];
      return copy;
    };
    expect(comparable(stored)).toEqual(comparable(desired));
    expect(answer).toEqual(stored);
  });

  it('argoproj.io/v1alpha1 Rollout: a JSON merge patch the server stores as edited', async () => {
    const live: Stored = await createRaw({ ...ROLLOUTS, namespace }, rolloutManifest(namespace, 'web'));
    const desired = structuredClone(live);
    const [app] = desired.spec.template.spec.containers;
    desired.spec.template.spec.containers = [{ ...app, image: 'web:4', env: [{ name: 'MODE', value: 'slow' }] }];
    desired.spec.strategy.canary.steps = [{ setWeight: 10 }, { pause: { duration: '1m' } }, { setWeight: 50 }];
    desired.metadata.labels = { tier: 'front' };

    const update = createPatchFor(live, desired);
    expect(update).toMatchObject({ type: 'merge', contentType: PATCH_CONTENT_TYPES.merge, empty: false });
    await sendPatch(adminKubeConfig(), live, update);
    expect(withoutServerFields(await readStored({ ...ROLLOUTS, namespace, name: 'web' }))).toEqual(withoutServerFields(desired));
  });
});
