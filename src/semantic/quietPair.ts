import { isPlainObject, MAX_DEPTH } from '../json/assertJsonValue.js';
import { cloneJson } from '../json/cloneJson.js';
import { jsonEqual } from '../json/jsonEqual.js';
import type { JsonObject, JsonPrimitive, JsonValue } from '../json/JsonValue.js';
import { checkJsonAt, NOT_JSON } from '../json/notJson.js';
import { getOwn, isJsonObject } from '../json/ownProperty.js';
import { listKeys } from '../patch/json-patch/diffKeyedList.js';
import type { PatchSchema } from '../schema/PatchSchema.js';
import type { PatchMeta } from '../schema/SchemaTable.js';
import { rowsRead, type RowReads } from './rowSafety.js';
import type { SchemaLookup } from './SchemaLookup.js';
import type { ServerDefault } from './ServerDefault.js';
import { defaultRowsOf } from './serverDefaults.js';

/** The structs above the values compared, on one side, root first (as the defaults see them). */
type Ancestors = readonly { readonly type: string; readonly value: JsonObject }[];

/** A key field that a function row may fill: its value cannot be known without filling. */
const UNKNOWN = Symbol('unknown');

/** What the rows of each struct type read, and the constant defaults of its fields (the table does not change): worked out once. */
const readsByType = new Map<string, RowReads>();
const keyDefaultsByType = new Map<string, Map<string, JsonValue | typeof UNKNOWN>>();

/**
 * Decides, before any default is filled in, that the walk would report nothing at all for two
 * values: the common case of an element of a long list, or a part of a manifest, that did not
 * change. It holds when the two are equal as JSON and
 *
 * - they get the same defaults: the rows of each struct inside read only that struct (the types of
 *   the structs above are the same on both sides), or the values of structs above that it checks
 *   are equal on both sides ({@link AncestorRead});
 * - no keyed list inside repeats a key (the walk reports `duplicate-key`), the key fields taken as
 *   the defaults leave them (a port's `protocol`).
 *
 * Equal values with equal defaults give no `changed`, `added` or `removed`, no `equivalent` (each
 * default is filled on both sides or neither, and normalizations apply to differing values only)
 * and no `reordered`. Ignore rules are the caller's: it asks only where none can match, and only
 * of values as the documents hold them (not of a map the defaults completed entry by entry).
 * Anything else, or any doubt, is `false`, and the walk compares the two as usual.
 * @internal
 */
export class QuietPair {
  constructor(
    private readonly schemas: SchemaLookup,
    /** Whether the server defaults are filled in (else nothing is). */
    private readonly defaults: boolean,
    private readonly ancestorsA: Ancestors,
    private readonly ancestorsB: Ancestors,
    /** The documents were not checked up front: what is found equal is checked on the way (`NOT_JSON`), as the walk would. */
    private readonly checks = false,
  ) {}

  /**
   * Whether the walk reports nothing for `a` and `b`, at a place of schema `schema` and patch
   * metadata `meta` and nesting `depth`, as they are in the documents.
   */
  quiet(a: JsonValue, b: JsonValue, schema: PatchSchema | undefined, meta: PatchMeta | undefined, depth: number): boolean {
    // A pair on the way to the difference the last answer found differs again: the walk goes
    // down that way asking at each level, and the answer is known.
    for (let i = 0; i < this.differing; i++) if (this.differA[i] === a && this.differB[i] === b) return false;
    this.differing = 0;
    return this.same(a, b, schema, meta, 0, depth);
  }

  /** The lists and objects holding the difference the last `false` found, innermost first, on each side (the first `differing`). */
  private readonly differA: JsonValue[] = [];
  private readonly differB: JsonValue[] = [];
  private differing = 0;

  /** Records that `a` and `b` (lists or objects) differ, and says so. */
  private differ(a: JsonValue, b: JsonValue): false {
    this.differA[this.differing] = a;
    this.differB[this.differing++] = b;
    return false;
  }

