// resetFieldsFor and resetObject against the real API server. For each kind: a create, a main
// apply and a main update that try to set status, a status apply and a status update that try to
// change spec, labels and annotations. The stored spec, status, labels and annotations are
// compared with what resetObject predicts from (live object, what was sent), and each writer's
// managedFields entry with resetFieldsFor: it owns nothing at or under a reset field, and every
// other field it set. Then the quirks the Go sources show (ServiceCIDR's reset fields keyed by a
// group that does not exist, pods/ephemeralcontainers without reset fields, a CRD's status write
// keeping metadata nobody owns), and discovery: every subresource the server lists is in the table.
import { beforeAll, describe, expect, it } from 'vitest';
import { resetFieldsFor, resetObject, statusSubresourceKinds, type WriteTarget } from '../../../src/apply/resetFields/index.ts';
import type { JsonObject } from '../../../src/json/JsonValue.ts';
import { skipReason, uniqueName } from '../helpers/envtest.js';
import { createNamespace, serverOk } from '../helpers/serverRequest.js';
import { resetFieldsCases, type ResetFieldsCase } from './helpers/resetFieldsCases.js';
import { apply, collectionPath, copy, expectApplyOwnership, expectResetParts, overlay, ownedBy, ownsNothingUnder, put } from './helpers/resetFieldsHelpers.js';
import { checkKindWrites } from './helpers/resetFieldsRunner.js';

