import { beforeAll, describe, expect, it } from 'vitest';
import { createPatchFor } from 'kubepatch';
import { applyObject, ApiError, getObject, sendPatch } from 'kubepatch/client';
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
 * sendPatch with each patch format against the real API server, on a built-in kind with keyed
 * lists (Deployment), one of plain maps (ConfigMap) and a custom resource (Argo Rollout): every
 * assertion is about what the server stored, read back with a raw GET.
 */

const containersOf = (object: Stored) => object.spec.template.spec.containers.map((c: Stored) => `${c.name}=${c.image}`);

describe.skipIf(skipReason)('sendPatch against the real API server', () => {
  let namespace: string;
  beforeAll(async () => {
    namespace = await clientNamespace('send-patch');
  });

  describe('a Deployment', () => {
    it('JSON Patch: a guarded replace of one container image and an added annotation', async () => {
      const live = await createRaw({ ...DEPLOYMENTS, namespace }, deploymentManifest(namespace, 'json'));
      const answer = await sendPatch(adminKubeConfig(), live, {
        type: 'json',
        patch: [
          { op: 'test', path: '/spec/template/spec/containers/1/name', value: 'debug' },
          { op: 'replace', path: '/spec/template/spec/containers/1/image', value: 'busybox:2' },
          { op: 'add', path: '/metadata/annotations', value: { 'team.example.com/owner': 'checkout' } },
        ],
      });
      const stored = await readStored({ ...DEPLOYMENTS, namespace, name: 'json' });
      expect(containersOf(stored)).toEqual(['app=json:1', 'debug=busybox:2']);
      expect(stored.metadata.annotations).toEqual({ 'team.example.com/owner': 'checkout' });
      expect(answer).toEqual(stored);
      expect(Number(stored.metadata.resourceVersion)).toBeGreaterThan(Number(live.metadata.resourceVersion));
    });

    it('JSON merge patch: replaces the containers list wholesale and sets replicas', async () => {
      const live = await createRaw({ ...DEPLOYMENTS, namespace }, deploymentManifest(namespace, 'merge'));
      await sendPatch(adminKubeConfig(), live, {
        type: 'merge',
        patch: { spec: { replicas: 5, template: { spec: { containers: [{ name: 'app', image: 'merge:2' }] } } } },
      });
      const stored = await readStored({ ...DEPLOYMENTS, namespace, name: 'merge' });
      expect(stored.spec.replicas).toBe(5);
      expect(containersOf(stored)).toEqual(['app=merge:2']);
    });

    it('strategic merge patch: merges containers by name, and a $patch: delete directive removes one', async () => {
      const live = await createRaw({ ...DEPLOYMENTS, namespace }, deploymentManifest(namespace, 'strategic'));
      await sendPatch(adminKubeConfig(), live, {
        type: 'strategic',
        patch: { spec: { template: { spec: { containers: [{ name: 'app', image: 'strategic:2' }, { name: 'debug', $patch: 'delete' }] } } } },
      });
      const stored = await readStored({ ...DEPLOYMENTS, namespace, name: 'strategic' });
      expect(containersOf(stored)).toEqual(['app=strategic:2']);
    });

    it('createPatchFor picks strategic merge patch, and its $setElementOrder and deletion arrive intact', async () => {
      const live = await createRaw({ ...DEPLOYMENTS, namespace }, deploymentManifest(namespace, 'computed'));
      const desired = structuredClone(live);
      const [app, debug] = desired.spec.template.spec.containers;
      desired.spec.template.spec.containers = [{ ...debug, image: 'busybox:3' }];
      const update = createPatchFor(live, desired);
      expect(update.type).toBe('strategic');
      expect(JSON.stringify(update.patch)).toContain('"$patch":"delete"');
      expect(app.name).toBe('app');
      await sendPatch(adminKubeConfig(), live, update);
      expect(containersOf(await readStored({ ...DEPLOYMENTS, namespace, name: 'computed' }))).toEqual(['debug=busybox:3']);
    });

    it('server-side apply (applyObject): sets the fields it applies and records its field manager', async () => {
      await createRaw({ ...DEPLOYMENTS, namespace }, deploymentManifest(namespace, 'applied'));
      const config = deploymentManifest(namespace, 'applied');
      config.spec.replicas = 4;
      config.spec.template.spec.containers[0]!.image = 'applied:2';
      await applyObject(adminKubeConfig(), { ...config, metadata: { ...config.metadata, annotations: { note: 'applied' } } }, {
        fieldManager: 'deploy-bot',
        force: true,
      });
      const stored = await readStored({ ...DEPLOYMENTS, namespace, name: 'applied' });
      expect(stored.spec.replicas).toBe(4);
      expect(containersOf(stored)).toEqual(['app=applied:2', 'debug=busybox:1']);
      expect(stored.metadata.annotations).toEqual({ note: 'applied' });
      expect(stored.metadata.managedFields.map((m: Stored) => `${m.manager}/${m.operation}`)).toContain('deploy-bot/Apply');
    });
  });

  describe('a ConfigMap', () => {
    it('JSON Patch adds and removes data keys', async () => {
      const live = await createRaw({ ...CONFIG_MAPS, namespace }, configMapManifest(namespace, 'json'));
      await sendPatch(adminKubeConfig(), live, {
        type: 'json',
        patch: [
          { op: 'add', path: '/data/color', value: 'blue' },
          { op: 'remove', path: '/data/level' },
        ],
      });
      expect((await readStored({ ...CONFIG_MAPS, namespace, name: 'json' })).data).toEqual({ mode: 'fast', color: 'blue' });
    });

    it('JSON merge patch: null deletes a key, a value sets one', async () => {
      const live = await createRaw({ ...CONFIG_MAPS, namespace }, configMapManifest(namespace, 'merge'));
      await sendPatch(adminKubeConfig(), live, { type: 'merge', patch: { data: { level: null, mode: 'slow' } } });
      expect((await readStored({ ...CONFIG_MAPS, namespace, name: 'merge' })).data).toEqual({ mode: 'slow' });
    });

    it('strategic merge patch, with a fieldManager the server records', async () => {
      const live = await createRaw({ ...CONFIG_MAPS, namespace }, configMapManifest(namespace, 'strategic'));
      await sendPatch(adminKubeConfig(), live, { type: 'strategic', patch: { data: { level: null, extra: 'x' } } }, { fieldManager: 'tuner' });
      const stored = await readStored({ ...CONFIG_MAPS, namespace, name: 'strategic' });
      expect(stored.data).toEqual({ mode: 'fast', extra: 'x' });
      expect(stored.metadata.managedFields.map((m: Stored) => `${m.manager}/${m.operation}`)).toContain('tuner/Update');
    });

    it('server-side apply creates the object when missing, and a second apply drops a key the manager no longer applies', async () => {
      const ref = { apiVersion: 'v1', kind: 'ConfigMap', namespace, name: 'applied' };
      const config = configMapManifest(namespace, 'applied');
      const created: Stored = await applyObject(adminKubeConfig(), config, { fieldManager: 'settings-bot' });
      expect((await readStored({ ...CONFIG_MAPS, namespace, name: 'applied' })).data).toEqual({ mode: 'fast', level: '3' });
      await applyObject(adminKubeConfig(), { ...config, data: { mode: 'fast' } }, { fieldManager: 'settings-bot' });
      const stored = await readStored({ ...CONFIG_MAPS, namespace, name: 'applied' });
      expect(stored.data).toEqual({ mode: 'fast' });
      expect(await getObject(adminKubeConfig(), ref)).toEqual(stored);
      expect(stored.metadata.uid).toBe(created.metadata.uid);
    });
  });

  describe('an Argo Rollout (a custom resource)', () => {
    it('JSON Patch with a test guarding the container it changes', async () => {
      const live = await createRaw({ ...ROLLOUTS, namespace }, rolloutManifest(namespace, 'json'));
      await sendPatch(adminKubeConfig(), live, {
        type: 'json',
        patch: [
          { op: 'test', path: '/spec/template/spec/containers/1/name', value: 'proxy' },
          { op: 'replace', path: '/spec/template/spec/containers/1/image', value: 'envoy:2' },
          { op: 'replace', path: '/spec/strategy/canary/steps/0/setWeight', value: 40 },
        ],
      });
      const stored = await readStored({ ...ROLLOUTS, namespace, name: 'json' });
      expect(containersOf(stored)).toEqual(['app=json:3', 'proxy=envoy:2']);
      expect(stored.spec.strategy.canary.steps).toEqual([{ setWeight: 40 }, { pause: {} }]);
    });

    it('JSON merge patch from createPatchFor (it picks merge for a custom resource)', async () => {
      const live = await createRaw({ ...ROLLOUTS, namespace }, rolloutManifest(namespace, 'merge'));
      const desired = structuredClone(live);
      desired.spec.replicas = 5;
      desired.spec.template.spec.containers[0].image = 'merge:4';
      const update = createPatchFor(live, desired);
      expect(update.type).toBe('merge');
      await sendPatch(adminKubeConfig(), live, update);
      const stored = await readStored({ ...ROLLOUTS, namespace, name: 'merge' });
      expect(stored.spec.replicas).toBe(5);
      expect(containersOf(stored)).toEqual(['app=merge:4', 'proxy=envoy:1']);
    });

    it('server-side apply creates the Rollout and records the field manager', async () => {
      const config = rolloutManifest(namespace, 'applied');
      const answer = await applyObject(adminKubeConfig(), config, { fieldManager: 'deploy-bot' });
      const stored = await readStored({ ...ROLLOUTS, namespace, name: 'applied' });
      expect(answer).toEqual(stored);
      expect(stored.spec).toEqual(config.spec);
      expect(stored.metadata.managedFields).toEqual([
        expect.objectContaining({ manager: 'deploy-bot', operation: 'Apply', apiVersion: 'argoproj.io/v1alpha1', fieldsType: 'FieldsV1' }),
      ]);
    });
  });

  it('the server refuses an apply carrying managedFields, so applyObject takes them out of a read-back copy', async () => {
    const live = await createRaw({ ...CONFIG_MAPS, namespace }, configMapManifest(namespace, 'read-back'));
    const path = `${objectPath({ ...CONFIG_MAPS, namespace, name: 'read-back' })}?fieldManager=raw`;
    const refused = await serverRequest('PATCH', path, live, 'application/apply-patch+yaml');
    expect(refused).toMatchObject({ statusCode: 400, body: { reason: 'BadRequest', message: 'metadata.managedFields must be nil' } });
    const readBack = { ...live, data: { ...live.data, extra: 'x' } };
    await applyObject(adminKubeConfig(), readBack, { fieldManager: 'annotator', force: true });
    expect((await readStored({ ...CONFIG_MAPS, namespace, name: 'read-back' })).data).toEqual({ mode: 'fast', level: '3', extra: 'x' });
  });

  it('the options sendPatch refuses before sending are the ones the server refuses (force without apply, apply without fieldManager)', async () => {
    const live = await createRaw({ ...CONFIG_MAPS, namespace }, configMapManifest(namespace, 'options'));
    const path = objectPath({ ...CONFIG_MAPS, namespace, name: 'options' });
    const force = await serverRequest('PATCH', `${path}?force=true`, {}, 'application/merge-patch+json');
    expect(force.body).toMatchObject({ code: 422, message: 'PatchOptions.meta.k8s.io "" is invalid: force: Forbidden: may not be specified for non-apply patch' });
    const apply = await serverRequest('PATCH', path, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'options' } }, 'application/apply-patch+yaml');
    expect(apply.body).toMatchObject({ code: 422, message: 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch' });
    await expect(sendPatch(adminKubeConfig(), live, { type: 'merge', patch: {} }, { force: true })).rejects.toMatchObject({ code: 'INVALID_PATCH', input: 'options' });
    await expect(sendPatch(adminKubeConfig(), live, { type: 'apply', patch: {} })).rejects.toMatchObject({ code: 'INVALID_PATCH', input: 'options' });
  });

  it('takes a reference instead of a manifest, and an explicit plural', async () => {
    await createRaw({ ...CONFIG_MAPS, namespace }, configMapManifest(namespace, 'by-ref'));
    const ref = { apiVersion: 'v1', kind: 'ConfigMap', namespace, name: 'by-ref' };
    await sendPatch(adminKubeConfig(), ref, { type: 'merge', patch: { data: { mode: 'ref' } } }, { plural: 'configmaps' });
    expect((await readStored({ ...CONFIG_MAPS, namespace, name: 'by-ref' })).data.mode).toBe('ref');
  });

  it('a missing object, or a resource the server does not serve, is a 404 ApiError in the server words', async () => {
    const missing = await getObject(adminKubeConfig(), { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', namespace, name: 'missing' }).catch(
      (e: unknown) => e,
    );
    expect(missing).toBeInstanceOf(ApiError);
    expect(missing).toMatchObject({ code: 'API_ERROR', statusCode: 404, status: { reason: 'NotFound' } });
    expect((missing as Error).message).toBe(
      `GET /apis/argoproj.io/v1alpha1/namespaces/${namespace}/rollouts/missing: 404 NotFound: rollouts.argoproj.io "missing" not found`,
    );
    const ref = { apiVersion: 'v1', kind: 'Odd', namespace, name: 'x' };
    await expect(sendPatch(adminKubeConfig(), ref, { type: 'merge', patch: {} }, { plural: 'odds' })).rejects.toMatchObject({
      code: 'API_ERROR',
      statusCode: 404,
    });
  });
});
