import { describe, expect, it } from 'vitest';
import { applyJsonPatch, createJsonPatch, patchTypeFor, schemaFor, schemaFromCRD, type PatchSchema } from 'kubepatch';
import { readRolloutCRD } from '../../scripts/rollout/sources.ts';
import { deepFreeze } from '../helpers/deepFreeze.js';
import { walkSchema } from '../helpers/walkSchema.js';
import { rolloutSchema } from 'kubepatch';


interface Schema {
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: Schema | boolean;
}

describe('rolloutSchema', () => {
  const schema = rolloutSchema();

  it('is the schema of the Rollout, built once', () => {
    expect(schema.name).toBe('io.argoproj.v1alpha1.Rollout');
    expect(rolloutSchema()).toBe(schema);
  });

  it('keys the pod template lists as the CRD does: containers, env, ports, volumeMounts', () => {
    expect(walkSchema(schema, 'spec.template.spec.containers').meta).toMatchObject({ patchStrategies: [], listType: 'map', listMapKeys: ['name'] });
    expect(walkSchema(schema, 'spec.template.spec.initContainers').meta).toMatchObject({ listType: 'map', listMapKeys: ['name'] });
    expect(walkSchema(schema, 'spec.template.spec.containers.[].env').meta).toMatchObject({ listType: 'map', listMapKeys: ['name'] });
    expect(walkSchema(schema, 'spec.template.spec.containers.[].ports').meta).toMatchObject({ listType: 'map', listMapKeys: ['containerPort', 'protocol'] });
    expect(walkSchema(schema, 'spec.template.spec.containers.[].volumeMounts').meta).toMatchObject({ listType: 'map', listMapKeys: ['mountPath'] });
    expect(walkSchema(schema, 'spec.template.spec.containers.[].args').meta).toMatchObject({ listType: 'atomic' });
  });

  it('leaves Argo’s own lists unkeyed, and metadata the built-in ObjectMeta', () => {
    expect(walkSchema(schema, 'spec.strategy.canary.steps').meta).not.toHaveProperty('listMapKeys');
    expect(schema.field('metadata')?.schema.name).toBe('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta');
  });

  it('is the schema schemaFromCRD reads from the v1.9.1 CRD file, field for field', () => {
    const crd = deepFreeze(readRolloutCRD('v1.9.1'));
    const fromFile = schemaFromCRD(crd, 'v1alpha1');
    const root = (crd.spec as { versions: { schema: { openAPIV3Schema: Schema } }[] }).versions[0]?.schema.openAPIV3Schema as Schema;
    let compared = 0;
    const compare = (ours: PatchSchema, theirs: PatchSchema, source: Schema, path: string): void => {
      expect(ours.name, path).toBe(theirs.name);
      expect(ours.type, path).toEqual(theirs.type);
      compared += 1;
      for (const [key, sub] of Object.entries(source.properties ?? {})) {
        const a = ours.field(key);
        const b = theirs.field(key);
        expect(a?.meta, `${path}.${key}`).toEqual(b?.meta);
        if (a !== undefined && b !== undefined) compare(a.schema, b.schema, sub, `${path}.${key}`);
      }
      if (source.items !== undefined) compare(ours.items(), theirs.items(), source.items, `${path}[]`);
      if (typeof source.additionalProperties === 'object') {
        compare(ours.field('any')!.schema, theirs.field('any')!.schema, source.additionalProperties, `${path}{}`);
      }
    };
    compare(schema, fromFile, root, 'Rollout');
    expect(compared).toBeGreaterThan(1000);
  });

  it('guards a keyed change to a Rollout’s container with JSON Patch', () => {
    const live = deepFreeze({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Rollout',
      spec: { template: { spec: { containers: [{ name: 'proxy', image: 'envoy:1' }, { name: 'app', image: 'app:1' }] } } },
    });
    const desired = deepFreeze({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Rollout',
      spec: { template: { spec: { containers: [{ name: 'proxy', image: 'envoy:1' }, { name: 'app', image: 'app:2' }] } } },
    });
    const patch = createJsonPatch(live, desired, { schema, guard: true });
    expect(patch).toContainEqual({ op: 'test', path: '/spec/template/spec/containers/1/name', value: 'app' });
    expect(applyJsonPatch(live, patch)).toEqual(desired);
  });

  it('is what schemaFor answers for a Rollout, while patchTypeFor still says merge: a Rollout is a custom resource', () => {
    expect(schemaFor('argoproj.io/v1alpha1', 'Rollout')).toBe(rolloutSchema());
    expect(patchTypeFor('argoproj.io/v1alpha1', 'Rollout').type).toBe('merge');
  });
});
