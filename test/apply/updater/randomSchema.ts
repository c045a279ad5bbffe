import fc from 'fast-check';
import type { ApplyStructDef, ApplyTable, ApplyTypeRef } from '../../../src/apply/schema/ApplyType.js';

// Random small apply schemas: nested structs (granular or atomic, some with other fields), granular
// and atomic maps, atomic lists, sets, associative lists keyed by one or two fields (one of them
// sometimes with a default), deduced and untyped subtrees. Few field names, so that managers'
// objects overlap.

/** The shape of a value, before it is given struct ids. */
export type Shape =
  | { readonly t: 'scalar'; readonly scalar: 'string' | 'numeric' | 'boolean' | 'untyped' }
  | { readonly t: 'struct'; readonly atomic: boolean; readonly override?: 'atomic' | 'granular'; readonly fields: readonly Field[]; readonly other?: Shape }
  | { readonly t: 'map'; readonly atomic: boolean; readonly elem: Shape }
  | { readonly t: 'atomicList'; readonly elem: Shape }
  | { readonly t: 'set'; readonly scalar: 'string' | 'numeric' | 'boolean' | 'untyped' }
  | { readonly t: 'mapList'; readonly twoKeys: boolean; readonly defaulted: boolean; readonly fields: readonly Field[] }
  | { readonly t: 'deduced' }
  | { readonly t: 'untyped' };

/** A struct field: its name and shape. */
export type Field = readonly [string, Shape];

/** A random schema: an apply table and its root, or `'deduced'` (no schema at all). */
export type RandomSchema = { readonly table: ApplyTable; readonly root: string } | 'deduced';

const names = ['a', 'b', 'c', 'd', 'e'] as const;

const scalar = fc.constantFrom<Shape>(
  { t: 'scalar', scalar: 'string' },
  { t: 'scalar', scalar: 'numeric' },
  { t: 'scalar', scalar: 'boolean' },
  { t: 'scalar', scalar: 'untyped' },
);

/** Fields of a struct: one to four distinct names, each with a shape. */
const fieldsOf = (shape: fc.Arbitrary<Shape>, min = 1): fc.Arbitrary<readonly Field[]> =>
  fc.uniqueArray(fc.tuple(fc.constantFrom(...names), shape), { minLength: min, maxLength: 4, selector: ([name]) => name });

const { shape } = fc.letrec<{ shape: Shape; inner: Shape }>((tie) => ({
  shape: fc.oneof(
    { maxDepth: 3, depthSize: 'small', withCrossShrink: true },
    { weight: 6, arbitrary: scalar },
    { weight: 3, arbitrary: tie('inner') },
  ),
  inner: fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record(
        {
          t: fc.constant('struct' as const),
          atomic: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
          fields: fieldsOf(tie('shape')),
          override: fc.constantFrom<'atomic' | 'granular'>('atomic', 'granular'),
          other: tie('shape'),
        },
        { requiredKeys: ['t', 'atomic', 'fields'] },
      ),
    },
    { weight: 2, arbitrary: fc.record({ t: fc.constant('map' as const), atomic: fc.boolean(), elem: tie('shape') }) },
    { weight: 2, arbitrary: fc.record({ t: fc.constant('atomicList' as const), elem: tie('shape') }) },
    {
      weight: 2,
      arbitrary: fc.record({ t: fc.constant('set' as const), scalar: fc.constantFrom<'string' | 'numeric' | 'boolean' | 'untyped'>('string', 'numeric', 'untyped', 'boolean') }),
    },
    {
      weight: 4,
      arbitrary: fc.record({ t: fc.constant('mapList' as const), twoKeys: fc.boolean(), defaulted: fc.boolean(), fields: fieldsOf(tie('shape'), 0) }),
    },
    { weight: 1, arbitrary: fc.constant({ t: 'deduced' as const }) },
    { weight: 1, arbitrary: fc.constant({ t: 'untyped' as const }) },
  ),
}));

/** A random schema: mostly a table whose root struct has one to four fields; sometimes `'deduced'`. */
export const randomSchema: fc.Arbitrary<RandomSchema> = fc.oneof(
  { weight: 9, arbitrary: fc.record({ fields: fieldsOf(shape), other: fc.option(shape, { freq: 6, nil: undefined }) }).map(({ fields, other }) => toTable(fields, other)) },
  { weight: 1, arbitrary: fc.constant('deduced' as const) },
);

