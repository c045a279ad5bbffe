import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  InvalidSchemaError,
  isKubepatchError,
  PatchSchema,
  schemaFor,
  schemaFromCRD,
  type FieldDef,
} from 'kubepatch';
import { builtinSchemas } from '../../src/schema/builtinTable.ts';
import { readK8sSchemaText } from '../helpers/conformance.js';
import { deepFreeze } from '../helpers/deepFreeze.js';
import { walkSchema } from '../helpers/walkSchema.js';

/** A CRD as the yaml package parses it, frozen so that any change to it throws. */
const readCRD = (file: string): Record<string, unknown> => deepFreeze(parse(readK8sSchemaText(`argo-rollouts/${file}`)) as Record<string, unknown>);


const rollout = schemaFromCRD(readCRD('v1.9.1/rollout-crd.yaml'), 'v1alpha1');
const meta = (path: string): FieldDef => walkSchema(rollout, path).meta as FieldDef;

describe('schemaFromCRD on the Argo Rollouts v1.9.1 Rollout CRD', () => {
  it('names the root as the API server does', () => {
    expect(rollout.name).toBe('io.argoproj.v1alpha1.Rollout');
    expect(walkSchema(rollout, 'spec.strategy.canary').schema.name).toBe('io.argoproj.v1alpha1.Rollout/spec/strategy/canary');
  });

  it('keys the pod template lists as server-side apply does, with no patch strategy (the CRD has no x-kubernetes-patch-*)', () => {
    expect(meta('spec.template.spec.containers')).toMatchObject({ patchStrategies: [], listType: 'map', listMapKeys: ['name'] });
    expect(meta('spec.template.spec.containers')).not.toHaveProperty('patchMergeKey');
    expect(meta('spec.template.spec.containers.[].env')).toMatchObject({ patchStrategies: [], listType: 'map', listMapKeys: ['name'] });
    expect(meta('spec.template.spec.containers.[].ports')).toMatchObject({
      patchStrategies: [],
      listType: 'map',
      listMapKeys: ['containerPort', 'protocol'],
    });
    expect(meta('spec.template.spec.containers.[].volumeMounts')).toMatchObject({ listType: 'map', listMapKeys: ['mountPath'] });
    expect(meta('spec.template.spec.initContainers')).toMatchObject({ listType: 'map', listMapKeys: ['name'] });
    expect(meta('spec.template.spec.tolerations')).toMatchObject({ patchStrategies: [], listType: 'atomic' });
    expect(meta('spec.template.spec.containers.[].args')).toMatchObject({ listType: 'atomic' });
  });

  it('leaves Argo’s own lists without markers (atomic under server-side apply)', () => {
    expect(meta('spec.strategy.canary.steps')).toEqual({
      type: { kind: 'list', elem: { kind: 'struct', ref: 'io.argoproj.v1alpha1.Rollout/spec/strategy/canary/steps[]' } },
      patchStrategies: [],
    });
  });

  it('reads the trimmed parts of the embedded pod spec as anything', () => {
    expect(walkSchema(rollout, 'spec.template.spec.volumes').schema).toBe(PatchSchema.unknown());
    expect(walkSchema(rollout, 'spec.template.spec.containers.[].resources.limits').schema).toBe(PatchSchema.unknown());
    expect(walkSchema(rollout, 'spec.template.spec.containers.[].resources.limits.cpu').schema).toBe(PatchSchema.unknown());
  });

  it('reads int-or-string, struct types and plain fields', () => {
    expect(meta('spec.strategy.canary.maxSurge').type).toEqual({ kind: 'scalar', format: 'int-or-string' });
    expect(meta('spec.selector')).toMatchObject({ structType: 'atomic' });
    expect(meta('spec.replicas').type).toEqual({ kind: 'scalar', type: 'integer', format: 'int32' });
    expect(meta('spec.template.metadata.labels').type).toEqual({ kind: 'map', elem: { kind: 'scalar', type: 'string' } });
  });

  it('gives metadata the built-in ObjectMeta, and has apiVersion and kind', () => {
    expect(walkSchema(rollout, 'metadata').schema.name).toBe('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta');
    expect(meta('metadata.finalizers')).toMatchObject({ patchStrategies: ['merge'], listType: 'set' });
    expect(meta('metadata.ownerReferences')).toMatchObject({ patchStrategies: ['merge'], patchMergeKey: 'uid' });
    expect(meta('metadata.labels').type).toEqual({ kind: 'map', elem: { kind: 'scalar', type: 'string' } });
    expect(meta('apiVersion').type).toEqual({ kind: 'scalar', type: 'string' });
    expect(meta('kind').type).toEqual({ kind: 'scalar', type: 'string' });
  });

  it('agrees with the built-in PodSpec on every list both describe', () => {
    const { table } = builtinSchemas();
    const compared: string[] = [];
    const trimmed: string[] = [];
    const compare = (crdSchema: PatchSchema, builtinSchema: PatchSchema, where: string): void => {
      if (crdSchema.type.kind !== 'struct' || builtinSchema.type.kind !== 'struct') return;
      for (const name of Object.keys(table[builtinSchema.name]!.fields)) {
        const theirs = builtinSchema.field(name)!;
        // Fields of k8s.io/api v0.34 (Argo's) that 1.33 lacks are never reached: we walk 1.33's.
        const mine = crdSchema.field(name);
        if (mine === undefined) continue;
        if (mine.schema === PatchSchema.unknown()) {
          trimmed.push(`${where}.${name}`); // Argo's CRD generator replaced it with x-kubernetes-preserve-unknown-fields
          continue;
        }
        if (mine.meta.listType !== undefined || theirs.meta.listType !== undefined) {
          expect([mine.meta.listType, mine.meta.listMapKeys], `${where}.${name}`).toEqual([theirs.meta.listType, theirs.meta.listMapKeys]);
          compared.push(`${where}.${name}`);
        }
        const next = (s: PatchSchema): PatchSchema => (s.type.kind === 'list' ? s.items() : s);
        compare(next(mine.schema), next(theirs.schema), `${where}.${name}`);
      }
    };
    compare(walkSchema(rollout, 'spec.template.spec').schema, walkSchema(schemaFor('v1', 'PodTemplate')!, 'template.spec').schema, 'spec');
    expect(compared.length).toBeGreaterThan(50);
    expect(trimmed).toContain('spec.volumes');
  });
});

