import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FieldSet } from '../../src/apply/fieldsV1/FieldSet.js';
import { serverSideApply } from '../../src/apply/serverSideApply.js';
import { isKubepatchError } from '../../src/errors/isKubepatchError.js';
import { isRealChange } from '../../src/semantic/isRealChange.js';
import type { SemanticChange } from '../../src/semantic/SemanticChange.js';
import { serverSideDiff, type ServerSideDiffResult } from 'kubepatch';
import { frozenCopy } from '../helpers/deepFreeze.js';

const F = 'test/cli/fixtures';
const read = (file: string) => frozenCopy(parse(readFileSync(`${F}/${file}`, 'utf8')) as Record<string, any>);
// A Deployment kube-apiserver 1.33.13 stored after applies by alpha (replicas, labels app and tier, containers app and side) and beta (label team).
const LIVE = read('apply-server-side.live.yaml');
// alpha's next configuration: no tier label, no side container, image app:2.
const CONFIG = read('apply-server-side.config.yaml');
const WIDGET_CRD = read('apply-server-side.crd.yaml');
const NOW = new Date('2026-12-08T09:00:00Z');

const deployment = (spec: object, metadata: object = {}) => frozenCopy({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop', ...metadata }, spec });
const owned = (managedFields: readonly any[], manager: string) => {
  const entry = managedFields.find((e) => e.manager === manager);
  return entry === undefined ? [] : FieldSet.fromFieldsV1(entry.fieldsV1).leaves().toString().split('\n');
};
const real = (changes: readonly SemanticChange[]) => changes.filter(isRealChange).map((c) => `${c.kind} ${c.path}`);
/** The predicted object, for reading its fields. */
const stored = (result: ServerSideDiffResult) => result.predicted.object as Record<string, any>;

describe('serverSideDiff: what a forced server-side apply would store, against live', () => {
  it("predicts the apply (removals of the manager's dropped fields included) and lists how it differs from live", () => {
    const result = serverSideDiff(LIVE, CONFIG, { manager: 'alpha', now: NOW });
    expect(real(result.changes)).toEqual([
      'removed metadata.labels.tier',
      'changed spec.template.spec.containers[name=app].image',
      'removed spec.template.spec.containers[name=side]',
    ]);
    expect(result.conflicts).toEqual([]);
    expect(result.predicted).toEqual(serverSideApply(LIVE, CONFIG, { manager: 'alpha', now: NOW }));
    expect(stored(result).metadata).toMatchObject({ resourceVersion: '207', uid: LIVE.metadata.uid });
  });

  it('forces, as Argo CD does: the fields of other managers are taken and reported as conflicts', () => {
    const result = serverSideDiff(LIVE, deployment({ replicas: 5 }), { manager: 'argocd-controller', now: NOW });
    expect(result.conflicts).toEqual([expect.objectContaining({ manager: 'alpha', operation: 'Apply', serverPath: '.spec.replicas' })]);
    expect(real(result.changes)).toEqual(['changed spec.replicas']);
    expect(result.changes.find((c) => c.path === 'spec.replicas')).toMatchObject({ from: 3, to: 5 });
    expect(owned(result.predicted.managedFields, 'argocd-controller')).toEqual(['.spec.replicas']);
    expect(owned(result.predicted.managedFields, 'alpha')).not.toContain('.spec.replicas');
  });

  it('in sync: the manifest of what live holds gives no real change and no conflict', () => {
    const same = frozenCopy({ ...CONFIG, metadata: { ...CONFIG.metadata, labels: { app: 'web', tier: 'frontend' } }, spec: { ...CONFIG.spec, template: { ...CONFIG.spec.template, spec: { containers: [{ name: 'app', image: 'app:1' }, { name: 'side', image: 'side:1' }] } } } });
    const result = serverSideDiff(LIVE, same, { manager: 'alpha', now: NOW });
    expect(real(result.changes)).toEqual([]);
    expect(result.conflicts).toEqual([]);
    expect(result.predicted.managedFields).toEqual(LIVE.metadata.managedFields);
  });

  it('live null: the create, and one added (object) change', () => {
    const result = serverSideDiff(null, CONFIG, { manager: 'argocd-controller', now: NOW });
    expect(result.changes).toEqual([{ path: '(object)', pointer: '', kind: 'added', to: result.predicted.object }]);
    expect(stored(result).spec).toMatchObject({ replicas: 3, strategy: { type: 'RollingUpdate' } }); // the server's defaults
    expect(result.predicted.managedFields.map((e) => `${e.manager} ${e.operation}`)).toEqual(['argocd-controller Apply']);
  });

  it("semantic options reach the comparison (Argo CD's ignoreDifferences as ignore rules)", () => {
    const result = serverSideDiff(LIVE, deployment({ replicas: 5 }), { manager: 'argocd-controller', now: NOW, semantic: { ignore: ['/spec/replicas'] } });
    expect(real(result.changes)).toEqual([]);
    expect(stored(result).spec.replicas).toBe(5);
  });

  it('a custom kind by its CRD: applied and compared by its schema (list elements by key)', () => {
    const widget = (parts: object[]) => frozenCopy({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', namespace: 'shop' }, spec: { parts } });
    const live = serverSideApply(null, widget([{ name: 'x', weight: 1 }]), { manager: 'a', crds: [WIDGET_CRD], now: NOW }).object;
    const result = serverSideDiff(frozenCopy(live), widget([{ name: 'bolt', weight: 2 }]), { manager: 'b', crds: [WIDGET_CRD], now: NOW });
    expect(stored(result).spec.parts).toEqual([{ name: 'x', weight: 1 }, { name: 'bolt', weight: 2 }]);
    expect(real(result.changes)).toEqual(['added spec.parts[name=bolt]']);
  });
});

describe("serverSideDiff applies the manifest as Argo CD sends it to its dry run", () => {
  it("a Secret's stringData is folded into data first: the manager owns data keys, never stringData", () => {
    const live = serverSideApply(null, { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'shop' }, data: { user: 'YWRtaW4=' } }, { manager: 'kubectl', now: NOW }).object;
    const desired = frozenCopy({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'shop' }, data: { user: 'YWRtaW4=' }, stringData: { token: 'héllo' } });
    const result = serverSideDiff(frozenCopy(live), desired, { manager: 'argocd-controller', now: NOW });
    expect(stored(result).data).toEqual({ user: 'YWRtaW4=', token: 'aMOpbGxv' });
    expect(stored(result).stringData).toBeUndefined();
    expect(owned(result.predicted.managedFields, 'argocd-controller')).toEqual(['.data.token', '.data.user']);
    expect(real(result.changes)).toEqual(['added data.token']);
  });

  it('through the Go struct: omitempty zero values are not applied (not owned), quantities are canonical', () => {
    const desired = deployment({ paused: false, minReadySeconds: 0, template: { spec: { containers: [{ name: 'app', image: 'app:1', resources: { limits: { cpu: 0.5 } } }] } } });
    const result = serverSideDiff(LIVE, desired, { manager: 'argocd-controller', now: NOW });
    const fields = owned(result.predicted.managedFields, 'argocd-controller');
    expect(fields).toContain('.spec.template.spec.containers[name="app"].resources.limits.cpu');
    expect(fields.filter((f) => /paused|minReadySeconds/.test(f))).toEqual([]);
    expect(stored(result).spec.template.spec.containers[0].resources).toEqual({ limits: { cpu: '500m' } });
    expect(real(result.changes)).toEqual(['added spec.template.spec.containers[name=app].resources.limits']);
  });

  it("metadata.creationTimestamp is taken out (rendered manifests carry creationTimestamp: null): live's stays", () => {
    const desired = frozenCopy({ ...CONFIG, metadata: { ...CONFIG.metadata, creationTimestamp: null } });
    const result = serverSideDiff(LIVE, desired, { manager: 'alpha', now: NOW });
    expect(stored(result).metadata.creationTimestamp).toBe(LIVE.metadata.creationTimestamp);
    expect(owned(result.predicted.managedFields, 'alpha')).not.toContain('.metadata.creationTimestamp');
    expect(result.changes.map((c) => c.path)).not.toContain('metadata.creationTimestamp');
  });

  it('a field the kind does not have: the manifest is sent as it is, and refused as the server refuses it', () => {
    const thrown = (() => {
      try {
        return serverSideDiff(LIVE, deployment({ replicas: 3, replicaz: 4 }), { manager: 'alpha' });
      } catch (error) {
        return error;
      }
    })();
    expect(isKubepatchError(thrown, 'INVALID_DOCUMENT')).toBe(true);
    expect((thrown as Error).message).toMatch(/\/spec\/replicaz: field not declared in schema/);
  });
});

describe('serverSideDiff: typed errors', () => {
  const throws = (fn: () => unknown, code: string) => {
    try {
      fn();
    } catch (error) {
      expect(isKubepatchError(error as Error, code as never)).toBe(true);
      return;
    }
    throw new Error('did not throw');
  };

  it('refuses bad options and inputs', () => {
    throws(() => serverSideDiff(LIVE, CONFIG, null as never), 'INVALID_DOCUMENT');
    throws(() => serverSideDiff(LIVE, CONFIG, { manager: '' }), 'INVALID_DOCUMENT');
    throws(() => serverSideDiff(LIVE, CONFIG, { manager: 'a', semantic: 'strict' as never }), 'INVALID_DOCUMENT');
    throws(() => serverSideDiff(LIVE, [] as never, { manager: 'a' }), 'INVALID_DOCUMENT');
    throws(() => serverSideDiff(LIVE, { ...CONFIG, kind: 'StatefulSet' }, { manager: 'a' }), 'INVALID_DOCUMENT');
    throws(() => serverSideDiff(null, { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } }, { manager: 'a' }), 'INVALID_SCHEMA');
  });
});
