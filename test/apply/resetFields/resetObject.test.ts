// resetObject: what the registry strategies' PrepareForCreate and PrepareForUpdate keep, restore
// and clear, on deep-frozen inputs.
import { describe, expect, it } from 'vitest';
import { resetObject, type ResetObjectInput } from '../../../src/apply/resetFields/index.ts';
import type { JsonObject } from '../../../src/json/JsonValue.ts';
import { frozenCopy } from '../../helpers/deepFreeze.js';
import { thrownKubepatchError } from '../../helpers/thrownKubepatchError.js';

const deploymentLive = frozenCopy({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', resourceVersion: '7', labels: { app: 'web' }, annotations: { note: 'old' } },
  spec: { replicas: 2, selector: { matchLabels: { app: 'web' } } },
  status: { replicas: 2, observedGeneration: 1 },
});
const deploymentWritten = frozenCopy({
  ...deploymentLive,
  metadata: { ...deploymentLive.metadata, labels: { app: 'web', tier: 'x' }, annotations: { note: 'new' } },
  spec: { ...deploymentLive.spec, replicas: 5 },
  status: { replicas: 9 },
});

function reset(input: Partial<ResetObjectInput> & Pick<ResetObjectInput, 'apiVersion' | 'kind' | 'written'>): JsonObject {
  return resetObject({ operation: 'update', live: null, ...input });
}

describe('resetObject: the main resource', () => {
  it('an update takes status from the live object and everything else as written, sharing what it does not change', () => {
    const result = reset({ apiVersion: 'apps/v1', kind: 'Deployment', live: deploymentLive, written: deploymentWritten });
    expect(result).toEqual({ ...deploymentWritten, status: deploymentLive.status });
    expect(result.status).toBe(deploymentLive.status);
    expect(result.spec).toBe(deploymentWritten.spec);
    expect(result.metadata).toBe(deploymentWritten.metadata);
    expect(Object.keys(result)).toEqual(Object.keys(deploymentWritten));
  });

  it('status absent from the written object comes back; absent from the live object it goes', () => {
    const { status: _status, ...withoutStatus } = deploymentWritten;
    expect(reset({ apiVersion: 'apps/v1', kind: 'Deployment', live: deploymentLive, written: frozenCopy(withoutStatus) }).status).toEqual(deploymentLive.status);
    const { status: _liveStatus, ...liveWithoutStatus } = deploymentLive;
    expect(reset({ apiVersion: 'apps/v1', kind: 'Deployment', live: frozenCopy(liveWithoutStatus), written: deploymentWritten })).not.toHaveProperty('status');
  });

  it('returns the written object itself when nothing changes', () => {
    const written = frozenCopy({ ...deploymentWritten, status: { ...deploymentLive.status } });
    expect(reset({ apiVersion: 'apps/v1', kind: 'Deployment', live: deploymentLive, written })).toBe(written);
    const configMap = frozenCopy({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: 'b' }, status: { x: 1 } });
    expect(reset({ apiVersion: 'v1', kind: 'ConfigMap', live: configMap, written: configMap })).toBe(configMap);
    expect(resetObject({ apiVersion: 'v1', kind: 'ConfigMap', operation: 'create', live: null, written: configMap })).toBe(configMap);
  });

  it('a create clears status to the JSON of Go zero status struct of the version', () => {
    const create = (apiVersion: string, kind: string) => resetObject({ apiVersion, kind, operation: 'create', live: null, written: frozenCopy({ apiVersion, kind, status: { bogus: true } }) }).status;
    expect(create('apps/v1', 'Deployment')).toEqual({});
    expect(create('apps/v1', 'StatefulSet')).toEqual({ replicas: 0, availableReplicas: 0 });
    expect(create('apps/v1', 'DaemonSet')).toEqual({ currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 });
    expect(create('v1', 'Service')).toEqual({ loadBalancer: {} });
    expect(create('v1', 'ReplicationController')).toEqual({ replicas: 0 });
    expect(create('autoscaling/v1', 'HorizontalPodAutoscaler')).toEqual({ currentReplicas: 0, desiredReplicas: 0 });
    expect(create('autoscaling/v2', 'HorizontalPodAutoscaler')).toEqual({ desiredReplicas: 0, currentMetrics: null });
    expect(create('autoscaling/v3', 'HorizontalPodAutoscaler')).toEqual({ desiredReplicas: 0, currentMetrics: null });
    expect(create('policy/v1', 'PodDisruptionBudget')).toEqual({ disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 });
    expect(create('storage.k8s.io/v1', 'VolumeAttachment')).toEqual({ attached: false });
    // A fresh value each time: a caller changing one result cannot change the next.
    const first = create('apps/v1', 'StatefulSet') as JsonObject;
    first.replicas = 5;
    expect(create('apps/v1', 'StatefulSet')).toEqual({ replicas: 0, availableReplicas: 0 });
  });

  it('ServiceCIDR: neither create nor update touches status', () => {
    const live = frozenCopy({ apiVersion: 'networking.k8s.io/v1', kind: 'ServiceCIDR', spec: { cidrs: ['10.0.0.0/24'] }, status: { conditions: [] } });
    const written = frozenCopy({ ...live, status: { conditions: [{ type: 'Ready', status: 'True' }] } });
    expect(reset({ apiVersion: 'networking.k8s.io/v1', kind: 'ServiceCIDR', live, written })).toBe(written);
    expect(resetObject({ apiVersion: 'networking.k8s.io/v1', kind: 'ServiceCIDR', operation: 'create', live: null, written })).toBe(written);
  });
});

