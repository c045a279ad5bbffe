// Item 16 of issue #12: a schema of another kind than the object, and a patch between objects of
// different kinds, used to succeed silently. They are now typed errors; objects or schemas that
// name no kind are left alone.
import {
  applyStrategicMergePatch,
  createMergePatch,
  createPatchFor,
  createStrategicMergePatch,
  createThreeWayStrategicMergePatch,
  InvalidDocumentError,
  InvalidSchemaError,
  PatchSchema,
  rolloutSchema,
  schemaFor,
} from 'kubepatch';
import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../helpers/deepFreeze.js';

const deploymentSchema = schemaFor('apps/v1', 'Deployment')!;
const serviceSchema = schemaFor('v1', 'Service')!;
const deployment = (replicas: number, apiVersion = 'apps/v1') =>
  deepFreeze({ apiVersion, kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas } });
const service = (port: number) =>
  deepFreeze({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { ports: [{ port, protocol: 'TCP' }] } });
const rollout = (replicas: number) => deepFreeze({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name: 'web' }, spec: { replicas } });
const widget = deepFreeze({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'web' }, spec: { replicas: 1 } });

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('a schema of another kind than the object', () => {
  it('applyStrategicMergePatch refuses a Deployment patched with the Service schema', () => {
    const error = thrown(() => applyStrategicMergePatch(deployment(1), deepFreeze({ spec: { replicas: 2 } }), serviceSchema));
    expect(error).toBeInstanceOf(InvalidSchemaError);
    expect(error).toMatchObject({ code: 'INVALID_SCHEMA', input: 'schema' });
    expect((error as Error).message).toBe(
      'schema: the schema is for a Service (v1), but document is a Deployment (apps/v1): pass the schema of the object\'s own kind (schemaFor(document))',
    );
  });

  it('createStrategicMergePatch and createThreeWayStrategicMergePatch refuse it too', () => {
    expect(() => createStrategicMergePatch(deployment(1), deployment(2), serviceSchema)).toThrow(
      expect.objectContaining({ code: 'INVALID_SCHEMA', input: 'schema' }),
    );
    expect(() => createThreeWayStrategicMergePatch(deployment(1), deployment(2), deployment(1), serviceSchema)).toThrow(InvalidSchemaError);
    // Only the live object names its kind: it is checked all the same.
    expect(() => createThreeWayStrategicMergePatch(null, deepFreeze({ spec: { replicas: 2 } }), deployment(1), serviceSchema)).toThrow(InvalidSchemaError);
  });

  it('refuses a built-in schema for a custom resource, and the Rollout schema for a Deployment', () => {
    expect(() => applyStrategicMergePatch(widget, {}, deploymentSchema)).toThrow(InvalidSchemaError);
    expect(() => applyStrategicMergePatch(deployment(1), {}, rolloutSchema())).toThrow(/the schema is for a Rollout \(argoproj.io\/v1alpha1\)/);
    expect(applyStrategicMergePatch(rollout(1), { spec: { replicas: 2 } }, rolloutSchema())).toEqual(rollout(2));
  });

  it('takes the schema of another version of the same group and kind', () => {
    const v1beta2 = schemaFor('apps/v1beta2', 'Deployment')!;
    expect(applyStrategicMergePatch(deployment(1), { spec: { replicas: 2 } }, v1beta2)).toEqual(deployment(2));
  });

  it('checks nothing when the object names no kind or the schema is not a kind\'s root', () => {
    const patch = deepFreeze({ spec: { replicas: 2 } });
    expect(applyStrategicMergePatch(deepFreeze({ spec: { replicas: 1 } }), patch, serviceSchema)).toEqual({ spec: { replicas: 2 } });
    expect(applyStrategicMergePatch(deepFreeze({ kind: 'Deployment', spec: { replicas: 1 } }), patch, serviceSchema)).toEqual({ kind: 'Deployment', spec: { replicas: 2 } });
    expect(applyStrategicMergePatch(deployment(1), patch, PatchSchema.unknown())).toEqual(deployment(2));
    const table = PatchSchema.fromTable({ 'example.Item': { fields: {}, preserveUnknownFields: true } }, 'example.Item');
    expect(applyStrategicMergePatch(deployment(1), patch, table)).toEqual(deployment(2));
    const podSpec = schemaFor('v1', 'Pod')!.field('spec')!.schema;
    expect(applyStrategicMergePatch(deployment(1), { hostname: 'web' }, podSpec)).toEqual({ ...deployment(1), hostname: 'web' });
  });
});

describe('a patch between objects of different kinds', () => {
  it('createStrategicMergePatch refuses a Deployment turned into a Service, at /kind of modified', () => {
    const error = thrown(() => createStrategicMergePatch(deployment(1), service(80), deploymentSchema));
    expect(error).toBeInstanceOf(InvalidDocumentError);
    expect(error).toMatchObject({ code: 'INVALID_DOCUMENT', path: '/kind', input: 'modified' });
    expect((error as Error).message).toBe(
      'modified: a Service (v1) is not the kind of original (a Deployment (apps/v1)): a patch cannot change the kind of an object; compare two versions of the same object',
    );
  });

  it('refuses the same kind in another group, at /apiVersion, and takes another version of one group', () => {
    const extensions = deployment(2, 'extensions/v1beta1');
    expect(() => createStrategicMergePatch(deployment(1), extensions, deploymentSchema)).toThrow(
      expect.objectContaining({ code: 'INVALID_DOCUMENT', path: '/apiVersion', input: 'modified' }),
    );
    expect(createStrategicMergePatch(deployment(1), deployment(2, 'apps/v1beta2'), deploymentSchema)).toEqual({
      apiVersion: 'apps/v1beta2',
      spec: { replicas: 2 },
    });
  });

  it('createThreeWayStrategicMergePatch checks the live object and the last applied one against modified', () => {
    expect(() => createThreeWayStrategicMergePatch(deployment(1), deployment(2), service(80), deploymentSchema)).toThrow(
      expect.objectContaining({ code: 'INVALID_DOCUMENT', path: '/kind', input: 'current' }),
    );
    expect(() => createThreeWayStrategicMergePatch(service(80), deployment(2), deployment(1), deploymentSchema)).toThrow(
      expect.objectContaining({ code: 'INVALID_DOCUMENT', path: '/kind', input: 'original' }),
    );
  });

  it('createMergePatch refuses two Kubernetes objects of different kinds, and diffs any other JSON', () => {
    expect(() => createMergePatch(rollout(1), widget)).toThrow(expect.objectContaining({ code: 'INVALID_DOCUMENT', path: '/kind', input: 'to' }));
    expect(createMergePatch(deepFreeze({ kind: 'a' }), deepFreeze({ kind: 'b' }))).toEqual({ kind: 'b' });
    expect(createMergePatch(deepFreeze({ apiVersion: 'v1', kind: 'a' }), deepFreeze({ spec: 1 }))).toEqual({ apiVersion: null, kind: null, spec: 1 });
  });

  it('createPatchFor refuses it for built-in kinds and custom resources', () => {
    expect(() => createPatchFor(service(80), deployment(2))).toThrow(expect.objectContaining({ code: 'INVALID_DOCUMENT', path: '/kind' }));
    expect(() => createPatchFor(widget, rollout(2))).toThrow(expect.objectContaining({ code: 'INVALID_DOCUMENT', path: '/kind' }));
    expect(() => createPatchFor(service(80), deployment(2), { lastApplied: deployment(1) })).toThrow(
      expect.objectContaining({ code: 'INVALID_DOCUMENT', path: '/kind', input: 'current' }),
    );
  });
});
