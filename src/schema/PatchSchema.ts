import { InvalidSchemaError } from '../errors/InvalidSchemaError.js';
import type { SchemaSource } from './SchemaSource.js';
import type { FieldDef, PatchMeta, SchemaTable, TypeRef } from './SchemaTable.js';

const noMeta: PatchMeta = Object.freeze({ patchStrategies: Object.freeze([]) });
const unknownType: TypeRef = Object.freeze({ kind: 'unknown' });

/** The sources of whole-object schemas; a schema reached by `field` or `items` has none. */
const sources = new WeakMap<PatchSchema, SchemaSource>();

/**
 * What a field lookup finds: the schema of the field's value and the field's patch metadata.
 * @public
 */
export interface SchemaField {
  /** The schema of the field's value. */
  readonly schema: PatchSchema;
  /** How the field is patched. */
  readonly meta: PatchMeta;
}

/**
 * The schema of one value in a document (the whole object, or anything inside it): which fields
 * it has, how each is patched, and what its elements are. Strategic merge patch asks it, for each
 * key it meets, the same questions Go's `LookupPatchMeta` answers.
 *
 * Get one from {@link schemaFor} (built-in kinds), {@link schemaFromOpenAPI} or
 * {@link schemaFromCRD}, or build one over your own {@link SchemaTable} with
 * {@link PatchSchema.fromTable}.
 *
 * The schema of a whole object serves server-side apply too: pass it as `schema` to
 * {@link serverSideApply}, {@link predictApply}, {@link recordUpdate} or {@link extractOwned}, and
 * apply reads list types, keys and map types from the same source (for a built-in kind, the
 * structured-merge-diff schema of the same type; for a CRD or an OpenAPI type, the same schema
 * read as the API server reads it for apply).
 *
 * @example
 * ```ts
 * const deployment = schemaFor('apps/v1', 'Deployment')!;
 * const containers = deployment.field('spec')!.schema.field('template')!.schema
 *   .field('spec')!.schema.field('containers')!;
 * containers.meta;
 * // { type: { kind: 'list', … }, patchStrategies: ['merge'], patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'] }
 *
 * const rollout = schemaFromCRD(rolloutCrd, 'v1alpha1'); // one schema, both engines
 * createJsonPatch(live, desired, { schema: rollout });
 * serverSideApply(live, desired, { manager: 'deployer', schema: rollout });
 * ```
 * @public
 */
export class PatchSchema {
  // A true private field: not enumerable, so printing a schema does not dump the whole table.
  readonly #table: SchemaTable;
  /** Struct fields and the element schema already looked up: patching asks for the same ones for every list element. */
  #fields: Map<string, SchemaField> | undefined;
  #items: PatchSchema | undefined;

  private constructor(
    table: SchemaTable,
    /** The shape of the value this schema describes. */
    readonly type: TypeRef,
    /** A name for messages: the struct id, or where the value sits. */
    readonly name: string,
  ) {
    this.#table = table;
  }

  /**
   * A schema for values of the struct `rootId` of `table`. Throws {@link InvalidSchemaError}
   * (`INVALID_SCHEMA`) when the table has no such struct. The table is read as fields are looked
   * up, and lookups are remembered, so it must not change afterwards.
   *
   * @example
   * ```ts
   * const schema = PatchSchema.fromTable({ 'example.Item': { fields: {} } }, 'example.Item');
   * ```
   */
  static fromTable(table: SchemaTable, rootId: string): PatchSchema {
    if (!Object.hasOwn(table, rootId)) {
      throw new InvalidSchemaError(`schema table has no type ${JSON.stringify(rootId)}`, { input: 'rootId' });
    }
    const schema = new PatchSchema(table, { kind: 'struct', ref: rootId }, rootId);
    sources.set(schema, { from: 'table', table, rootId });
    return schema;
  }

  /**
   * A schema that knows nothing: every key is accepted, maps merge, lists are replaced. This is how
   * strategic merge patch treats `runtime.RawExtension` and fields without a schema.
   *
   * @example
   * ```ts
   * applyStrategicMergePatch({ a: { b: 1 } }, { a: { c: 2 } }, PatchSchema.unknown()); // { a: { b: 1, c: 2 } }
   * ```
   */
  static unknown(): PatchSchema {
    return PatchSchema.unknownInstance;
  }

  private static readonly unknownInstance = new PatchSchema({}, unknownType, 'unknown');

  /**
   * The field `key` of an object this schema describes, or `undefined` when the schema says the
   * value has no such field. A map's keys all share the map's value schema; an `unknown` value
   * accepts every key; lists and scalars have no fields.
   *
   * @example
   * ```ts
   * schemaFor('v1', 'Pod')!.field('spec')!.meta; // { patchStrategies: [] }
   * ```
   */
  field(key: string): SchemaField | undefined {
    const type = this.type;
    switch (type.kind) {
      case 'unknown':
        return unknownField;
      case 'map':
        return { schema: this.at(type.elem, `${this.name}[${key}]`), meta: noMeta };
      case 'struct': {
        const struct = this.#table[type.ref];
        const known = this.#fields?.get(key);
        if (known !== undefined) return known;
        const field: FieldDef | undefined = struct && Object.hasOwn(struct.fields, key) ? struct.fields[key] : undefined;
        if (field !== undefined) {
          const found: SchemaField = { schema: this.at(field.type, `${type.ref}.${key}`), meta: field };
          (this.#fields ??= new Map()).set(key, found);
          return found;
        }
        return struct?.preserveUnknownFields ? unknownField : undefined;
      }
      default:
        return undefined;
    }
  }

  /**
   * The schema of the elements of a list this schema describes. As in Go, where a struct is used
   * as a list the struct is its own element type (Go dereferences a pointer-to-struct field), and
   * an `unknown` value has `unknown` elements.
   *
   * @example
   * ```ts
   * schemaFor('v1', 'Pod')!.field('spec')!.schema.field('containers')!.schema.items().name; // 'io.k8s.api.core.v1.Container'
   * ```
   */
  items(): PatchSchema {
    const type = this.type;
    if (type.kind === 'list') return (this.#items ??= this.at(type.elem, `${this.name}[]`));
    return type.kind === 'scalar' || type.kind === 'map' ? this.at(unknownType, this.name) : this;
  }

  private at(type: TypeRef, name: string): PatchSchema {
    if (type.kind === 'struct') return new PatchSchema(this.#table, type, type.ref);
    return type.kind === 'unknown' ? PatchSchema.unknownInstance : new PatchSchema(this.#table, type, name);
  }
}

/** The field every key of an `unknown` value is, shared: patching looks one up for every key it meets. */
const unknownField: SchemaField = Object.freeze({ schema: PatchSchema.unknown(), meta: noMeta });

/**
 * Records what a whole-object schema was built from (the builders of built-in, CRD and OpenAPI
 * schemas call this after {@link PatchSchema.fromTable}); returns the schema.
 * @internal
 */
export function withSchemaSource(schema: PatchSchema, source: SchemaSource): PatchSchema {
  sources.set(schema, source);
  return schema;
}

/** What a whole-object schema was built from; `undefined` for a schema reached inside another, and for {@link PatchSchema.unknown}. @internal */
export function schemaSourceOf(schema: PatchSchema): SchemaSource | undefined {
  return sources.get(schema);
}
