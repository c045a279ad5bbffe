// Namespace, Node, PersistentVolume, CustomResourceDefinition and APIService: what their
// strategies do beyond restoring status or spec.
import { describe, expect, it } from 'vitest';
import { resetObject, type ResetObjectInput } from '../../../src/apply/resetFields/index.ts';
import type { JsonObject } from '../../../src/json/JsonValue.ts';
import { frozenCopy } from '../../helpers/deepFreeze.js';

const NOW = '2026-12-07T10:00:00Z';
type Target = Pick<ResetObjectInput, 'apiVersion' | 'kind'> & { subresource?: string };
const create = (target: Target, written: object, now?: string) =>
  resetObject({ ...target, operation: 'create', live: null, written: frozenCopy(written) as JsonObject, ...(now ? { now } : {}) });
const update = (target: Target, live: object, written: object, now?: string) =>
  resetObject({ ...target, operation: 'update', live: frozenCopy(live) as JsonObject, written: frozenCopy(written) as JsonObject, ...(now ? { now } : {}) });

describe('Namespace', () => {
  const ns = { apiVersion: 'v1', kind: 'Namespace' };
  it('create: phase Active, and the kubernetes finalizer appended unless there', () => {
    expect(create(ns, { metadata: { name: 'n' }, status: { phase: 'Terminating' } })).toEqual({ metadata: { name: 'n' }, status: { phase: 'Active' }, spec: { finalizers: ['kubernetes'] } });
    expect(create(ns, { spec: { finalizers: ['a.io/b'] } }).spec).toEqual({ finalizers: ['a.io/b', 'kubernetes'] });
    expect(create(ns, { spec: { finalizers: ['kubernetes', 'a.io/b'] } }).spec).toEqual({ finalizers: ['kubernetes', 'a.io/b'] });
  });
  it('update keeps spec.finalizers and status; status keeps spec; finalize keeps status only', () => {
    const live = { spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } };
    const written = { metadata: { labels: { a: 'b' } }, spec: { finalizers: [] }, status: { phase: 'Terminating' } };
    expect(update(ns, live, written)).toEqual({ ...written, spec: live.spec, status: live.status });
    expect(update({ ...ns, subresource: 'status' }, live, written)).toEqual({ ...written, spec: live.spec });
    expect(update({ ...ns, subresource: 'finalize' }, live, written)).toEqual({ ...written, status: live.status });
  });
});

describe('Node', () => {
  const node = { apiVersion: 'v1', kind: 'Node' };
  it('create keeps status but status.config, and drops spec.configSource', () => {
    const written = { spec: { podCIDR: '10.1.0.0/24', configSource: { configMap: {} } }, status: { capacity: { cpu: '1' }, config: { active: {} } } };
    expect(create(node, written)).toEqual({ spec: { podCIDR: '10.1.0.0/24' }, status: { capacity: { cpu: '1' } } });
  });
  it('update keeps the live status and drops spec.configSource unless the live node has one', () => {
    const written = { spec: { configSource: { configMap: {} } }, status: { capacity: { cpu: '2' } } };
    expect(update(node, { spec: {}, status: { capacity: { cpu: '1' } } }, written)).toEqual({ spec: {}, status: { capacity: { cpu: '1' } } });
    expect(update(node, { spec: { configSource: {} }, status: {} }, written).spec).toEqual(written.spec);
  });
  it('status keeps the live spec and drops status.config unless the live node has one', () => {
    const written = { spec: { unschedulable: true }, status: { config: { active: {} }, capacity: { cpu: '2' } } };
    expect(update({ ...node, subresource: 'status' }, { spec: {}, status: {} }, written)).toEqual({ spec: {}, status: { capacity: { cpu: '2' } } });
    expect(update({ ...node, subresource: 'status' }, { spec: {}, status: { config: {} } }, written).status).toEqual(written.status);
  });
});

describe('PersistentVolume', () => {
  const pv = { apiVersion: 'v1', kind: 'PersistentVolume' };
  const status = { ...pv, subresource: 'status' };
  it('create: status phase Pending, lastPhaseTransitionTime now when given', () => {
    expect(create(pv, { status: { phase: 'Bound' } }).status).toEqual({ phase: 'Pending' });
    expect(create(pv, { status: { phase: 'Bound' } }, NOW).status).toEqual({ phase: 'Pending', lastPhaseTransitionTime: NOW });
  });
  it('status: the transition time kept while the phase stays, now when it changes and the client did not set a new one', () => {
    const live = { spec: { capacity: {} }, status: { phase: 'Available', lastPhaseTransitionTime: '2026-01-01T00:00:00Z' } };
    expect(update(status, live, { spec: { x: 1 }, status: { phase: 'Available' } }, NOW)).toEqual({ spec: live.spec, status: live.status });
    expect(update(status, live, { status: { phase: 'Bound' } }, NOW).status).toEqual({ phase: 'Bound', lastPhaseTransitionTime: NOW });
    expect(update(status, live, { status: { phase: 'Bound', lastPhaseTransitionTime: '2026-01-01T00:00:00.000Z' } }, NOW).status).toEqual({ phase: 'Bound', lastPhaseTransitionTime: NOW });
    expect(update(status, live, { status: { phase: 'Bound', lastPhaseTransitionTime: '2026-02-02T00:00:00Z' } }, NOW).status).toEqual({ phase: 'Bound', lastPhaseTransitionTime: '2026-02-02T00:00:00Z' });
    expect(update(status, live, { status: { phase: 'Bound' } }).status).toEqual({ phase: 'Bound' });
    expect(update(status, live, { status: { phase: 'Available', lastPhaseTransitionTime: '2026-03-03T00:00:00Z' } }, NOW).status).toEqual({ phase: 'Available', lastPhaseTransitionTime: '2026-03-03T00:00:00Z' });
  });
});

describe('CustomResourceDefinition', () => {
  const crd = { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition' };
  const versions = [{ name: 'v1', storage: false }, { name: 'v2', storage: true }];
  it('create: Go zero status and the storage version in storedVersions', () => {
    expect(create(crd, { spec: { versions }, status: { storedVersions: ['v0'] } }).status).toEqual({ conditions: null, acceptedNames: { plural: '', kind: '' }, storedVersions: ['v2'] });
    expect(create({ apiVersion: 'apiextensions.k8s.io/v1beta1', kind: 'CustomResourceDefinition' }, { spec: { version: 'v1' } }).status).toMatchObject({ storedVersions: ['v1'] });
  });
  it('update: the live status, with the storage version appended when missing', () => {
    const live = { spec: { versions }, status: { storedVersions: ['v1'], conditions: [] } };
    expect(update(crd, live, { spec: { versions }, status: {} }).status).toEqual({ storedVersions: ['v1', 'v2'], conditions: [] });
    expect(update(crd, { ...live, status: { storedVersions: ['v2', 'v1'] } }, { spec: { versions } }).status).toEqual({ storedVersions: ['v2', 'v1'] });
  });
});

describe('APIService', () => {
  const apiService = { apiVersion: 'apiregistration.k8s.io/v1', kind: 'APIService' };
  it('create: a local APIService is Available at once; one with a service is not', () => {
    expect(create(apiService, { spec: { group: 'x' }, status: { conditions: [] } }, NOW).status).toEqual({
      conditions: [{ type: 'Available', status: 'True', lastTransitionTime: NOW, reason: 'Local', message: 'Local APIServices are always available' }],
    });
    expect(create(apiService, { spec: { service: { name: 's', namespace: 'n' } }, status: { conditions: [{ type: 'Available' }] } }).status).toEqual({});
  });
});
