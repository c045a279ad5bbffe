// applySchemaFromCRD: the Argo Rollouts v1.9.1 CRD, and the x-kubernetes-* extensions on small CRDs.
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { applySchemaFromCRD } from '../../../src/apply/schema/applySchemaFromCRD.ts';
import { readK8sSchemaText } from '../../helpers/conformance.js';
import { thrownKubepatchError } from '../../helpers/thrownKubepatchError.js';

const rolloutCrd = parse(readK8sSchemaText('argo-rollouts/v1.9.1/rollout-crd.yaml')) as object;

function crd(schema: object, extra: object = {}): object {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    spec: { group: 'example.com', names: { kind: 'Widget' }, versions: [{ name: 'v1', schema: { openAPIV3Schema: schema } }], ...extra },
  };
}

describe('applySchemaFromCRD on the Argo Rollouts v1.9.1 CRD', () => {
  const rollout = applySchemaFromCRD(rolloutCrd, 'v1alpha1');
  const spec = rollout.field('spec')!;

  it('names the root as the server does and gives it apiVersion, kind and the built-in ObjectMeta', () => {
    expect(rollout.name).toBe('io.argoproj.v1alpha1.Rollout');
    expect(rollout.field('kind')!.type).toEqual({ kind: 'scalar', scalar: 'string' });
    const metadata = rollout.field('metadata')!;
    expect(metadata.name).toBe('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta');
    expect(metadata.field('ownerReferences')!.keys).toEqual(['uid']);
    expect(metadata.field('finalizers')!.listType).toBe('set');
  });

  it('keeps the list maps of the embedded pod template and leaves Argo lists without x-kubernetes-list-type atomic', () => {
    const containers = spec.field('template')!.field('spec')!.field('containers')!;
    expect([containers.listType, containers.keys]).toEqual(['map', ['name']]);
    expect(containers.items()!.field('ports')!.keys).toEqual(['containerPort', 'protocol']);
    // Argo's own patchStrategy tags do not reach the CRD: its steps are an atomic list.
    expect(spec.field('strategy')!.field('canary')!.field('steps')!.listType).toBe('atomic');
  });

  it('reads x-kubernetes-int-or-string as an untyped scalar and preserve-unknown-fields objects as maps of deduced values', () => {
    const canary = spec.field('strategy')!.field('canary')!;
    expect(canary.field('maxSurge')!.type).toEqual({ kind: 'scalar', scalar: 'untyped', format: 'int-or-string' });
    const plugins = canary.field('trafficRouting')!.field('plugins')!;
    expect(plugins.type).toEqual({ kind: 'map', mapType: 'granular', elem: { kind: 'deduced' } });
    expect(plugins.field('argoproj-labs/gatewayAPI')!.field('httpRoute')!.type.kind).toBe('deduced');
  });

  it('does not make the pod template metadata an ObjectMeta (only the root and embedded resources get one)', () => {
    expect(spec.field('template')!.field('metadata')!.name).toBe('io.argoproj.v1alpha1.Rollout/spec/template/metadata');
  });
});

