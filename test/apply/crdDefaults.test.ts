// A CRD's defaults: the walk that follows only the paths to a default (for sealed CRDs:
// deep-frozen, kubepatch's own or a caller's) fills exactly what the walk of the whole schema
// fills, and a CRD a caller gives unfrozen is read as it is at each call.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crdDefaults } from '../../src/apply/target/crdDefaults.js';
import { isSealedCrd, sealCrd } from '../../src/schema/sealedCrd.js';
import { schemaSourceOf } from '../../src/schema/PatchSchema.js';
import { deepFreeze } from '../helpers/deepFreeze.js';
import type { JsonObject } from '../../src/json/JsonValue.js';
// Internals are tested here, so the public functions come from the same sources (not the built
// package the dist pass of the tests resolves `kubepatch` to), sharing their registries.
import { rolloutSchema, schemaFromCRD, semanticDiff, type SemanticChange } from '../../src/index.js';

const names = ['a', 'b', 'c', 'd'] as const;

/** Schemas with `properties`, `items` and `additionalProperties`, and a few defaults among them. */
const leafSchema = fc.record(
  { default: fc.constantFrom<unknown>(1, 'x', null, { a: 1 }, [1], { b: { c: 2 } }), nullable: fc.boolean() },
  { requiredKeys: [] },
);
const schemaArbitrary = fc.letrec<{ node: Record<string, unknown> }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', maxDepth: 4 },
    leafSchema,
    fc.tuple(
      leafSchema,
      fc.record(
        { properties: fc.dictionary(fc.constantFrom(...names), tie('node'), { maxKeys: 3 }), items: tie('node'), additionalProperties: tie('node') },
        { requiredKeys: [] },
      ),
    ).map(([own, children]) => ({ ...own, ...children })),
  ),
})).node;

const documentArbitrary = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 4 },
    fc.constantFrom(null, 1, 'y', true),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...names, 'e'), tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('crdDefaults', () => {
  it('fills the same with a sealed schema as with a schema walked whole', () => {
    fc.assert(
      fc.property(schemaArbitrary, documentArbitrary, (schema, document) => {
        const frozenSchema = deepFreeze(schema);
        const frozenDocument = deepFreeze(document) as never;
        const whole = crdDefaults(frozenDocument, frozenSchema);
        // Twice sealed: the second call uses what the first learnt of the schema.
        expect(crdDefaults(frozenDocument, frozenSchema, { sealed: true })).toEqual(whole);
        expect(crdDefaults(frozenDocument, frozenSchema, { sealed: true })).toEqual(whole);
      }),
      { numRuns: 1000 },
    );
  });

  it('fills a default deep below properties that hold none, leaving those shared with the input', () => {
    const schema = deepFreeze({
      properties: {
        plain: { properties: { x: { type: 'string' } } },
        deep: { properties: { list: { items: { properties: { port: { type: 'integer' }, protocol: { default: 'TCP' } } } } } },
      },
    });
    const document = deepFreeze({ plain: { x: 'kept' }, deep: { list: [{ port: 80 }, { port: 53, protocol: 'UDP' }] as JsonObject[] } });
    for (const sealed of [false, true]) {
      const filled = crdDefaults(document as JsonObject, schema, { sealed }) as typeof document;
      expect(filled).toEqual({ plain: { x: 'kept' }, deep: { list: [{ port: 80, protocol: 'TCP' }, { port: 53, protocol: 'UDP' }] } });
      expect(filled.plain).toBe(document.plain);
      expect(filled.deep.list[1]).toBe(document.deep.list[1]);
    }
  });

  it('ends on a schema object that contains itself, sealed or not', () => {
    const cyclic: Record<string, unknown> = { properties: {} };
    (cyclic.properties as Record<string, unknown>).next = cyclic;
    (cyclic.properties as Record<string, unknown>).mode = { default: 'on' };
    cyclic.items = cyclic;
    const document = deepFreeze({ next: { next: [{ mode: 'off' }] } });
    const expected = { mode: 'on', next: { mode: 'on', next: [{ mode: 'off' }] } };
    expect(crdDefaults(document, cyclic)).toEqual(expected);
    expect(crdDefaults(document, cyclic, { sealed: true })).toEqual(expected);
  });
});