/** Key fields of a map-list element: `name` (a string), and `port` (a number, defaulting to 80 when `defaulted`). */
export const keyFieldsOf = (shape: Extract<Shape, { t: 'mapList' }>): readonly string[] => (shape.twoKeys ? ['name', 'port'] : ['name']);

/** The table of a root struct with `fields` (and `other` for its undeclared keys): the root is `root`, the others `s1`, `s2`… */
function toTable(fields: readonly Field[], other: Shape | undefined): RandomSchema {
  const table: { [id: string]: ApplyStructDef } = {};
  let next = 0;
  const struct = (def: Omit<ApplyStructDef, 'fields'>, structFields: readonly Field[], id = `s${++next}`): string => {
    table[id] = { ...def, fields: Object.fromEntries(structFields.map(([name, s]) => [name, typeOf(s)])) };
    return id;
  };
  const typeOf = (s: Shape): ApplyTypeRef => {
    switch (s.t) {
      case 'scalar':
        return { kind: 'scalar', scalar: s.scalar };
      case 'struct': {
        const ref = struct({ ...(s.atomic ? { structType: 'atomic' as const } : {}), ...(s.other === undefined ? {} : { otherFields: typeOf(s.other) }) }, s.fields);
        return s.override === undefined ? { kind: 'struct', ref } : { kind: 'struct', ref, structType: s.override };
      }
      case 'map':
        return { kind: 'map', mapType: s.atomic ? 'atomic' : 'granular', elem: typeOf(s.elem) };
      case 'atomicList':
        return { kind: 'list', listType: 'atomic', elem: typeOf(s.elem) };
      case 'set':
        return { kind: 'list', listType: 'set', elem: { kind: 'scalar', scalar: s.scalar } };
      case 'mapList': {
        const keys = keyFieldsOf(s);
        const keyFields: Field[] = [['name', { t: 'scalar', scalar: 'string' }]];
        if (s.twoKeys) keyFields.push(['port', { t: 'scalar', scalar: 'numeric' }]);
        const rest = s.fields.filter(([name]) => !keys.includes(name));
        const ref = struct(s.twoKeys && s.defaulted ? { keyDefaults: { port: 80 } } : {}, [...keyFields, ...rest]);
        return { kind: 'list', listType: 'map', keys, elem: { kind: 'struct', ref } };
      }
      case 'deduced':
        return { kind: 'deduced' };
      case 'untyped':
        return { kind: 'untyped' };
    }
  };
  return { table, root: struct(other === undefined ? {} : { otherFields: typeOf(other) }, fields, 'root') };
}

/**
 * `schema` with the atomicity of one of its types changed, as a new release of a schema may change
 * it: a struct made atomic or granular, a granular map made atomic or the reverse, a set or keyed
 * list made atomic (the other way, an atomic list could hold what a set may not).
 */
export function changeAtomicity(schema: RandomSchema, r: { int(n: number): number }): RandomSchema {
  if (schema === 'deduced') return schema;
  const candidates: { readonly id: string; readonly field?: string }[] = [];
  for (const [id, struct] of Object.entries(schema.table)) {
    if (id !== schema.root) candidates.push({ id });
    for (const [field, type] of Object.entries(struct.fields)) {
      if (type.kind === 'map' || (type.kind === 'list' && type.listType !== 'atomic')) candidates.push({ id, field });
    }
  }
  if (candidates.length === 0) return schema;
  const { id, field } = candidates[r.int(candidates.length)]!;
  const struct = schema.table[id]!;
  let changed: ApplyStructDef;
  if (field === undefined) {
    const { structType, ...rest } = struct;
    changed = structType === 'atomic' ? rest : { ...rest, structType: 'atomic' };
  } else {
    const type = struct.fields[field]!;
    const flipped: ApplyTypeRef =
      type.kind === 'map' ? { ...type, mapType: type.mapType === 'atomic' ? 'granular' : 'atomic' } : type.kind === 'list' ? { kind: 'list', listType: 'atomic', elem: type.elem } : type;
    changed = { ...struct, fields: { ...struct.fields, [field]: flipped } };
  }
  return { table: { ...schema.table, [id]: changed }, root: schema.root };
}
