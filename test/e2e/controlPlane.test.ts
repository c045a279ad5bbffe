import { describe, expect, it } from 'vitest';
import { findControlPlaneBinaries, startControlPlane } from 'kubepatch/envtest';
import { isKubepatchError } from 'kubepatch';
import { clientNode } from '../client/helpers/clientNode.js';
import { ROLLOUT_CRD_V184 } from './helpers/crds.js';
import { adminKubeConfig, envtestServer, skipReason, uniqueName } from './helpers/envtest.js';
import { createNamespace, serverOk } from './helpers/serverRequest.js';

describe.skipIf(skipReason)('kubepatch/envtest: the control plane of the run', () => {
  it('is a real kube-apiserver of the pinned release', async () => {
    const version = await serverOk('GET', '/version');
    expect(version.gitVersion).toBe('v1.33.13');
    expect(version.minor).toBe('33');
  });

  it('serves the Rollout CRD the global setup installed', async () => {
    const resources = await serverOk('GET', '/apis/argoproj.io/v1alpha1');
    expect(resources.resources.map((r: { name: string }) => r.name)).toContain('rollouts');
  });

  it('gives a KubeConfig that client-node uses as it is, with RBAC in force for other users', async () => {
    const namespace = uniqueName('envtest');
    await createNamespace(namespace);
    const core = adminKubeConfig().makeApiClient(clientNode.CoreV1Api);
    await core.createNamespacedConfigMap({ namespace, body: { metadata: { name: 'settings' }, data: { mode: 'fast' } } });
    const read = await core.readNamespacedConfigMap({ namespace, name: 'settings' });
    expect(read.data).toEqual({ mode: 'fast' });
    // RBAC authorization: a ServiceAccount with no role may not read the ConfigMap.
    const review = await serverOk('POST', '/apis/authorization.k8s.io/v1/subjectaccessreviews', {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SubjectAccessReview',
      spec: { user: `system:serviceaccount:${namespace}:default`, resourceAttributes: { namespace, verb: 'get', resource: 'configmaps' } },
    });
    expect(review.status.allowed).toBe(false);
    expect(envtestServer().url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  });

  it('allocates cluster IPs from 10.0.0.0/16 above 10.0.0.255, so tests can pick fixed IPs below', async () => {
    const namespace = uniqueName('envtest-ips');
    await createNamespace(namespace);
    const allocated: string[] = [];
    for (let i = 0; i < 20; i++) {
      const service = await serverOk('POST', `/api/v1/namespaces/${namespace}/services`, {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: `random-${i}` },
        spec: { ports: [{ port: 80 }] },
      });
      allocated.push(service.spec.clusterIP);
    }
    for (const ip of allocated) expect(ip).toMatch(/^10\.0\.(?:[1-9]\d{0,2})\.\d{1,3}$/);
    const fixed = await serverOk('POST', `/api/v1/namespaces/${namespace}/services`, {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'fixed' },
      spec: { clusterIP: '10.0.0.42', ports: [{ port: 80 }] },
    });
    expect(fixed.spec.clusterIPs).toEqual(['10.0.0.42']);
  });

  it('a second control plane starts beside the first, installs CRD files, and stops cleanly', async () => {
    const controlPlane = await startControlPlane({ binaryAssetsDirectory: findControlPlaneBinaries().directory, crds: [ROLLOUT_CRD_V184] });
    try {
      expect(controlPlane.server.url).not.toBe(envtestServer().url);
      const api = controlPlane.kubeConfig.makeApiClient(clientNode.ApiextensionsV1Api);
      const crd = await api.readCustomResourceDefinition({ name: 'rollouts.argoproj.io' });
      expect(crd.status?.conditions?.some((c) => c.type === 'Established' && c.status === 'True')).toBe(true);
    } finally {
      await controlPlane.stop();
    }
  });

  it('a kube-apiserver that refuses its flags is a typed CONTROL_PLANE_EXITED error with its output, not a hang', async () => {
    const error = await startControlPlane({ kubeApiServerFlags: ['--no-such-flag=1'] }).catch((e: unknown) => e);
    expect(isKubepatchError(error, 'CONTROL_PLANE_EXITED')).toBe(true);
    if (!isKubepatchError(error, 'CONTROL_PLANE_EXITED')) return;
    expect(error.component).toBe('kube-apiserver');
    expect(error.output).toContain('unknown flag: --no-such-flag');
  });
});