describe('sealed CRDs', () => {
  const widgetCrd = () => ({
    kind: 'CustomResourceDefinition',
    spec: {
      group: 'example.com', names: { kind: 'Widget' },
      versions: [{ name: 'v1', schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: { size: { type: 'string', default: 'small' } } } } } } }],
    },
  });
  const widget = (spec: object) => deepFreeze({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec });

  it('seals the Rollout CRD kubepatch carries (deep-frozen), and semanticDiff still explains its defaults', () => {
    const source = schemaSourceOf(rolloutSchema());
    expect(source?.from).toBe('crd');
    const crd = (source as { crd: { spec: { versions: unknown[] } } }).crd;
    expect(isSealedCrd(crd)).toBe(true);
    expect(Object.isFrozen(crd.spec.versions[0])).toBe(true);
    const rollout = (ports: object[]) => deepFreeze({
      apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name: 'r' },
      spec: { template: { spec: { containers: [{ name: 'app', image: 'app:1', ports }] } } },
    });
    const changes = semanticDiff(rollout([{ containerPort: 80, protocol: 'TCP' }]), rollout([{ containerPort: 80 }]), { schema: rolloutSchema() });
    expect(changes.map((change: SemanticChange) => `${change.kind} ${change.path} ${change.equalBecause ?? ''}`)).toEqual([
      'equivalent spec.template.spec.containers[name=app].ports[containerPort=80,protocol=TCP].protocol crd-default',
    ]);
  });

  it('reads a CRD a caller gives (not frozen) as it is at each call, so a CRD changed in place is not remembered', () => {
    const crd = widgetCrd();
    const size: Record<string, unknown> = crd.spec.versions[0]!.schema.openAPIV3Schema.properties.spec.properties.size;
    delete size.default;
    const live = widget({ size: 'small' });
    const manifest = widget({});
    expect(semanticDiff(live, manifest, { crds: [crd] }).map((change) => change.kind)).toEqual(['removed']);
    size.default = 'small';
    expect(isSealedCrd(crd)).toBe(false);
    expect(semanticDiff(live, manifest, { crds: [crd] }).map((change) => `${change.kind} ${change.equalBecause}`)).toEqual(['equivalent crd-default']);
  });

  it('seals a CRD the caller deep-froze: schemaFromCRD reads it once per version, semanticDiff answers as for a copy', () => {
    const frozen = deepFreeze(widgetCrd());
    expect(isSealedCrd(frozen)).toBe(true);
    expect(schemaFromCRD(frozen, 'v1')).toBe(schemaFromCRD(frozen, 'v1'));
    const open = widgetCrd();
    expect(isSealedCrd(open)).toBe(false);
    expect(schemaFromCRD(open, 'v1')).not.toBe(schemaFromCRD(open, 'v1'));
    const live = widget({ size: 'small' });
    const manifest = widget({});
    const summary = (changes: readonly SemanticChange[]) => changes.map((change) => `${change.kind} ${change.path} ${change.equalBecause ?? ''}`);
    expect(summary(semanticDiff(live, manifest, { crds: [frozen] }))).toEqual(['equivalent spec.size crd-default']);
    expect(summary(semanticDiff(live, manifest, { crds: [frozen] }))).toEqual(summary(semanticDiff(live, manifest, { crds: [open] })));
    expect(summary(semanticDiff(live, manifest, { schema: schemaFromCRD(frozen, 'v1') }))).toEqual(['equivalent spec.size crd-default']);
  });

  it('does not seal a CRD frozen only in part, one with a getter or a class instance inside, or a non-object', () => {
    const rootOnly = Object.freeze(widgetCrd());
    expect(isSealedCrd(rootOnly)).toBe(false);
    expect(isSealedCrd(rootOnly)).toBe(false);
    const withGetter = widgetCrd();
    Object.defineProperty(withGetter.spec, 'group', { get: () => 'example.com', enumerable: true });
    expect(isSealedCrd(deepFreeze(withGetter))).toBe(false);
    class Names { kind = 'Widget'; }
    expect(isSealedCrd(deepFreeze({ ...widgetCrd(), spec: { ...widgetCrd().spec, names: new Names() } }))).toBe(false);
    expect(isSealedCrd(5)).toBe(false);
    expect(isSealedCrd(null)).toBe(false);
  });

  it('sealCrd deep-freezes the CRD it is given and marks it', () => {
    const crd = sealCrd({ spec: { versions: [{ name: 'v1' }] } });
    expect(Object.isFrozen(crd.spec.versions[0])).toBe(true);
    expect(isSealedCrd(crd)).toBe(true);
  });
});
