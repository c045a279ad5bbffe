// Against the real API server: the group versions patchTypeFor calls removed are 404 on kube-apiserver 1.33,
// and the apiVersions it tells users to convert to are served.
import { isKubepatchError, patchTypeFor } from 'kubepatch';
import { describe, expect, it } from 'vitest';
import { skipReason } from '../helpers/envtest.js';
import { serverRequest } from '../helpers/serverRequest.js';

const REMOVED: [string, string, string][] = [
  ['apps/v1beta2', 'Deployment', 'apps/v1'],
  ['apps/v1beta1', 'Deployment', 'apps/v1'],
  ['extensions/v1beta1', 'Ingress', 'networking.k8s.io/v1'],
  ['extensions/v1beta1', 'DaemonSet', 'apps/v1'],
  ['policy/v1beta1', 'PodDisruptionBudget', 'policy/v1'],
  ['batch/v1beta1', 'CronJob', 'batch/v1'],
  ['autoscaling/v2beta1', 'HorizontalPodAutoscaler', 'autoscaling/v2'],
  ['autoscaling/v2beta2', 'HorizontalPodAutoscaler', 'autoscaling/v2'],
  ['discovery.k8s.io/v1beta1', 'EndpointSlice', 'discovery.k8s.io/v1'],
  ['events.k8s.io/v1beta1', 'Event', 'events.k8s.io/v1'],
  ['node.k8s.io/v1beta1', 'RuntimeClass', 'node.k8s.io/v1'],
  ['rbac.authorization.k8s.io/v1beta1', 'Role', 'rbac.authorization.k8s.io/v1'],
  ['scheduling.k8s.io/v1beta1', 'PriorityClass', 'scheduling.k8s.io/v1'],
  ['authorization.k8s.io/v1beta1', 'SubjectAccessReview', 'authorization.k8s.io/v1'],
  ['flowcontrol.apiserver.k8s.io/v1beta1', 'FlowSchema', 'flowcontrol.apiserver.k8s.io/v1'],
  ['flowcontrol.apiserver.k8s.io/v1beta2', 'FlowSchema', 'flowcontrol.apiserver.k8s.io/v1'],
];

describe.skipIf(skipReason)('removed API versions on the real API server', () => {
  it.each(REMOVED)('%s (%s): 404 on the server, a typed error from patchTypeFor naming %s, which is served', async (apiVersion, kind, use) => {
    expect((await serverRequest('GET', `/apis/${apiVersion}`)).statusCode).toBe(404);
    expect((await serverRequest('GET', `/apis/${use}`)).statusCode).toBe(200);
    let thrown: unknown;
    try {
      patchTypeFor(apiVersion, kind);
    } catch (error) {
      thrown = error;
    }
    expect(isKubepatchError(thrown) && thrown.code).toBe('INVALID_DOCUMENT');
    expect((thrown as Error).message).toContain(use);
  });
});