describe('applySchemaFromCRD and the x-kubernetes-* extensions', () => {
  it('reads list types, list-map keys and map types', () => {
    const widget = applySchemaFromCRD(
      crd({
        type: 'object',
        properties: {
          spec: {
            type: 'object',
            'x-kubernetes-map-type': 'atomic',
            properties: {
              ports: {
                type: 'array',
                'x-kubernetes-list-type': 'map',
                'x-kubernetes-list-map-keys': ['port', 'protocol'],
                items: { type: 'object', properties: { port: { type: 'integer' }, protocol: { type: 'string' } } },
              },
              tags: { type: 'array', 'x-kubernetes-list-type': 'set', items: { type: 'string' } },
              args: { type: 'array', items: { type: 'string' } },
              env: { type: 'object', 'x-kubernetes-map-type': 'atomic', additionalProperties: { type: 'string' } },
            },
          },
        },
      }),
      'v1',
    );
    const spec = widget.field('spec')!;
    expect([spec.mapType, spec.atomic]).toEqual(['atomic', true]);
    expect([spec.field('ports')!.listType, spec.field('ports')!.keys]).toEqual(['map', ['port', 'protocol']]);
    expect(spec.field('ports')!.items()!.field('port')!.type).toEqual({ kind: 'scalar', scalar: 'numeric' });
    expect(spec.field('tags')!.listType).toBe('set');
    expect(spec.field('args')!.listType).toBe('atomic');
    expect(spec.field('env')!.type).toEqual({ kind: 'map', mapType: 'atomic', elem: { kind: 'scalar', scalar: 'string' } });
    expect(spec.field('unknown')).toBeUndefined();
  });

  it('gives embedded resources apiVersion, kind and ObjectMeta, replacing a described metadata', () => {
    const widget = applySchemaFromCRD(
      crd({
        type: 'object',
        properties: {
          spec: {
            type: 'object',
            properties: {
              object: {
                type: 'object',
                'x-kubernetes-embedded-resource': true,
                'x-kubernetes-preserve-unknown-fields': true,
                properties: { metadata: { type: 'object', properties: { name: { type: 'string' } } } },
              },
            },
          },
        },
      }),
      'v1',
    );
    const object = widget.field('spec')!.field('object')!;
    expect(object.field('metadata')!.name).toBe('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta');
    expect(object.field('apiVersion')!.type).toEqual({ kind: 'scalar', scalar: 'string' });
    // preserve-unknown-fields: any other field is deduced, and so is everything below it.
    expect(object.field('spec')!.field('replicas')!.type.kind).toBe('deduced');
  });

  it('passes preserve-unknown-fields down to inline descendants: their structs keep unknown fields', () => {
    const widget = applySchemaFromCRD(
      crd({
        type: 'object',
        properties: {
          spec: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, properties: { inner: { type: 'object', properties: { a: { type: 'string' } } } } },
          status: { type: 'object', properties: { inner: { type: 'object', properties: { a: { type: 'string' } } } } },
        },
      }),
      'v1',
    );
    expect(widget.field('spec')!.field('inner')!.field('b')!.type.kind).toBe('deduced');
    expect(widget.field('status')!.field('inner')!.field('b')).toBeUndefined();
  });

  it('throws INVALID_SCHEMA with the path for what schemaconv rejects, and for a missing version', () => {
    const noKeys = crd({ type: 'object', properties: { items: { type: 'array', 'x-kubernetes-list-type': 'map', items: { type: 'object', properties: {} } } } });
    expect(thrownKubepatchError('INVALID_SCHEMA', () => applySchemaFromCRD(noKeys, 'v1'))).toMatchObject({
      code: 'INVALID_SCHEMA',
      path: '/spec/versions/0/schema/openAPIV3Schema/properties/items/x-kubernetes-list-map-keys',
      input: 'crd',
    });
    const badMap = crd({ type: 'object', properties: { m: { type: 'object', 'x-kubernetes-map-type': 'merge' } } });
    expect(thrownKubepatchError('INVALID_SCHEMA', () => applySchemaFromCRD(badMap, 'v1'))).toMatchObject({
      code: 'INVALID_SCHEMA',
      path: '/spec/versions/0/schema/openAPIV3Schema/properties/m/x-kubernetes-map-type',
    });
    expect(thrownKubepatchError('INVALID_SCHEMA', () => applySchemaFromCRD(rolloutCrd, 'v2'))).toMatchObject({ code: 'INVALID_SCHEMA', path: '/spec/versions', input: 'crd' });
    expect(thrownKubepatchError('INVALID_SCHEMA', () => applySchemaFromCRD({ kind: 'Pod' }, 'v1'))).toMatchObject({ code: 'INVALID_SCHEMA', path: '/kind' });
  });
});
