import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyStrategicMergePatch,
  createJsonPatch,
  applyJsonPatch,
  createStrategicMergePatch,
  PatchSchema,
  schemaFromCRD,
  serverSideApply,
  type JsonObject,
  type ManagedFieldsEntry,
  type SchemaTable,
  type WriteOptions,
} from 'kubepatch';
import { skipReason, uniqueName } from '../helpers/envtest.js';
import { createNamespace, serverOk, serverRequest } from '../helpers/serverRequest.js';

// One schema object serves both engines: the `PatchSchema` of a custom kind, whether read from
// its CRD (`schemaFromCRD`) or written by hand as a `SchemaTable` (`PatchSchema.fromTable`), is
// what strategic merge patch and keyed JSON Patch take and what server-side apply takes as
// `schema`; every apply predicted with it equals the real API server's answer for the same kind
// served from the CRD (object, managedFields, conflicts).

const APPLY = 'application/apply-patch+yaml';

/** managedFields without their times, which the server stamps. */
const untimed = (entries: readonly ManagedFieldsEntry[] | undefined) => (entries ?? []).map(({ time: _time, ...rest }) => rest);

const str = { type: 'string' };
/** A Gadget's spec: every kind of list and map server-side apply tells apart. */
const gadgetSpec = {
  type: 'object',
  properties: {
    replicas: { type: 'integer' },
    limit: { 'x-kubernetes-int-or-string': true },
    items: {
      type: 'array',
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-list-map-keys': ['name'],
      items: { type: 'object', required: ['name'], properties: { name: str, value: str, tags: { type: 'array', 'x-kubernetes-list-type': 'set', items: str } } },
    },
    ports: {
      type: 'array',
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-list-map-keys': ['port', 'protocol'],
      items: { type: 'object', required: ['port', 'protocol'], properties: { port: { type: 'integer' }, protocol: str, name: str } },
    },
    hosts: { type: 'array', 'x-kubernetes-list-type': 'set', items: str },
    args: { type: 'array', items: str },
    labels: { type: 'object', 'x-kubernetes-map-type': 'atomic', additionalProperties: str },
    annotations: { type: 'object', additionalProperties: str },
    selector: { type: 'object', 'x-kubernetes-map-type': 'atomic', properties: { app: str, tier: str } },
    config: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
  },
};

const scalar = (type?: 'string' | 'integer') => ({ type: type === undefined ? { kind: 'scalar' as const } : { kind: 'scalar' as const, type }, patchStrategies: [] });

/**
 * The same kind written by hand as a schema table. Lists say how they merge as strategic merge
 * patch writes it where it can (`merge` + merge key: keyed by it; `merge` alone: a set), which
 * apply reads as kube-openapi reads `x-kubernetes-patch-strategy`; the two-key list says
 * `listType`.
 */