describe('schemaFromCRD', () => {
  it('reads every Argo Rollouts CRD of both releases', () => {
    for (const release of ['v1.8.4', 'v1.9.1']) {
      for (const [file, kind] of [
        ['rollout', 'Rollout'],
        ['experiment', 'Experiment'],
        ['analysis-run', 'AnalysisRun'],
        ['analysis-template', 'AnalysisTemplate'],
        ['cluster-analysis-template', 'ClusterAnalysisTemplate'],
      ] as const) {
        const schema = schemaFromCRD(readCRD(`${release}/${file}-crd.yaml`), 'v1alpha1');
        expect(schema.name, `${release} ${file}`).toBe(`io.argoproj.v1alpha1.${kind}`);
        expect(schema.field('metadata')!.schema.name).toBe('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta');
      }
    }
  });

  const crd = (spec: Record<string, unknown>): Record<string, unknown> =>
    deepFreeze({ apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', spec: { group: 'example.com', names: { kind: 'Widget' }, ...spec } });

  it('reads the legacy v1beta1 spec.validation schema', () => {
    const schema = schemaFromCRD(
      crd({ version: 'v1', validation: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: { size: { type: 'integer' } } } } } } }),
      'v1',
    );
    expect(schema.name).toBe('com.example.v1.Widget');
    expect(walkSchema(schema, 'spec.size').meta.type).toEqual({ kind: 'scalar', type: 'integer' });
  });

  it('honours x-kubernetes-patch-* from controller-gen', () => {
    const schema = schemaFromCRD(
      crd({
        versions: [{ name: 'v1', schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: {
          items: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' } } }, 'x-kubernetes-patch-strategy': 'merge', 'x-kubernetes-patch-merge-key': 'id' },
        } } } } } }],
      }),
      'v1',
    );
    expect(walkSchema(schema, 'spec.items').meta).toMatchObject({ patchStrategies: ['merge'], patchMergeKey: 'id' });
  });

  it('gives embedded resources ObjectMeta too, and a schemaless root its metadata', () => {
    const schema = schemaFromCRD(
      crd({
        versions: [{ name: 'v1', schema: { openAPIV3Schema: { type: 'object', properties: {
          metadata: { type: 'object', properties: { name: { type: 'string', maxLength: 10 } } },
          template: { type: 'object', 'x-kubernetes-embedded-resource': true, 'x-kubernetes-preserve-unknown-fields': true },
        } } } }],
      }),
      'v1',
    );
    expect(walkSchema(schema, 'metadata').schema.name).toBe('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta');
    expect(walkSchema(schema, 'template.metadata').schema.name).toBe('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta');
    expect(walkSchema(schema, 'template.spec').schema).toBe(PatchSchema.unknown());
    expect(walkSchema(schema, 'apiVersion').meta.type).toEqual({ kind: 'scalar', type: 'string' });
    expect(walkSchema(schema, 'template.kind').meta.type).toEqual({ kind: 'scalar', type: 'string' });

    const open = schemaFromCRD(crd({ versions: [{ name: 'v1', schema: { openAPIV3Schema: { 'x-kubernetes-preserve-unknown-fields': true } } }] }), 'v1');
    expect(walkSchema(open, 'metadata.ownerReferences').meta.patchMergeKey).toBe('uid');
    expect(walkSchema(open, 'spec.anything').schema).toBe(PatchSchema.unknown());
  });

  it.each([
    ['an unknown version', crd({ versions: [{ name: 'v1', schema: { openAPIV3Schema: { type: 'object' } } }] }), 'v2', '/spec/versions'],
    ['a version without a schema', crd({ versions: [{ name: 'v1' }] }), 'v1', '/spec/versions/0'],
    ['a missing group', deepFreeze({ kind: 'CustomResourceDefinition', spec: { names: { kind: 'W' } } }), 'v1', '/spec/group'],
    ['another kind', deepFreeze({ kind: 'Deployment', spec: {} }), 'v1', '/kind'],
    ['a root that is a list', crd({ versions: [{ name: 'v1', schema: { openAPIV3Schema: { type: 'array' } } }] }), 'v1', '/spec/versions/0/schema/openAPIV3Schema'],
    ['a bad extension', crd({ versions: [{ name: 'v1', schema: { openAPIV3Schema: { properties: { a: { type: 'array', 'x-kubernetes-list-type': 'list' } } } } }] }), 'v1',
      '/spec/versions/0/schema/openAPIV3Schema/properties/a/x-kubernetes-list-type'],
  ] as const)('throws InvalidSchemaError for %s', (_what, input, version, path) => {
    let thrown: unknown;
    try {
      schemaFromCRD(input, version);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidSchemaError);
    expect(isKubepatchError(thrown, 'INVALID_SCHEMA')).toBe(true);
    expect(thrown).toMatchObject({ path, input: 'crd' });
  });
});
