import { beforeAll, describe, expect, it } from 'vitest';
import { applyObject, ApiError, getObject, replaceObject, sendPatch } from 'kubepatch/client';
import { adminKubeConfig, skipReason } from '../helpers/envtest.js';
import { serverOk } from '../helpers/serverRequest.js';
import {
  clientNamespace,
  createRaw,
  DEPLOYMENTS,
  deploymentManifest,
  objectPath,
  readStored,
  ROLLOUTS,
  rolloutManifest,
  withoutServerFields,
  type Stored,
} from '../helpers/clientObjects.js';

/**
 * `subresource: 'status'` of applyObject, sendPatch and replaceObject against the real API server:
 * the request goes to `…/status`, the server stores `.status` and nothing else, and records the
 * manager with `subresource: status`. A Deployment (built in) and an Argo Rollout (the v1.9.1 CRD,
 * which declares `subresources: status`).
 */

type Entry = { manager: string; operation: string; apiVersion: string; subresource?: string; fieldsV1: Stored };
const entryOf = (object: Stored, manager: string): Entry | undefined => object.metadata.managedFields.find((e: Entry) => e.manager === manager);

describe.skipIf(skipReason)('the status subresource against the real API server', () => {
  let namespace: string;
  beforeAll(async () => {
    namespace = await clientNamespace('status-subresource');
  });

  it('applyObject to a Deployment\'s /status stores the status only: spec and labels in the configuration are dropped', async () => {
    const created = await createRaw({ ...DEPLOYMENTS, namespace }, deploymentManifest(namespace, 'applied'));
    const config = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'applied', namespace, labels: { tier: 'front' } },
      spec: { replicas: 9 },
      status: { observedGeneration: 1, replicas: 2, readyReplicas: 1, conditions: [{ type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable' }] },
    };
    const answered = await applyObject(adminKubeConfig(), config, { fieldManager: 'deployment-status', subresource: 'status' });
    const stored = await readStored({ ...DEPLOYMENTS, namespace, name: 'applied' });
    expect(answered).toEqual(stored);
    // The condition's times, absent from the configuration, come back as null (Go's zero metav1.Time).
    const condition = { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable', lastUpdateTime: null, lastTransitionTime: null };
    expect(stored.status).toEqual({ observedGeneration: 1, replicas: 2, readyReplicas: 1, conditions: [condition] });
    expect(withoutServerFields(stored)).toEqual(withoutServerFields(created));
    expect(entryOf(stored, 'deployment-status')).toMatchObject({ operation: 'Apply', apiVersion: 'apps/v1', subresource: 'status' });
    // It owns the status fields only: not the spec nor the label it dropped (a Rollout's /status records a dropped annotation, below).
    expect(Object.keys(entryOf(stored, 'deployment-status')!.fieldsV1)).toEqual(['f:status']);

    // Without subresource, the same configuration changes the spec and labels, and the status not.
    await applyObject(adminKubeConfig(), { ...config, status: { replicas: 7 } }, { fieldManager: 'deployer', force: true });
    const main = await readStored({ ...DEPLOYMENTS, namespace, name: 'applied' });
    expect([main.spec.replicas, main.metadata.labels.tier, main.status.replicas]).toEqual([9, 'front', 2]);
  });

  it('applyObject to a Rollout\'s /status stores the status only; spec and annotations stay', async () => {
    const created = await createRaw({ ...ROLLOUTS, namespace }, rolloutManifest(namespace, 'applied'));
    const config = {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Rollout',
      metadata: { name: 'applied', namespace, annotations: { 'team.example.com/owner': 'checkout' } },
      spec: { replicas: 7 },
      status: { phase: 'Paused', message: 'CanaryPauseStep', observedGeneration: '1', currentStepIndex: 1 },
    };
    const answered = await applyObject(adminKubeConfig(), config, { fieldManager: 'rollouts-controller', subresource: 'status' });
    const stored = await readStored({ ...ROLLOUTS, namespace, name: 'applied' });
    expect(answered).toEqual(stored);
    expect(stored.status).toEqual(config.status);
    expect(withoutServerFields(stored)).toEqual(withoutServerFields(created));
    expect(entryOf(stored, 'rollouts-controller')).toMatchObject({ operation: 'Apply', apiVersion: 'argoproj.io/v1alpha1', subresource: 'status' });
    expect(entryOf(stored, 'rollouts-controller')!.fieldsV1).toEqual({
      // kube-apiserver 1.33.13 records the annotation for it, though it did not store it (a Deployment's /status does not).
      'f:metadata': { 'f:annotations': { 'f:team.example.com/owner': {} } },
      'f:status': { 'f:currentStepIndex': {}, 'f:message': {}, 'f:observedGeneration': {}, 'f:phase': {} },
    });
  });

  it('replaceObject with subresource status (PUT …/status) writes the status of the object given, not its spec', async () => {
    await createRaw({ ...DEPLOYMENTS, namespace }, deploymentManifest(namespace, 'replaced'));
    const live = await getObject(adminKubeConfig(), { apiVersion: 'apps/v1', kind: 'Deployment', namespace, name: 'replaced' });
    const desired = { ...live, spec: { ...(live.spec as object), replicas: 8 }, status: { replicas: 2, updatedReplicas: 2 } };
    const answered = await replaceObject(adminKubeConfig(), desired, { fieldManager: 'replacer', subresource: 'status' });
    const stored = await readStored({ ...DEPLOYMENTS, namespace, name: 'replaced' });
    expect(answered).toEqual(stored);
    expect([stored.spec.replicas, stored.status]).toEqual([2, { replicas: 2, updatedReplicas: 2 }]);
    expect(entryOf(stored, 'replacer')).toMatchObject({ operation: 'Update', subresource: 'status', fieldsV1: { 'f:status': { 'f:replicas': {}, 'f:updatedReplicas': {} } } });
    // Conditional on resourceVersion, as on the object itself: the same copy again is a 409.
    await expect(replaceObject(adminKubeConfig(), desired, { subresource: 'status' })).rejects.toMatchObject({ code: 'API_CONFLICT', statusCode: 409 });
  });

  it('sendPatch with subresource status: a merge patch and a JSON Patch to a Rollout\'s /status', async () => {
    await createRaw({ ...ROLLOUTS, namespace }, rolloutManifest(namespace, 'patched'));
    const ref = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', namespace, name: 'patched' };
    await sendPatch(adminKubeConfig(), ref, { type: 'merge', patch: { spec: { replicas: 1 }, status: { phase: 'Progressing', HPAReplicas: 3 } } }, {
      fieldManager: 'status-patcher',
      subresource: 'status',
    });
    await sendPatch(adminKubeConfig(), ref, { type: 'json', patch: [{ op: 'replace', path: '/status/phase', value: 'Healthy' }] }, { subresource: 'status' });
    const stored = await readStored({ ...ROLLOUTS, namespace, name: 'patched' });
    expect([stored.spec.replicas, stored.status]).toEqual([3, { phase: 'Healthy', HPAReplicas: 3 }]);
    expect(entryOf(stored, 'status-patcher')).toMatchObject({ operation: 'Update', subresource: 'status' });
    // A strategic merge patch is not taken by a custom resource's /status either.
    const strategic = sendPatch(adminKubeConfig(), ref, { type: 'strategic', patch: { status: { phase: 'Degraded' } } }, { subresource: 'status' });
    await expect(strategic).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', statusCode: 415 });
  });

  it('applyObject to /status of an object that does not exist: 404, nothing created', async () => {
    const config = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'missing', namespace }, status: { replicas: 1 } };
    const error = await applyObject(adminKubeConfig(), config, { fieldManager: 'deployment-status', subresource: 'status' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ statusCode: 404, message: `PATCH ${objectPath({ ...DEPLOYMENTS, namespace, name: 'missing' })}/status: 404 NotFound: deployments.apps "missing" not found` });
    const answer = await serverOk('GET', objectPath({ ...DEPLOYMENTS, namespace }));
    expect(answer.items.map((d: Stored) => d.metadata.name)).not.toContain('missing');
  });
});
