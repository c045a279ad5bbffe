// Custom resources: the apiextensions strategies, by the CRD's subresources.
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { resetFieldsFor, resetObject } from '../../../src/apply/resetFields/index.ts';
import type { JsonObject } from '../../../src/json/JsonValue.ts';
import { deepFreeze, frozenCopy } from '../../helpers/deepFreeze.js';
import { readK8sSchemaText } from '../../helpers/conformance.js';

const rolloutCrd = deepFreeze(parse(readK8sSchemaText('argo-rollouts/v1.9.1/rollout-crd.yaml')) as object);
const target = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', crd: rolloutCrd };
const live = frozenCopy({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Rollout',
  metadata: { name: 'r', labels: { a: '1' }, managedFields: [{ manager: 'old' }], resourceVersion: '3' },
  spec: { replicas: 2 },
  status: { phase: 'Healthy' },
  extra: { top: 'level' },
});

describe('custom resources with subresources.status (the Argo Rollouts v1.9.1 CRD)', () => {
  it('reset fields: status for the resource, spec for /status', () => {
    expect(resetFieldsFor(target)?.toString()).toBe('.status');
    expect(resetFieldsFor({ ...target, subresource: 'status' })?.toString()).toBe('.spec');
  });

  it('create drops status ("create cannot set status"); update keeps the live status, or none', () => {
    expect(resetObject({ ...target, operation: 'create', live: null, written: live })).not.toHaveProperty('status');
    const written = frozenCopy({ ...live, spec: { replicas: 3 }, status: { phase: 'Degraded' } });
    expect(resetObject({ ...target, operation: 'update', live, written })).toEqual({ ...written, status: live.status });
    const { status: _status, ...noStatus } = live;
    expect(resetObject({ ...target, operation: 'update', live: frozenCopy(noStatus), written })).not.toHaveProperty('status');
  });

  it('/status: the live object but status and managedFields ("update is only allowed to set status")', () => {
    const written = frozenCopy({ ...live, metadata: { name: 'r', labels: { a: '2' }, managedFields: [{ manager: 'new' }], resourceVersion: '3' }, spec: { replicas: 9 }, status: { phase: 'Paused' }, extra: null });
    const result = resetObject({ ...target, subresource: 'status', operation: 'update', live, written });
    expect(result).toEqual({ ...live, metadata: { ...live.metadata, managedFields: [{ manager: 'new' }] }, status: { phase: 'Paused' } });
    const { status: _status, ...noStatus } = written;
    expect(resetObject({ ...target, subresource: 'status', operation: 'update', live, written: frozenCopy(noStatus) as JsonObject })).not.toHaveProperty('status');
    const same = frozenCopy({ ...live, status: { phase: 'Paused' } });
    expect(resetObject({ ...target, subresource: 'status', operation: 'update', live, written: same })).toBe(same);
  });
});

describe('custom resources without subresources.status', () => {
  const crd = frozenCopy({ spec: { group: 'example.com', names: { kind: 'Widget' }, versions: [{ name: 'v1' }] } });
  it('nothing is reset or restored', () => {
    const widget = frozenCopy({ apiVersion: 'example.com/v1', kind: 'Widget', status: { ready: true } });
    expect(resetFieldsFor({ apiVersion: 'example.com/v1', kind: 'Widget', crd })).toBeUndefined();
    expect(resetObject({ apiVersion: 'example.com/v1', kind: 'Widget', crd, operation: 'create', live: null, written: widget })).toBe(widget);
    expect(resetObject({ apiVersion: 'example.com/v1', kind: 'Widget', crd, operation: 'update', live: frozenCopy({}), written: widget })).toBe(widget);
  });
});