describe('resetObject: status subresources', () => {
  it('Deployment: spec and labels from the live object, annotations and status as written', () => {
    const result = reset({ apiVersion: 'apps/v1', kind: 'Deployment', subresource: 'status', live: deploymentLive, written: deploymentWritten });
    expect(result).toEqual({ ...deploymentWritten, metadata: { ...deploymentWritten.metadata, labels: { app: 'web' } }, spec: deploymentLive.spec });
    expect(result.status).toBe(deploymentWritten.status);
  });

  it('StatefulSet: spec only; labels as written', () => {
    const live = frozenCopy({ ...deploymentLive, kind: 'StatefulSet' });
    const written = frozenCopy({ ...deploymentWritten, kind: 'StatefulSet' });
    expect(reset({ apiVersion: 'apps/v1', kind: 'StatefulSet', subresource: 'status', live, written })).toEqual({ ...written, spec: live.spec });
  });

  it('ResetObjectMetaForStatus (ValidatingAdmissionPolicy): the seven metadata fields from the live object, absent ones removed, the rest as written', () => {
    const live = frozenCopy({
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'ValidatingAdmissionPolicy',
      metadata: { name: 'p', generation: 3, labels: { a: '1' }, finalizers: ['f'], ownerReferences: [{ name: 'o' }], deletionTimestamp: '2026-01-01T00:00:00Z', selfLink: '/x' },
      spec: { failurePolicy: 'Fail' },
      status: {},
    });
    const written = frozenCopy({
      ...live,
      metadata: { name: 'p', resourceVersion: '9', generation: 7, labels: { b: '2' }, annotations: { n: 'v' }, managedFields: [{ manager: 'm' }] },
      spec: { failurePolicy: 'Ignore' },
      status: { observedGeneration: 3 },
    });
    const result = reset({ apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingAdmissionPolicy', subresource: 'status', live, written });
    expect(result).toEqual({
      ...written,
      metadata: { name: 'p', resourceVersion: '9', generation: 3, labels: { a: '1' }, managedFields: [{ manager: 'm' }], deletionTimestamp: '2026-01-01T00:00:00Z', selfLink: '/x', finalizers: ['f'], ownerReferences: [{ name: 'o' }] },
      spec: live.spec,
    });
  });

  it('FlowSchema: all metadata from the live object but managedFields', () => {
    const live = frozenCopy({ apiVersion: 'flowcontrol.apiserver.k8s.io/v1', kind: 'FlowSchema', metadata: { name: 'f', resourceVersion: '1', labels: { a: '1' }, managedFields: [{ manager: 'old' }] }, spec: { priorityLevelConfiguration: { name: 'x' } }, status: {} });
    const written = frozenCopy({ ...live, metadata: { name: 'f', resourceVersion: '2', annotations: { b: '2' }, managedFields: [{ manager: 'new' }] }, spec: { matchingPrecedence: 5 }, status: { conditions: [] } });
    const result = reset({ apiVersion: 'flowcontrol.apiserver.k8s.io/v1', kind: 'FlowSchema', subresource: 'status', live, written });
    expect(result).toEqual({ ...written, metadata: { ...live.metadata, managedFields: [{ manager: 'new' }] }, spec: live.spec });
  });

  it('CustomResourceDefinition: spec only, metadata as written (its ResetObjectMetaForStatus resets new from new)', () => {
    const live = frozenCopy({ apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'c', labels: { a: '1' } }, spec: { group: 'g' }, status: {} });
    const written = frozenCopy({ ...live, metadata: { name: 'c', labels: { a: '2' } }, spec: { group: 'h' } });
    expect(reset({ apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', subresource: 'status', live, written })).toEqual({ ...written, spec: live.spec });
  });

  it('APIService: spec, labels, annotations, finalizers and ownerReferences from the live object', () => {
    const live = frozenCopy({ apiVersion: 'apiregistration.k8s.io/v1', kind: 'APIService', metadata: { name: 'v1.x', labels: { a: '1' }, generation: 1 }, spec: { group: 'x' }, status: {} });
    const written = frozenCopy({ ...live, metadata: { name: 'v1.x', labels: { a: '2' }, annotations: { n: 'v' }, finalizers: ['f'], generation: 5 }, spec: { group: 'y' } });
    expect(reset({ apiVersion: 'apiregistration.k8s.io/v1', kind: 'APIService', subresource: 'status', live, written })).toEqual({
      ...written,
      metadata: { name: 'v1.x', labels: { a: '1' }, generation: 5 },
      spec: live.spec,
    });
  });

  it('restores into a written object that lacks the parent member, and removes what the live object lacks', () => {
    const written = frozenCopy({ spec: { replicas: 3 }, status: { replicas: 1 } });
    expect(reset({ apiVersion: 'apps/v1', kind: 'Deployment', subresource: 'status', live: deploymentLive, written })).toEqual({
      spec: deploymentLive.spec,
      status: { replicas: 1 },
      metadata: { labels: { app: 'web' } },
    });
    const bare = frozenCopy({ metadata: null, spec: null, status: {} });
    const { spec: _spec, ...noSpec } = deploymentWritten;
    const { labels: _labels, ...noLabels } = deploymentWritten.metadata;
    expect(reset({ apiVersion: 'apps/v1', kind: 'Deployment', subresource: 'status', live: frozenCopy({}), written: deploymentWritten })).toStrictEqual({ ...noSpec, metadata: noLabels });
    expect(reset({ apiVersion: 'apps/v1', kind: 'Deployment', subresource: 'status', live: deploymentLive, written: bare })).toEqual({ metadata: { labels: { app: 'web' } }, spec: deploymentLive.spec, status: {} });
  });

  it('keeps __proto__ keys as data', () => {
    const live = frozenCopy(JSON.parse('{"metadata":{"labels":{"__proto__":"live"}},"spec":{"__proto__":1},"status":{}}'));
    const written = frozenCopy(JSON.parse('{"metadata":{"labels":{"x":"y"}},"spec":{"replicas":2},"status":{"__proto__":2}}'));
    const result = reset({ apiVersion: 'apps/v1', kind: 'Deployment', subresource: 'status', live, written });
    expect(JSON.stringify(result)).toBe('{"metadata":{"labels":{"__proto__":"live"}},"spec":{"__proto__":1},"status":{"__proto__":2}}');
    expect(Object.getPrototypeOf(result.spec)).toBe(Object.prototype);
  });
});

describe('resetObject refuses what it cannot do', () => {
  const target = { apiVersion: 'apps/v1', kind: 'Deployment' };
  it('a create through a subresource, an update without the live object, an unknown operation', () => {
    expect(thrownKubepatchError('INVALID_DOCUMENT', () => resetObject({ ...target, subresource: 'status', operation: 'create', live: null, written: deploymentWritten })).input).toBe('options');
    expect(thrownKubepatchError('INVALID_DOCUMENT', () => resetObject({ ...target, operation: 'update', live: null, written: deploymentWritten })).input).toBe('live');
    expect(thrownKubepatchError('INVALID_DOCUMENT', () => resetObject({ ...target, operation: 'patch' as 'update', live: deploymentLive, written: deploymentWritten })).input).toBe('options');
  });

  it('inputs that are not JSON objects', () => {
    expect(thrownKubepatchError('INVALID_DOCUMENT', () => resetObject({ ...target, operation: 'create', live: null, written: [] as unknown as JsonObject })).input).toBe('written');
    const error = thrownKubepatchError('INVALID_DOCUMENT', () => resetObject({ ...target, operation: 'update', live: { when: new Date() } as unknown as JsonObject, written: deploymentWritten }));
    expect([error.input, error.path]).toEqual(['live', '/when']);
  });

  it('a subresource the kind does not have', () => {
    const error = thrownKubepatchError('INVALID_DOCUMENT', () => resetObject({ ...target, subresource: 'finalize', operation: 'update', live: deploymentLive, written: deploymentWritten }));
    expect(error.message).toBe('Deployment apps/v1 has no "finalize" subresource; its modelled subresources: status');
  });
});
