// applySchemaFromTable reads a schema table's markers as kube-openapi reads the same markers from
// OpenAPI: for a CRD, the apply schema derived from the patch schema's table equals the one read
// from the CRD directly (ApplyConverter, checked against the real server elsewhere), on the Argo
// Rollouts CRD and on seeded random CRD schemas.
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { applySchemaFromCRD } from '../../../src/apply/schema/applySchemaFromCRD.ts';
import { applySchemaFromTable } from '../../../src/apply/schema/applySchemaFromTable.ts';
import type { ApplySchema } from '../../../src/apply/schema/ApplySchema.ts';
import { isKubepatchError } from '../../../src/errors/isKubepatchError.ts';
import { crdPatchTable } from '../../../src/schema/schemaFromCRD.ts';
import { readK8sSchemaText } from '../../helpers/conformance.js';
import { deepFreeze } from '../../helpers/deepFreeze.js';

const rolloutCrd = deepFreeze(parse(readK8sSchemaText('argo-rollouts/v1.9.1/rollout-crd.yaml')) as object);

const deducedAlike = (type: ApplySchema['type']): boolean =>
  type.kind === 'deduced' || (type.kind === 'map' && type.mapType === 'granular' && deducedAlike(type.elem));

/**
 * How apply treats one value: its shape and how it merges. A granular map of deduced values (an
 * object whose unknown fields are preserved, or a map of those) merges an object as a deduced
 * value does; a schema table says `unknown` for all of them, so they are one shape here.
 */
function shapeOf(schema: ApplySchema): string {
  const type = schema.type;
  if (deducedAlike(type)) return 'deduced';
  switch (type.kind) {
    case 'list':
      return `list ${type.listType}${type.keys ? ` [${type.keys.join(',')}]` : ''}`;
    case 'map':
      return `map ${schema.mapType}`;
    case 'struct':
      return `struct ${schema.mapType}`;
    case 'scalar':
      return `scalar ${type.scalar}`;
    default:
      return type.kind;
  }
}

/** Every difference between two apply schemas, by path, down to `depth` levels. */
function differences(a: ApplySchema, b: ApplySchema, path = '', depth = 12, out: string[] = []): string[] {
  if (shapeOf(a) !== shapeOf(b)) {
    out.push(`${path || '/'}: ${shapeOf(a)} ≠ ${shapeOf(b)}`);
    return out;
  }
  if (depth === 0) return out;
  const names = [...new Set([...a.fieldNames(), ...b.fieldNames()])];
  for (const name of names) {
    const [fieldA, fieldB] = [a.declares(name) ? a.field(name) : undefined, b.declares(name) ? b.field(name) : undefined];
    if (fieldA === undefined || fieldB === undefined) out.push(`${path}/${name}: declared by one only`);
    else differences(fieldA, fieldB, `${path}/${name}`, depth - 1, out);
  }
  const [itemsA, itemsB] = [a.items(), b.items()];
  if (itemsA !== undefined && itemsB !== undefined) differences(itemsA, itemsB, `${path}/[]`, depth - 1, out);
  const [elementsA, elementsB] = [a.elements(), b.elements()];
  if ((elementsA === undefined) !== (elementsB === undefined)) out.push(`${path}/{}: other fields in one only`);
  else if (elementsA !== undefined && elementsB !== undefined) differences(elementsA, elementsB, `${path}/{}`, depth - 1, out);
  return out;
}

