import { beforeAll, describe, expect, it } from 'vitest';
import { createPatchFor } from 'kubepatch';
import { applyObject, ImmutableFieldError, sendPatch } from 'kubepatch/client';
import { adminKubeConfig, skipReason } from '../helpers/envtest.js';
import { serverRequest } from '../helpers/serverRequest.js';
import {
  clientNamespace,
  CONFIG_MAPS,
  configMapManifest,
  createRaw,
  DEPLOYMENTS,
  deploymentManifest,
  objectPath,
  readStored,
  ROLLOUTS,
  rolloutManifest,
  type Stored,
} from '../helpers/clientObjects.js';

/**
 * `dryRun: true` (sendPatch and applyObject; replaceObject and updateWithFallbackToPatch have no
 * such option): the real server validates, defaults and answers the object it would store, and
 * stores nothing.
 */

describe.skipIf(skipReason)('dryRun against the real API server', () => {
  let namespace: string;
  beforeAll(async () => {
    namespace = await clientNamespace('dry-run');
  });

  it('sendPatch answers the patched Deployment and leaves the stored one as it was', async () => {
    const live: Stored = await createRaw({ ...DEPLOYMENTS, namespace }, deploymentManifest(namespace, 'web'));
    const desired = structuredClone(live);
    desired.spec.replicas = 5;
    desired.spec.template.spec.containers[0].image = 'web:2';
    const wouldBe: Stored = await sendPatch(adminKubeConfig(), live, createPatchFor(live, desired), { dryRun: true, fieldManager: 'tester' });
    expect(wouldBe.spec.replicas).toBe(5);
    expect(wouldBe.spec.template.spec.containers[0].image).toBe('web:2');
    expect(wouldBe.metadata.generation).toBe(2);
    expect(await readStored({ ...DEPLOYMENTS, namespace, name: 'web' })).toEqual(live);
  });

  it('a dry-run patch is still validated: a changed selector is refused', async () => {
    const live: Stored = await createRaw({ ...DEPLOYMENTS, namespace }, deploymentManifest(namespace, 'validated'));
    const patch = { spec: { selector: { matchLabels: { app: 'x' } }, template: { metadata: { labels: { app: 'x' } } } } };
    await expect(sendPatch(adminKubeConfig(), live, { type: 'merge', patch }, { dryRun: true })).rejects.toBeInstanceOf(ImmutableFieldError);
  });

  it('applyObject of a missing object answers it as created (uid and all) and creates nothing', async () => {
    const config = configMapManifest(namespace, 'never');
    const wouldBe: Stored = await applyObject(adminKubeConfig(), config, { fieldManager: 'tester', dryRun: true });
    expect(wouldBe.data).toEqual(config.data);
    expect(wouldBe.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect((await serverRequest('GET', objectPath({ ...CONFIG_MAPS, namespace, name: 'never' }))).statusCode).toBe(404);
  });

  it('applyObject to a Rollout answers the merged object and stores nothing', async () => {
    const live: Stored = await createRaw({ ...ROLLOUTS, namespace }, rolloutManifest(namespace, 'web'));
    const config = { apiVersion: live.apiVersion, kind: live.kind, metadata: { name: 'web', namespace, labels: { tier: 'front' } } };
    const wouldBe: Stored = await applyObject(adminKubeConfig(), config, { fieldManager: 'labeller', dryRun: true });
    expect(wouldBe.metadata.labels).toEqual({ tier: 'front' });
    expect(wouldBe.spec).toEqual(live.spec);
    expect(await readStored({ ...ROLLOUTS, namespace, name: 'web' })).toEqual(live);
  });
});
