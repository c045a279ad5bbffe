import { describe, expect, it } from 'vitest';
import { recordUpdate, serverSideApply, type JsonObject } from 'kubepatch';
import { extractOwned } from 'kubepatch';
import { deepFreeze } from '../helpers/deepFreeze.js';
import { thrownKubepatchError } from '../helpers/thrownKubepatchError.js';

const now = new Date('2026-12-07T10:00:00Z');
const later = new Date('2026-12-07T11:00:00Z');

const deployment = (metadata: JsonObject, spec: JsonObject): JsonObject =>
  deepFreeze({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop', ...metadata }, spec });

const alphaConfig = deployment(
  { labels: { app: 'web' } },
  {
    replicas: 3,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'app:1', ports: [{ containerPort: 80 }], resources: {} }] } },
  },
);
const betaConfig = deployment({ labels: { team: 'b' }, annotations: { note: 'b' } }, { template: { spec: { containers: [{ name: 'side', image: 'side:1', args: ['--v=2'] }] } } });

/** alpha creates the Deployment, beta adds a label, an annotation and a sidecar. */
function twoAppliers(): JsonObject {
  const created = serverSideApply(null, alphaConfig, { manager: 'alpha', now }).object;
  return deepFreeze(serverSideApply(created, betaConfig, { manager: 'beta', now }).object);
}

/** Re-applying the extraction by its manager: the object as it was, managedFields and their times included. */
function expectNoOp(live: JsonObject, manager: string, options: { subresource?: string; crds?: readonly object[] } = {}): void {
  const config = extractOwned(live, manager, options)!;
  expect(serverSideApply(live, deepFreeze(config), { manager, now: later, ...options }).object).toEqual(live);
}