describe.skipIf(skipReason)('reset fields and status subresources against the real API server', () => {
  const ns = uniqueName('resetfields');
  beforeAll(() => createNamespace(ns));

  describe.each(resetFieldsCases.map((c) => [c.kind, c] as const))('%s', (_kind, c: ResetFieldsCase) => {
    it('create, main apply and update, status apply and update: stored parts as resetObject predicts, ownership as resetFieldsFor says', () =>
      checkKindWrites(c, ns));
  });

  it('discovery: every subresource of a kind served with status is in the table, and every served version of the table is served', async () => {
    const seen = new Set<string>();
    const problems: string[] = [];
    // The built-in group versions: all but those of CRDs, listed after discovery so a CRD another
    // test file adds meanwhile is among them.
    const discovered: string[] = ((await serverOk('GET', '/apis')).groups as any[]).flatMap((g) => g.versions.map((v: any) => v.groupVersion as string));
    const crdGroups = new Set(((await serverOk('GET', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions')).items as any[]).map((crd) => crd.spec.group as string));
    const groupVersions = ['v1', ...discovered.filter((groupVersion) => !crdGroups.has(groupVersion.slice(0, groupVersion.lastIndexOf('/'))))];
    expect(groupVersions).toContain('apps/v1');
    expect(groupVersions).not.toContain('argoproj.io/v1alpha1');
    for (const groupVersion of groupVersions) {
      const list = await serverOk('GET', groupVersion === 'v1' ? '/api/v1' : `/apis/${groupVersion}`);
      const group = groupVersion.includes('/') ? groupVersion.slice(0, groupVersion.lastIndexOf('/')) : '';
      const version = groupVersion.slice(groupVersion.lastIndexOf('/') + 1);
      const resources: any[] = list.resources;
      const withStatus = new Set(resources.filter((r) => r.name.endsWith('/status')).map((r) => r.name.split('/')[0]));
      for (const r of resources.filter((r) => r.name.includes('/') && withStatus.has(r.name.split('/')[0]))) {
        const [resource, subresource] = r.name.split('/');
        const parent = resources.find((p) => p.name === resource);
        const entry = statusSubresourceKinds.find((e) => e.group === group && e.resource === resource);
        if (entry === undefined) {
          problems.push(`${groupVersion} ${r.name} (${parent.kind}) is not in the table`);
          continue;
        }
        seen.add(`${groupVersion} ${r.name}`);
        if (entry.kind !== parent.kind || entry.namespaced !== parent.namespaced) problems.push(`${groupVersion} ${resource}: kind or scope differs`);
        if (!entry.served.includes(version)) problems.push(`${groupVersion} ${resource} is served but not listed as served`);
        if (!Object.hasOwn(entry.subresources, subresource) && !(entry.unmodelled ?? []).includes(subresource)) problems.push(`${groupVersion} ${r.name} is neither modelled nor listed`);
      }
    }
    for (const entry of statusSubresourceKinds) {
      for (const version of entry.served) {
        const groupVersion = entry.group === '' ? version : `${entry.group}/${version}`;
        for (const subresource of [...Object.keys(entry.subresources), ...(entry.unmodelled ?? [])]) {
          if (!seen.has(`${groupVersion} ${entry.resource}/${subresource}`)) problems.push(`${groupVersion} ${entry.resource}/${subresource} is in the table but not served`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('ServiceCIDR: GetResetFields keys "networking/v1" match no request, so writers own status on the main resource and spec and labels through /status, which the status strategy reverts', async () => {
    const target: WriteTarget = { apiVersion: 'networking.k8s.io/v1', kind: 'ServiceCIDR' };
    expect(resetFieldsFor(target)).toBeUndefined();
    expect(resetFieldsFor({ ...target, subresource: 'status' })).toBeUndefined();
    const name = uniqueName('rf-cidr');
    const path = `/apis/networking.k8s.io/v1/servicecidrs/${name}`;
    // Never Ready, so the IP allocator never takes addresses from it (it assumes Ready without a condition).
    const notReady = (message: string) => ({ conditions: [{ type: 'Ready', status: 'False', reason: 'Test', message, lastTransitionTime: '2026-01-01T00:00:00Z' }] });
    const manifest = { apiVersion: 'networking.k8s.io/v1', kind: 'ServiceCIDR', metadata: { name }, spec: { cidrs: ['10.254.0.0/24'] }, status: notReady('create') };
    try {
      expect((await apply(path, 'rf-cidr-create', manifest)).statusCode).toBe(201);
      const created = await serverOk('GET', path);
      expectResetParts(created, resetObject({ ...target, operation: 'create', live: null, written: manifest }), 'create keeps status');
      const mainConfig = { apiVersion: 'networking.k8s.io/v1', kind: 'ServiceCIDR', metadata: { name }, status: notReady('main') };
      await apply(path, 'rf-cidr-main', mainConfig);
      const afterMain = await serverOk('GET', path);
      expectResetParts(afterMain, resetObject({ ...target, operation: 'update', live: created, written: overlay(created, mainConfig) as JsonObject }), 'main apply');
      expect(afterMain.status.conditions[0].message).toBe('main');
      expectApplyOwnership(ownedBy(afterMain, 'rf-cidr-main', 'Apply'), mainConfig, undefined, 'the main apply');
      const statusConfig = { apiVersion: 'networking.k8s.io/v1', kind: 'ServiceCIDR', metadata: { name, labels: { a: 'b' } }, spec: { cidrs: ['10.253.0.0/24'] }, status: notReady('status') };
      await apply(`${path}/status`, 'rf-cidr-status', statusConfig);
      const afterStatus = await serverOk('GET', path);
      expectResetParts(afterStatus, resetObject({ ...target, subresource: 'status', operation: 'update', live: afterMain, written: overlay(afterMain, statusConfig) as JsonObject }), 'status apply');
      expect(afterStatus.metadata.labels).toBeUndefined();
      expectApplyOwnership(ownedBy(afterStatus, 'rf-cidr-status', 'Apply', 'status'), statusConfig, undefined, 'the status apply');
    } finally {
      await serverOk('DELETE', path);
    }
  });

  it('Pod: /status keeps the live ownerReferences (unowned) and takes labels; /ephemeralcontainers and /resize revert all else but report no reset fields, so their writers own it', async () => {
    const name = uniqueName('rf-pod');
    const path = `${collectionPath('v1', 'pods', ns)}/${name}`;
    const target: WriteTarget = { apiVersion: 'v1', kind: 'Pod' };
    await apply(path, 'rf-pod-create', resetFieldsCases.find((c) => c.kind === 'Pod')!.manifest(name));
    const created = await serverOk('GET', path);

    const statusBody = copy(created);
    statusBody.metadata.ownerReferences = [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: '00000000-0000-0000-0000-000000000001' }];
    statusBody.metadata.labels = { ...statusBody.metadata.labels, 'from-status': 'yes' };
    statusBody.status.message = 'status';
    const afterStatus = await put(`${path}/status`, 'rf-pod-status', statusBody);
    const predicted = resetObject({ ...target, subresource: 'status', operation: 'update', live: created, written: statusBody });
    expectResetParts(afterStatus, predicted, 'status update');
    expect(afterStatus.metadata.ownerReferences).toEqual(predicted.metadata && (predicted.metadata as any).ownerReferences);
    expect(afterStatus.metadata.labels['from-status']).toBe('yes');
    const statusOwned = ownedBy(afterStatus, 'rf-pod-status', 'Update', 'status');
    expect(ownsNothingUnder(statusOwned, resetFieldsFor({ ...target, subresource: 'status' }))).toBe(true);
    expect(statusOwned.has([{ kind: 'field', name: 'metadata' }, { kind: 'field', name: 'labels' }, { kind: 'field', name: 'from-status' }])).toBe(true);

    expect(resetFieldsFor({ ...target, subresource: 'ephemeralcontainers' })).toBeUndefined();
    const debugger_ = { name: 'debugger', image: 'busybox', imagePullPolicy: 'Always', resources: {}, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' };
    const ephemeral = { apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { ephemeral: 'yes' } }, spec: { activeDeadlineSeconds: 50, ephemeralContainers: [debugger_] }, status: { message: 'ephemeral' } };
    await apply(`${path}/ephemeralcontainers`, 'rf-pod-ephemeral', ephemeral);
    const afterEphemeral = await serverOk('GET', path);
    expectResetParts(afterEphemeral, resetObject({ ...target, subresource: 'ephemeralcontainers', operation: 'update', live: afterStatus, written: overlay(afterStatus, ephemeral) as JsonObject }), 'ephemeral containers apply');
    expect(afterEphemeral.spec.ephemeralContainers).toEqual([debugger_]);
    expectApplyOwnership(ownedBy(afterEphemeral, 'rf-pod-ephemeral', 'Apply', 'ephemeralcontainers'), ephemeral, undefined, 'the ephemeral containers apply');

    expect(resetFieldsFor({ ...target, subresource: 'resize' })).toBeUndefined();
    const resizeBody = copy(afterEphemeral);
    resizeBody.spec.containers[0].resources = { requests: { cpu: '200m', memory: '64Mi' }, limits: { cpu: '200m', memory: '64Mi' } };
    resizeBody.spec.activeDeadlineSeconds = 40;
    resizeBody.metadata.labels = { ...resizeBody.metadata.labels, resized: 'yes' };
    resizeBody.status.message = 'resize';
    const afterResize = await put(`${path}/resize`, 'rf-pod-resize', resizeBody);
    expectResetParts(afterResize, resetObject({ ...target, subresource: 'resize', operation: 'update', live: afterEphemeral, written: resizeBody }), 'resize');
    expect(afterResize.spec.containers[0].resources.limits.cpu).toBe('200m');
    const resizeOwned = ownedBy(afterResize, 'rf-pod-resize', 'Update', 'resize');
    expect(resizeOwned.has([{ kind: 'field', name: 'metadata' }, { kind: 'field', name: 'labels' }, { kind: 'field', name: 'resized' }])).toBe(true);
  });

  it('CustomResourceDefinition and its custom resources: a CRD /status write keeps its metadata, which nobody owns; a version without subresources.status resets nothing', async () => {
    const group = `${uniqueName('rf')}.example.com`;
    const open = { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
    const schema = { openAPIV3Schema: { type: 'object', properties: { spec: open, status: open } } };
    const crd: JsonObject = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: `widgets.${group}` },
      spec: {
        group,
        scope: 'Namespaced',
        names: { plural: 'widgets', singular: 'widget', kind: 'Widget', listKind: 'WidgetList' },
        versions: [
          { name: 'v1', served: true, storage: true, schema, subresources: { status: {} } },
          { name: 'v2', served: true, storage: false, schema },
        ],
      },
      status: { storedVersions: ['v0'] },
    };
    const crdPath = `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.${group}`;
    const crdTarget: WriteTarget = { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition' };
    try {
      const created = await serverOk('POST', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions?fieldManager=rf-crd', crd);
      // Only storedVersions: the in-process controllers set conditions and acceptedNames right after.
      expect(created.status.storedVersions).toEqual((resetObject({ ...crdTarget, operation: 'create', live: null, written: crd }).status as any).storedVersions);
      const statusConfig = { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: `widgets.${group}`, labels: { rf: 'status' }, annotations: { note: 'x' } }, spec: { scope: 'Cluster' } };
      await apply(`${crdPath}/status`, 'rf-crd-status', statusConfig);
      const afterStatus = await serverOk('GET', crdPath);
      const predicted = resetObject({ ...crdTarget, subresource: 'status', operation: 'update', live: created, written: overlay(created, statusConfig) as JsonObject });
      expect({ spec: afterStatus.spec, labels: afterStatus.metadata.labels, annotations: afterStatus.metadata.annotations }).toEqual({
        spec: predicted.spec,
        labels: (predicted.metadata as any).labels,
        annotations: (predicted.metadata as any).annotations,
      });
      expect(afterStatus.metadata.labels).toEqual({ rf: 'status' });
      expectApplyOwnership(ownedBy(afterStatus, 'rf-crd-status', 'Apply', 'status'), statusConfig, resetFieldsFor({ ...crdTarget, subresource: 'status' }), 'the CRD status apply');

      for (const version of ['v1', 'v2']) {
        const target: WriteTarget = { apiVersion: `${group}/${version}`, kind: 'Widget', crd };
        const name = uniqueName(`widget-${version}`);
        const path = `/apis/${group}/${version}/namespaces/${ns}/widgets/${name}`;
        const widget = { apiVersion: `${group}/${version}`, kind: 'Widget', metadata: { name }, spec: { size: 1 }, status: { ready: true } };
        await apply(path, 'rf-widget', widget);
        const stored = await serverOk('GET', path);
        expectResetParts(stored, resetObject({ ...target, operation: 'create', live: null, written: widget }), `Widget ${version} create`);
        expectApplyOwnership(ownedBy(stored, 'rf-widget', 'Apply'), widget, resetFieldsFor(target), `the Widget ${version} apply`);
      }
      expect(resetFieldsFor({ apiVersion: `${group}/v2`, kind: 'Widget', crd })).toBeUndefined();
    } finally {
      await serverOk('DELETE', crdPath);
    }
  });

  it('Namespace: create sets phase Active and adds the kubernetes finalizer; a main update keeps spec.finalizers; /finalize keeps status', async () => {
    const name = uniqueName('rf-ns');
    const target: WriteTarget = { apiVersion: 'v1', kind: 'Namespace' };
    const manifest = { apiVersion: 'v1', kind: 'Namespace', metadata: { name }, spec: { finalizers: ['example.com/rf'] }, status: { phase: 'Terminating' } };
    const created = await serverOk('POST', '/api/v1/namespaces?fieldManager=rf-ns', manifest);
    const predicted = resetObject({ ...target, operation: 'create', live: null, written: manifest });
    expect({ spec: created.spec, status: created.status }).toEqual({ spec: predicted.spec, status: predicted.status });
    const mainBody = copy(created);
    mainBody.spec.finalizers = ['kubernetes'];
    mainBody.status = { phase: 'Terminating' };
    mainBody.metadata.labels = { ...mainBody.metadata.labels, rf: 'main' };
    const afterMain = await put(`/api/v1/namespaces/${name}`, 'rf-ns-main', mainBody);
    expectResetParts(afterMain, resetObject({ ...target, operation: 'update', live: created, written: mainBody }), 'main update');
    const finalizeBody = copy(afterMain);
    finalizeBody.spec.finalizers = ['kubernetes'];
    finalizeBody.status = { phase: 'Terminating' };
    const afterFinalize = await put(`/api/v1/namespaces/${name}/finalize`, 'rf-ns-finalize', finalizeBody);
    expectResetParts(afterFinalize, resetObject({ ...target, subresource: 'finalize', operation: 'update', live: afterMain, written: finalizeBody }), 'finalize');
    expect(afterFinalize.spec.finalizers).toEqual(['kubernetes']);
    const finalizer = ownedBy(afterFinalize, 'rf-ns-finalize', 'Update', 'finalize');
    expect(ownsNothingUnder(finalizer, resetFieldsFor({ ...target, subresource: 'finalize' }))).toBe(true);
    expect(finalizer.isEmpty()).toBe(false);
  });

  it('Node: a create keeps status (but status.config); a main update keeps the live status; /status keeps the live spec', async () => {
    const name = uniqueName('rf-node');
    const path = `/api/v1/nodes/${name}`;
    const target: WriteTarget = { apiVersion: 'v1', kind: 'Node' };
    const nodeInfo = Object.fromEntries(
      ['machineID', 'systemUUID', 'bootID', 'kernelVersion', 'osImage', 'containerRuntimeVersion', 'kubeletVersion', 'kubeProxyVersion', 'operatingSystem', 'architecture'].map((k) => [k, '']),
    );
    const resources = { cpu: '4', memory: '8Gi', pods: '110' };
    const manifest = {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name, labels: { rf: 'node' } },
      // The TaintNodesByCondition admission plugin (not the strategy) adds this taint on create when missing.
      spec: { unschedulable: true, taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }] },
      // The zero daemonEndpoints and nodeInfo are what the server writes for them anyway.
      status: { capacity: resources, allocatable: resources, daemonEndpoints: { kubeletEndpoint: { Port: 0 } }, nodeInfo },
    };
    try {
      const created = await serverOk('POST', '/api/v1/nodes?fieldManager=rf-node', manifest);
      expectResetParts(created, resetObject({ ...target, operation: 'create', live: null, written: manifest }), 'create');
      const mainBody = copy(created);
      delete mainBody.spec.unschedulable; // (false is Go's zero value, which the server omits)
      mainBody.status.capacity = { ...resources, cpu: '8' };
      const afterMain = await put(path, 'rf-node-main', mainBody);
      expectResetParts(afterMain, resetObject({ ...target, operation: 'update', live: created, written: mainBody }), 'main update');
      const statusBody = copy(afterMain);
      statusBody.spec.unschedulable = true;
      statusBody.status.capacity = { ...resources, cpu: '2' };
      const afterStatus = await put(`${path}/status`, 'rf-node-status', statusBody);
      expectResetParts(afterStatus, resetObject({ ...target, subresource: 'status', operation: 'update', live: afterMain, written: statusBody }), 'status update');
      expect(afterStatus.status.capacity.cpu).toBe('2');
    } finally {
      await serverOk('DELETE', path);
    }
  });
});