  /** `inner`: how many structs of the two values are above this place (their defaults are the same on both sides). */
  private same(
    a: JsonValue | undefined, b: JsonValue | undefined, schema: PatchSchema | undefined, meta: PatchMeta | undefined, inner: number, depth: number,
  ): boolean {
    if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) {
      if (a !== b) return false;
      if (this.checks) checkJsonAt(a, depth);
      return true;
    }
    if (this.checks && depth > MAX_DEPTH) throw NOT_JSON;
    if (Array.isArray(a)) {
      if (!Array.isArray(b) || a.length !== b.length) return this.differ(a, b);
      const items = this.schemas.items(schema);
      for (let i = 0; i < a.length; i++) if (!this.same(a[i], b[i], items, undefined, inner, depth + 1)) return this.differ(a, b);
      // Equal lists: the keys are looked at only now, which spares hashing a long list that differs.
      const keys = listKeys(meta);
      return keys === undefined || a.length < 2 || this.uniqueKeys(a, keys, items) || this.differ(a, b);
    }
    if (Array.isArray(b)) return this.differ(a, b);
    if (this.checks && (!isPlainObject(a) || !isPlainObject(b))) throw NOT_JSON;
    if (this.defaults && schema !== undefined && !this.sameDefaults(schema, inner)) return this.differ(a, b);
    const below = schema !== undefined && schema.type.kind === 'struct' ? inner + 1 : inner;
    const keysA = Object.keys(a);
    const keysB = Object.keys(b);
    let absent = false;
    for (let i = 0; i < keysA.length; i++) {
      const key = keysA[i]!;
      const valueA = a[key];
      if (valueA === undefined) {
        absent = true;
        continue;
      }
      // The same keys in the same order (the usual case) need no lookup on `b`.
      const valueB = keysB[i] === key ? b[key] : getOwn(b, key);
      if (valueA === valueB && (typeof valueA !== 'object' || valueA === null)) {
        if (this.checks) checkJsonAt(valueA, depth + 1);
        continue;
      }
      if (typeof valueA !== 'object' || valueA === null || typeof valueB !== 'object' || valueB === null) return this.differ(a, b);
      const field = this.schemas.field(schema, key);
      if (!this.same(valueA, valueB, field?.schema, field?.meta, below, depth + 1)) return this.differ(a, b);
    }
    if (!absent && keysA.length === keysB.length) return true;
    // Members holding `undefined` count as absent: `b` must have no member `a` lacks.
    let present = 0;
    for (let i = 0; i < keysA.length; i++) if (a[keysA[i]!] !== undefined) present++;
    for (let i = 0; i < keysB.length; i++) if (b[keysB[i]!] !== undefined) present--;
    return present === 0 || this.differ(a, b);
  }

  /** Whether an object at `schema` gets the same defaults on both sides, given that it is the same object on both. */
  private sameDefaults(schema: PatchSchema, inner: number): boolean {
    if (schema.type.kind !== 'struct') return true;
    const type = schema.type.ref;
    let reads = readsByType.get(type);
    if (reads === undefined) {
      const rows = defaultRowsOf(schema.type);
      readsByType.set(type, (reads = rows === undefined ? 'own' : rowsRead(rows)));
    }
    if (reads === 'own') return true;
    if (reads === 'anything') return false;
    for (const { up, fields } of reads) {
      // A struct among the two values' own is the same on both sides.
      if (up <= inner) continue;
      const at = this.ancestorsA.length - (up - inner);
      if (at < 0) continue;
      const above = this.ancestorsA[at]!.value;
      const aboveB = this.ancestorsB[at]!.value;
      for (const field of fields) if (!jsonEqual(getOwn(above, field), getOwn(aboveB, field))) return false;
    }
    return true;
  }

  /**
   * Whether the elements of a keyed list have unique keys, as the walk computes them (`elementIds`)
   * once each element has its defaults; `true` too when they cannot be keyed (then the list is
   * compared by position, with no `duplicate-key`).
   */
  private uniqueKeys(list: readonly JsonValue[], keys: readonly string[], items: PatchSchema | undefined): boolean {
    // Keyable at all: each element an object whose first key field holds a scalar and no key field an object.
    for (let i = 0; i < list.length; i++) {
      const element = list[i];
      if (!isJsonObject(element)) return true;
      for (let k = 0; k < keys.length; k++) {
        const value = this.keyValue(element, keys[k]!, items);
        if (value === UNKNOWN) return false;
        if ((k === 0 && value === undefined) || (typeof value === 'object' && value !== null)) return true;
      }
    }
    if (list.length <= 8) {
      // Short lists (a container's ports): compared pairwise, key by key, as the ids would be.
      for (let i = 1; i < list.length; i++) for (let j = 0; j < i; j++) if (this.sameKey(list[i] as JsonObject, list[j] as JsonObject, keys, items)) return false;
      return true;
    }
    const ids = new Set<JsonPrimitive>();
    for (let i = 0; i < list.length; i++) {
      const element = list[i] as JsonObject;
      let id: JsonPrimitive;
      if (keys.length === 1) id = this.keyValue(element, keys[0]!, items) as JsonPrimitive;
      else {
        const values: JsonValue[] = [];
        for (const key of keys) values.push((this.keyValue(element, key, items) as JsonValue | undefined) ?? null);
        id = JSON.stringify(values);
      }
      if (ids.size === ids.add(id).size) return false;
    }
    return true;
  }

  /** Whether two keyable elements have the same key (an absent key field counting as `null`, as in `elementIds`). */
  private sameKey(a: JsonObject, b: JsonObject, keys: readonly string[], items: PatchSchema | undefined): boolean {
    for (const key of keys) {
      const valueA = (this.keyValue(a, key, items) as JsonPrimitive | undefined) ?? null;
      const valueB = (this.keyValue(b, key, items) as JsonPrimitive | undefined) ?? null;
      if (valueA !== valueB) return false;
    }
    return true;
  }

  /** The key field `key` of `element` once its defaults are filled in. */
  private keyValue(element: JsonObject, key: string, items: PatchSchema | undefined): JsonValue | undefined | typeof UNKNOWN {
    const value = getOwn(element, key);
    if ((value !== undefined && value !== null) || !this.defaults || items === undefined || items.type.kind !== 'struct') return value;
    const fill = keyDefaultsOf(items.type.ref, defaultRowsOf(items.type)).get(key);
    // The first row for the field fills it (it is absent or null): a constant is known.
    return fill === undefined ? value : fill === UNKNOWN ? UNKNOWN : cloneJson(fill);
  }
}

/** The first row of each field of the struct type `type`: its constant default, or {@link UNKNOWN} for a function. */
function keyDefaultsOf(type: string, rows: readonly ServerDefault[] | undefined): Map<string, JsonValue | typeof UNKNOWN> {
  let found = keyDefaultsByType.get(type);
  if (found !== undefined) return found;
  found = new Map();
  for (const row of rows ?? []) {
    if (found.has(row.field)) continue;
    found.set(row.field, typeof row.value === 'function' ? UNKNOWN : row.value);
  }
  keyDefaultsByType.set(type, found);
  return found;
}
