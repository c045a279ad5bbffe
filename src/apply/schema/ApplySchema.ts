import { InvalidSchemaError } from '../../errors/InvalidSchemaError.js';
import { deducedType, untypedType, type ApplyAtomicity, type ApplyTable, type ApplyTypeRef } from './ApplyType.js';

/**
 * The server-side-apply schema of one value of a document (the whole object, or anything inside
 * it), navigated like `PatchSchema`: `field(name)` for a member of a struct or map,
 * `items()` for the elements of a list. Each answer says how server-side apply merges and owns the
 * value: {@link ApplySchema.listType} and {@link ApplySchema.keys} for lists,
 * {@link ApplySchema.atomic} for anything replaced whole.
 *
 * Get one from `builtinApplySchema` (built-in kinds), `applySchemaFromCRD`,
 * `applySchemaFromOpenAPI` or `applySchemaFromTable`.
 *
 * Callers never see it: they pass the public `PatchSchema` of a whole object, and
 * `target/kindSchema.ts` reads the apply schema from the same source (`applySchemaFromTable` for a
 * caller's own table). Where the two disagree on lists for built-in kinds, and why, is in
 * `test/apply/schema/smpCrossCheck.test.ts`.
 *
 * @internal
 */
export class ApplySchema {
  readonly #table: ApplyTable;
  #fields: Map<string, ApplySchema | undefined> | undefined;

  private constructor(
    table: ApplyTable,
    /** The shape of the value. */
    readonly type: ApplyTypeRef,
    /** A name for messages: the struct id, or where the value sits. */
    readonly name: string,
  ) {
    this.#table = table;
  }

  /** A schema for values of struct `rootId` of `table`; `INVALID_SCHEMA` when there is none. */
  static fromTable(table: ApplyTable, rootId: string): ApplySchema {
    if (!Object.hasOwn(table, rootId)) {
      throw new InvalidSchemaError(`apply schema table has no type ${JSON.stringify(rootId)}`, { input: 'rootId' });
    }
    return new ApplySchema(table, { kind: 'struct', ref: rootId }, rootId);
  }

  /** A value with no schema: kube-openapi's `__untyped_deduced_`. */
  static deduced(): ApplySchema {
    return new ApplySchema({}, deducedType, 'deduced');
  }

  /**
   * The member `key` of an object this schema describes, or `undefined` when the schema has no
   * such member. A struct answers for its fields and, when it has `otherFields`, for any other
   * key; a map answers for every key; a `deduced` value's members are `deduced` (kube-openapi:
   * "Map: elementType __untyped_deduced_"), an `untyped` one's are `untyped`.
   */
  field(key: string): ApplySchema | undefined {
    const type = this.type;
    switch (type.kind) {
      case 'deduced':
      case 'untyped':
        return new ApplySchema(this.#table, type, `${this.name}.${key}`);
      case 'map':
        return this.at(type.elem, `${this.name}[${key}]`);
      case 'struct': {
        if (this.#fields?.has(key)) return this.#fields.get(key);
        const struct = this.#table[type.ref];
        const own = struct !== undefined && Object.hasOwn(struct.fields, key) ? struct.fields[key] : undefined;
        const fieldType = own ?? struct?.otherFields;
        const found = fieldType === undefined ? undefined : this.at(fieldType, `${type.ref}.${key}`);
        (this.#fields ??= new Map()).set(key, found);
        return found;
      }
      default:
        return undefined;
    }
  }

  /**
   * Whether `key` is a field the struct declares (`Map.FindField`), rather than a key its other
   * fields take: structured-merge-diff owns a declared field through its children, an undeclared
   * key as a member of its own.
   */
  declares(key: string): boolean {
    const type = this.type;
    if (type.kind !== 'struct') return false;
    const struct = this.#table[type.ref];
    return struct !== undefined && Object.hasOwn(struct.fields, key);
  }

  /**
   * The type of the members a map or struct does not declare (`Map.ElementType`): a map's values,
   * a struct's other fields; `undefined` when there is none (or this is not a map).
   */
  elements(): ApplySchema | undefined {
    const type = this.type;
    if (type.kind === 'map') return this.at(type.elem, `${this.name}{}`);
    if (type.kind === 'deduced') return new ApplySchema(this.#table, type, `${this.name}{}`);
    if (type.kind === 'untyped') return new ApplySchema(this.#table, untypedType, `${this.name}{}`);
    if (type.kind !== 'struct') return undefined;
    const other = this.#table[type.ref]?.otherFields;
    return other === undefined ? undefined : this.at(other, `${type.ref}{}`);
  }

  /** The fields a struct declares, in the table's order; empty for anything else. */
  fieldNames(): readonly string[] {
    const type = this.type;
    return type.kind === 'struct' ? Object.keys(this.#table[type.ref]?.fields ?? {}) : [];
  }

  /**
   * The schema of a list's elements, or `undefined` when this is not a list. A `deduced` or
   * `untyped` value read as a list has `untyped` elements (kube-openapi: "List: elementType
   * __untyped_atomic_, atomic").
   */
  items(): ApplySchema | undefined {
    const type = this.type;
    if (type.kind === 'list') return this.at(type.elem, `${this.name}[]`);
    if (type.kind === 'deduced' || type.kind === 'untyped') return new ApplySchema(this.#table, untypedType, `${this.name}[]`);
    return undefined;
  }

  /** A list's type: `atomic`, `set` or `map`; `undefined` for anything else. A `deduced` value's lists are atomic. */
  get listType(): 'atomic' | 'set' | 'map' | undefined {
    const type = this.type;
    if (type.kind === 'list') return type.listType;
    return type.kind === 'deduced' || type.kind === 'untyped' ? 'atomic' : undefined;
  }

  /** The key fields of a `listType: 'map'` list. */
  get keys(): readonly string[] | undefined {
    return this.type.kind === 'list' ? this.type.keys : undefined;
  }

  /**
   * Whether an object value is merged member by member (`granular`) or replaced whole
   * (`atomic`); `undefined` for lists and scalars. A struct's field-level `x-kubernetes-map-type`
   * wins over the struct's own (`PersistentVolumeSpec.claimRef` is granular though
   * `ObjectReference` is atomic).
   */
  get mapType(): ApplyAtomicity | undefined {
    const type = this.type;
    switch (type.kind) {
      case 'struct':
        return type.structType ?? this.#table[type.ref]?.structType ?? 'granular';
      case 'map':
        return type.mapType;
      case 'deduced':
        return 'granular';
      case 'untyped':
        return 'atomic';
      default:
        return undefined;
    }
  }

  /** True when server-side apply replaces and owns this value whole: a scalar, an atomic list, map or struct, `untyped`. */
  get atomic(): boolean {
    const type = this.type;
    if (type.kind === 'scalar' || type.kind === 'untyped') return true;
    if (type.kind === 'list') return type.listType === 'atomic';
    return this.mapType === 'atomic';
  }

  /** The default of key field `key` of this struct, used when an element leaves the key out. */
  keyDefault(key: string): unknown {
    const type = this.type;
    if (type.kind !== 'struct') return undefined;
    const defaults = this.#table[type.ref]?.keyDefaults;
    return defaults !== undefined && Object.hasOwn(defaults, key) ? defaults[key] : undefined;
  }

  private at(type: ApplyTypeRef, name: string): ApplySchema {
    return new ApplySchema(this.#table, type, type.kind === 'struct' ? type.ref : name);
  }
}