describe('extractOwned: what a manager applied, from the live object', () => {
  it('gives each applier its own fields, with apiVersion, kind, name and namespace first', () => {
    const live = twoAppliers();
    const alpha = extractOwned(live, 'alpha')!;
    expect(Object.keys(alpha)).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
    expect(Object.keys(alpha.metadata as JsonObject)).toEqual(['name', 'namespace', 'labels']);
    // What alpha applied; the defaults the server filled in (imagePullPolicy, protocol, …) are not alpha's.
    expect(alpha).toEqual(alphaConfig);
    expect(extractOwned(live, 'beta')).toEqual(betaConfig);
    expectNoOp(live, 'alpha');
    expectNoOp(live, 'beta');
  });

  it('follows ownership: a forced apply and an update take fields away, and their current values are extracted', () => {
    const betaScaled = deployment(betaConfig.metadata as JsonObject, { ...(betaConfig.spec as JsonObject), replicas: 5 });
    const forced = deepFreeze(serverSideApply(twoAppliers(), betaScaled, { manager: 'beta', force: true, now }).object);
    const edited = JSON.parse(JSON.stringify(forced));
    edited.spec.template.spec.containers.find((c: JsonObject) => c.name === 'app').image = 'app:2';
    const live = deepFreeze(recordUpdate(forced, deepFreeze(edited), { manager: 'kubectl-edit', now }).object);
    const alpha = extractOwned(live, 'alpha')!;
    expect((alpha.spec as JsonObject).replicas).toBeUndefined();
    expect(JSON.parse(JSON.stringify(alpha)).spec.template.spec.containers).toEqual([{ name: 'app', ports: [{ containerPort: 80 }], resources: {} }]);
    expect(extractOwned(live, 'beta')).toEqual(betaScaled);
    expect(extractOwned(live, 'kubectl-edit')).toBeUndefined(); // an Update entry: nothing applied
    expectNoOp(live, 'alpha');
    expectNoOp(live, 'beta');
  });

  it('is undefined for a manager with no Apply entry for the subresource', () => {
    const live = twoAppliers();
    expect(extractOwned(live, 'gamma')).toBeUndefined();
    expect(extractOwned(live, 'alpha', { subresource: 'status' })).toBeUndefined();
    expect(extractOwned({ ...live, metadata: { name: 'web' } }, 'alpha')).toBeUndefined();
  });

  it('extracts through the status subresource what was applied there', () => {
    const status = deepFreeze({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop' }, status: { replicas: 3, conditions: [{ type: 'Available', status: 'True' }] } });
    const live = deepFreeze(serverSideApply(twoAppliers(), status, { manager: 'controller', subresource: 'status', now }).object);
    expect(extractOwned(live, 'controller', { subresource: 'status' })).toEqual(status);
    expect(extractOwned(live, 'controller')).toBeUndefined();
    expectNoOp(live, 'controller', { subresource: 'status' });
  });

  it('keeps an owned atomic value whole, and an owned empty map or list as it was applied', () => {
    const config = deepFreeze({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'shop', finalizers: ['example.com/a'] },
      spec: { containers: [{ name: 'app', image: 'app:1', command: ['serve'], resources: {}, securityContext: { capabilities: { add: ['NET_ADMIN'] } } }], nodeSelector: { disk: 'ssd' } },
    });
    const live = deepFreeze(serverSideApply(null, config, { manager: 'alpha', now }).object);
    // Go's ExtractItems gives `resources: null` here, which client-go's typed configuration drops.
    expect(extractOwned(live, 'alpha')).toEqual(config);
    expectNoOp(live, 'alpha');
  });

  it('leaves out owned fields the stored object lost, without an empty map claiming their parent', () => {
    // An empty nodeSelector is owned but not stored (Go's omitempty).
    const config = deepFreeze({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'shop' }, spec: { containers: [{ name: 'app', image: 'app:1' }], nodeSelector: {} } });
    const live = deepFreeze(serverSideApply(null, config, { manager: 'alpha', now }).object);
    expect((live.spec as JsonObject).nodeSelector).toBeUndefined();
    const extracted = extractOwned(live, 'alpha')!;
    expect(extracted).toEqual({ ...config, spec: { containers: [{ name: 'app', image: 'app:1' }] } });
    // The one case where re-applying is not a no-op: the lost field leaves the entry (the object stays).
    const again = serverSideApply(live, deepFreeze(extracted), { manager: 'alpha', now: later });
    expect(again.object.spec).toEqual(live.spec);
    expect(JSON.stringify(again.managedFields[0]!.fieldsV1)).toBe(JSON.stringify({ 'f:spec': { 'f:containers': { 'k:{"name":"app"}': { '.': {}, 'f:image': {}, 'f:name': {} } } } }));
  });

  it('sets no namespace for a cluster-scoped object, and the name always', () => {
    const role = deepFreeze({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'reader' }, rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }] });
    const live = deepFreeze(serverSideApply(null, role, { manager: 'alpha', now }).object);
    expect(extractOwned(live, 'alpha')).toEqual(role);
    expectNoOp(live, 'alpha');
  });

  it('reads a custom resource by its CRD, and asks for the CRD without it', () => {
    const widget = deepFreeze({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', namespace: 'shop' }, spec: { size: 2, parts: [{ name: 'a', weight: 1 }], tags: ['x'] } });
    const created = serverSideApply(null, widget, { manager: 'alpha', crds: [WIDGET_CRD], now }).object;
    const other = deepFreeze({ ...widget, spec: { parts: [{ name: 'b', weight: 2 }], tags: ['y'] } });
    const live = deepFreeze(serverSideApply(created, other, { manager: 'beta', crds: [WIDGET_CRD], now }).object);
    expect(extractOwned(live, 'alpha', { crds: [WIDGET_CRD] })).toEqual(widget);
    expect(extractOwned(live, 'beta', { crds: [WIDGET_CRD] })).toEqual(other);
    expectNoOp(live, 'alpha', { crds: [WIDGET_CRD] });
    expect(thrownKubepatchError('INVALID_SCHEMA', () => extractOwned(live, 'alpha')).message).toMatch(/pass its CustomResourceDefinition/);
  });

  it('refuses what is no object, and an entry whose fieldsV1 does not decode, with its pointer', () => {
    expect(thrownKubepatchError('INVALID_DOCUMENT', () => extractOwned([] as never, 'alpha'))).toMatchObject({ path: '', input: 'object' });
    const bad = deepFreeze({
      ...alphaConfig,
      metadata: { name: 'web', managedFields: [{ manager: 'x', operation: 'Update' }, { manager: 'alpha', operation: 'Apply', apiVersion: 'apps/v1', fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'q:x': {} } } }] },
    });
    const error = thrownKubepatchError('INVALID_DOCUMENT', () => extractOwned(bad, 'alpha'));
    expect(error.path).toBe('/metadata/managedFields/1/fieldsV1/f:spec/q:x');
    expect(error.message).toMatch(/managedFields entry of "alpha" does not decode/);
    // Other entries are not read (Go's findManagedFields looks at manager, operation and subresource only).
    expect(extractOwned(bad, 'x')).toBeUndefined();
  });
});

const WIDGET_CRD = deepFreeze({
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'widgets.example.com' },
  spec: {
    group: 'example.com',
    scope: 'Namespaced',
    names: { kind: 'Widget', plural: 'widgets', singular: 'widget', listKind: 'WidgetList' },
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        subresources: { status: {} },
        schema: {
          openAPIV3Schema: {
            type: 'object',
            properties: {
              spec: {
                type: 'object',
                properties: {
                  size: { type: 'integer' },
                  parts: {
                    type: 'array',
                    'x-kubernetes-list-type': 'map',
                    'x-kubernetes-list-map-keys': ['name'],
                    items: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, weight: { type: 'integer' } } },
                  },
                  tags: { type: 'array', 'x-kubernetes-list-type': 'set', items: { type: 'string' } },
                },
              },
              status: { type: 'object', properties: { ready: { type: 'boolean' } } },
            },
          },
        },
      },
    ],
  },
});