const gadgetTable: SchemaTable = {
  'example.Gadget': {
    fields: {
      apiVersion: scalar('string'),
      kind: scalar('string'),
      metadata: { type: { kind: 'struct', ref: 'example.ObjectMeta' }, patchStrategies: [] },
      spec: { type: { kind: 'struct', ref: 'example.GadgetSpec' }, patchStrategies: [] },
    },
  },
  'example.ObjectMeta': {
    fields: {
      name: scalar('string'),
      namespace: scalar('string'),
      labels: { type: { kind: 'map', elem: { kind: 'scalar', type: 'string' } }, patchStrategies: [] },
    },
    preserveUnknownFields: true,
  },
  'example.GadgetSpec': {
    fields: {
      replicas: scalar('integer'),
      limit: { type: { kind: 'scalar', format: 'int-or-string' }, patchStrategies: [] },
      items: { type: { kind: 'list', elem: { kind: 'struct', ref: 'example.Item' } }, patchStrategies: ['merge'], patchMergeKey: 'name' },
      ports: {
        type: { kind: 'list', elem: { kind: 'struct', ref: 'example.Port' } },
        patchStrategies: [],
        listType: 'map',
        listMapKeys: ['port', 'protocol'],
      },
      hosts: { type: { kind: 'list', elem: { kind: 'scalar', type: 'string' } }, patchStrategies: ['merge'] },
      args: { type: { kind: 'list', elem: { kind: 'scalar', type: 'string' } }, patchStrategies: [] },
      labels: { type: { kind: 'map', elem: { kind: 'scalar', type: 'string' } }, patchStrategies: [], mapType: 'atomic' },
      annotations: { type: { kind: 'map', elem: { kind: 'scalar', type: 'string' } }, patchStrategies: [] },
      selector: { type: { kind: 'struct', ref: 'example.Selector' }, patchStrategies: [], structType: 'atomic' },
      config: { type: { kind: 'unknown' }, patchStrategies: [] },
    },
  },
  'example.Item': {
    fields: {
      name: scalar('string'),
      value: scalar('string'),
      tags: { type: { kind: 'list', elem: { kind: 'scalar', type: 'string' } }, patchStrategies: ['merge'] },
    },
  },
  'example.Port': { fields: { port: scalar('integer'), protocol: scalar('string'), name: scalar('string') } },
  'example.Selector': { fields: { app: scalar('string'), tier: scalar('string') } },
};