function crd(openAPIV3Schema: object): object {
  return { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', spec: { group: 'example.com', names: { kind: 'Widget' }, versions: [{ name: 'v1', schema: { openAPIV3Schema } }] } };
}

/** Both readings of a CRD, or the error each gives. */
function bothReadings(definition: object, version = 'v1'): { direct: ApplySchema | string; derived: ApplySchema | string } {
  const attempt = (read: () => ApplySchema): ApplySchema | string => {
    try {
      return read();
    } catch (error) {
      if (isKubepatchError(error)) return `${error.code}`;
      throw error;
    }
  };
  return {
    direct: attempt(() => applySchemaFromCRD(definition, version)),
    derived: attempt(() => {
      const { table, rootId } = crdPatchTable(definition, version);
      return applySchemaFromTable(table, rootId);
    }),
  };
}

/** A seeded random OpenAPI schema with the markers apply reads. */
function randomSchema(next: () => number, depth: number): object {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const scalar = () => pick([{ type: 'string' }, { type: 'integer' }, { type: 'boolean' }, { type: 'number' }, { 'x-kubernetes-int-or-string': true }, { type: 'string', format: 'date-time' }]);
  if (depth === 0) return scalar();
  switch (pick(['object', 'object', 'list', 'map', 'scalar', 'open'] as const)) {
    case 'scalar':
      return scalar();
    case 'open':
      return { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, ...(next() < 0.5 ? { properties: { known: scalar() } } : {}) };
    case 'map':
      return { type: 'object', additionalProperties: randomSchema(next, depth - 1), ...(next() < 0.3 ? { 'x-kubernetes-map-type': pick(['atomic', 'granular']) } : {}) };
    case 'list': {
      const keyed = next() < 0.5;
      const items = keyed
        ? { type: 'object', required: ['name'], properties: { name: { type: 'string' }, port: { type: 'integer' }, value: randomSchema(next, depth - 1) } }
        : randomSchema(next, depth - 1);
      const markers = keyed
        ? pick([{ 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': pick([['name'], ['name', 'port']]) }, { 'x-kubernetes-patch-strategy': 'merge', 'x-kubernetes-patch-merge-key': 'name' }, { 'x-kubernetes-list-type': 'atomic' }, {}])
        : pick([{ 'x-kubernetes-list-type': 'set' }, { 'x-kubernetes-patch-strategy': 'merge' }, { 'x-kubernetes-list-type': 'atomic' }, {}]);
      return { type: 'array', items, ...markers };
    }
    default: {
      const properties: Record<string, object> = {};
      const count = 1 + Math.floor(next() * 4);
      for (let i = 0; i < count; i++) properties[`f${i}`] = randomSchema(next, depth - 1);
      return { type: 'object', properties, ...(next() < 0.2 ? { 'x-kubernetes-map-type': 'atomic' } : {}), ...(next() < 0.1 ? { 'x-kubernetes-embedded-resource': true } : {}) };
    }
  }
}

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('applySchemaFromTable', () => {
  it('reads the Argo Rollouts v1.9.1 CRD as ApplyConverter reads it', () => {
    const { direct, derived } = bothReadings(rolloutCrd, 'v1alpha1');
    expect(typeof direct).not.toBe('string');
    expect(differences(direct as ApplySchema, derived as ApplySchema)).toEqual([]);
  });

  it('agrees with ApplyConverter on 500 seeded random CRD schemas (results and refusals)', () => {
    let compared = 0;
    for (let seed = 1; seed <= 500; seed++) {
      const next = seeded(seed);
      const definition = crd({ type: 'object', properties: { spec: randomSchema(next, 4), status: randomSchema(next, 2) } });
      const { direct, derived } = bothReadings(definition);
      if (typeof direct === 'string' || typeof derived === 'string') {
        expect(derived, `seed ${seed}`).toBe(direct);
        continue;
      }
      // A list or map directly inside a list or map: a table's TypeRef carries no markers for it
      // (strategic merge patch never merges one), so it is atomic or granular there.
      const unexplained = differences(direct, derived).filter((line) => !/\/(\[\]|\{\}): (list (set|map \[[^\]]*\]) ≠ list atomic|map atomic ≠ (map granular|deduced)|struct atomic ≠ struct granular)$/.test(line));
      expect(unexplained, `seed ${seed}`).toEqual([]);
      compared++;
    }
    expect(compared).toBeGreaterThan(400);
  });

  it('tells a list merged by key, a set and an atomic list apart, and sees through one difference of markers', () => {
    const { derived } = bothReadings(crd({
      type: 'object',
      properties: {
        spec: {
          type: 'object',
          properties: {
            keyed: { type: 'array', 'x-kubernetes-patch-strategy': 'merge', 'x-kubernetes-patch-merge-key': 'name', items: { type: 'object', properties: { name: { type: 'string' } } } },
            set: { type: 'array', 'x-kubernetes-patch-strategy': 'merge', items: { type: 'string' } },
            atomic: { type: 'array', items: { type: 'string' } },
          },
        },
      },
    }));
    const spec = (derived as ApplySchema).field('spec')!;
    expect(['keyed', 'set', 'atomic'].map((name) => shapeOf(spec.field(name)!))).toEqual(['list map [name]', 'list set', 'list atomic']);
    expect((derived as ApplySchema).field('metadata')!.name).toBe('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta');
  });
});