describe.skipIf(skipReason !== undefined)('one schema object for strategic merge patch and server-side apply', () => {
  const namespace = uniqueName('ssa-schema');
  const group = `${uniqueName('gadgets')}.example.com`;
  const crdPath = `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/gadgets.${group}`;
  const crd: JsonObject = {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `gadgets.${group}` },
    spec: {
      group,
      scope: 'Namespaced',
      names: { plural: 'gadgets', singular: 'gadget', kind: 'Gadget', listKind: 'GadgetList' },
      versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', properties: { spec: gadgetSpec } } } }],
    },
  };

  beforeAll(async () => {
    await createNamespace(namespace);
    await serverOk('POST', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', crd);
    // Served once the apiextensions controllers have accepted the names.
    for (let attempt = 0; attempt < 300; attempt++) {
      if ((await serverRequest('GET', `/apis/${group}/v1/namespaces/${namespace}/gadgets`)).statusCode === 200) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`gadgets.${group} was not served in 30 s`);
  }, 60_000);

  afterAll(async () => {
    if (skipReason === undefined) await serverRequest('DELETE', crdPath);
  });

  const gadget = (name: string, spec: JsonObject): JsonObject => ({ apiVersion: `${group}/v1`, kind: 'Gadget', metadata: { name, namespace }, spec });

  /** The ways to tell the engine the kind: the CRD by name, its PatchSchema, a hand-written PatchSchema. */
  const schemas = (): Record<string, Partial<WriteOptions>> => ({
    crds: { crds: [crd] },
    'schemaFromCRD': { schema: schemaFromCRD(crd, 'v1') },
    'PatchSchema.fromTable': { schema: PatchSchema.fromTable(gadgetTable, 'example.Gadget') },
  });

  /** Applies on the server and checks every way's prediction against its answer; returns the live object after. */
  async function applyAndCompare(live: JsonObject | null, config: JsonObject, manager: string, force = false): Promise<{ live: JsonObject | null; status: number }> {
    const name = (config.metadata as { name: string }).name;
    const path = `/apis/${group}/v1/namespaces/${namespace}/gadgets/${name}?fieldManager=${manager}${force ? '&force=true' : ''}`;
    const answer = await serverRequest('PATCH', path, config, APPLY);
    for (const [way, options] of Object.entries(schemas())) {
      let outcome: ReturnType<typeof serverSideApply> | Error;
      try {
        outcome = serverSideApply(live, config, { manager, force, ...options });
      } catch (error) {
        outcome = error as Error;
      }
      if (answer.statusCode === 409) {
        expect(outcome, way).toBeInstanceOf(Error);
        expect((outcome as Error).message, way).toBe(answer.body.message);
      } else {
        expect(answer.statusCode, JSON.stringify(answer.body)).toBeLessThan(300);
        if (outcome instanceof Error) throw new Error(`${way}: ${outcome.message}`);
        expect(untimed(outcome.managedFields), way).toEqual(untimed(answer.body.metadata.managedFields));
        expect(outcome.object.spec, way).toEqual(answer.body.spec);
      }
    }
    return { live: answer.statusCode === 409 ? live : (answer.body as JsonObject), status: answer.statusCode };
  }

  it('predicts applies by three managers, conflicts and removals included, from either schema', async () => {
    const name = uniqueName('gadget');
    const first = gadget(name, {
      replicas: 1,
      limit: '50%',
      items: [{ name: 'a', value: '1', tags: ['x', 'y'] }, { name: 'b', value: '2' }],
      ports: [{ port: 80, protocol: 'TCP', name: 'http' }, { port: 53, protocol: 'UDP' }],
      hosts: ['one.example.com', 'two.example.com'],
      args: ['--verbose'],
      labels: { team: 'web' },
      annotations: { note: 'first' },
      selector: { app: 'web', tier: 'front' },
      config: { nested: { a: 1, list: [1, 2] } },
    });
    let step = await applyAndCompare(null, first, 'owner');
    // A second manager adds list elements, set members and map keys beside the owner's.
    step = await applyAndCompare(step.live, gadget(name, {
      items: [{ name: 'c', value: '3', tags: ['z'] }],
      ports: [{ port: 53, protocol: 'TCP' }],
      hosts: ['three.example.com'],
      annotations: { extra: 'yes' },
      config: { other: true },
    }), 'helper');
    // Conflicts: a value of the owner's keyed element, its atomic labels and selector, a scalar.
    step = await applyAndCompare(step.live, gadget(name, { replicas: 3, items: [{ name: 'a', value: 'changed' }], labels: { team: 'shop' }, selector: { app: 'web' } }), 'helper');
    expect(step.status).toBe(409);
    step = await applyAndCompare(step.live, gadget(name, { replicas: 3, items: [{ name: 'a', value: 'changed' }], labels: { team: 'shop' }, selector: { app: 'web' } }), 'helper', true);
    expect(step.status).toBeLessThan(300);
    // The owner drops fields: those it alone owned go, shared and taken-over ones stay.
    step = await applyAndCompare(step.live, gadget(name, {
      limit: 3,
      items: [{ name: 'b', value: '2' }],
      ports: [{ port: 80, protocol: 'TCP' }],
      hosts: ['two.example.com'],
      args: ['--quiet', '--verbose'],
      config: { nested: { a: 2 } },
    }), 'owner');
    expect(step.status).toBeLessThan(300);
  });

  it('the same schema objects drive strategic merge patch and keyed JSON Patch on the stored objects', async () => {
    const name = uniqueName('gadget');
    const created = await applyAndCompare(null, gadget(name, {
      items: [{ name: 'a', value: '1', tags: ['x'] }, { name: 'b', value: '2' }],
      ports: [{ port: 80, protocol: 'TCP' }],
      hosts: ['one.example.com'],
    }), 'owner');
    const live = created.live!;
    const desired = structuredClone(live) as { spec: { items: { name: string; value?: string }[]; hosts: string[] } };
    desired.spec.items = [{ name: 'b', value: '2' }, { name: 'c', value: '3' }];
    desired.spec.hosts = ['one.example.com', 'two.example.com'];
    for (const [way, options] of Object.entries(schemas())) {
      if (options.schema === undefined) continue;
      const patch = createStrategicMergePatch(live, desired as unknown as JsonObject, options.schema);
      expect(applyStrategicMergePatch(live, patch, options.schema), way).toEqual(desired);
      const jsonPatch = createJsonPatch(live, desired as unknown as JsonObject, { schema: options.schema });
      expect(applyJsonPatch(live, jsonPatch), way).toEqual(desired);
    }
  });
});
