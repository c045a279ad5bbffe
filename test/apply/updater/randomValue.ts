import type { ApplyTable, ApplyTypeRef } from '../../../src/apply/schema/ApplyType.js';
import type { JsonObject, JsonValue } from '../../../src/json/JsonValue.js';

// Random values of a random schema (randomSchema.ts), drawn from a source of small integers (a
// fast-check generator in the test, so that failures shrink and replay): fresh values, and changes
// of a value (what an update writes, or a manager's next configuration). Few distinct values, so
// that managers write the same fields, with the same or different values.

/** A source of random choices. */
export interface Rand {
  /** An integer in [0, n). */
  int(n: number): number;
}

/** True with probability `percent`/100. */
const chance = (r: Rand, percent: number): boolean => r.int(100) < percent;
/** One of `items`. */
const oneOf = <T>(r: Rand, items: readonly T[]): T => items[r.int(items.length)]!;

/** Whether sets and keyed lists may hold two elements with one key (what an update may write; an apply may not). */
export interface ValueOptions {
  readonly duplicates: boolean;
}

const strings = ['x', 'y', 'z'] as const;
const numbers = [1, 2, 3, 2.5] as const;
const otherKeys = ['p', 'q'] as const;
const mapKeys = ['k1', 'k2', 'k3'] as const;

/** A scalar of `kind`, from few values. */
function scalarOf(kind: 'string' | 'numeric' | 'boolean' | 'untyped', r: Rand): JsonValue {
  switch (kind) {
    case 'string':
      return oneOf(r, strings);
    case 'numeric':
      return oneOf(r, numbers);
    case 'boolean':
      return chance(r, 50);
    case 'untyped':
      return oneOf<JsonValue>(r, [...strings, 1, 2, true]);
  }
}

/** A value no schema describes: scalars, atomic lists of scalars, objects of the same, a few levels deep. */
function deducedValue(r: Rand, depth: number): JsonValue {
  const choice = r.int(depth > 2 ? 2 : 4);
  if (choice === 0) return scalarOf('untyped', r);
  if (choice === 1) return Array.from({ length: r.int(3) }, () => scalarOf('untyped', r));
  const object: JsonObject = {};
  for (const key of ['a', 'b', 'p']) if (chance(r, 50)) object[key] = deducedValue(r, depth + 1);
  return object;
}

/** The element key of a keyed-list element (key fields as the list keys them, defaults filled in). */
export function elementKey(element: JsonValue, keys: readonly string[], defaults: { readonly [name: string]: unknown } | undefined): string {
  const object = element !== null && typeof element === 'object' && !Array.isArray(element) ? element : {};
  return JSON.stringify(keys.map((key) => (Object.hasOwn(object, key) ? object[key] : defaults?.[key])));
}

/** A fresh value of `type`: optional fields present about half the time, `null` now and then (a key `name` too). */
export function freshValue(type: ApplyTypeRef, table: ApplyTable, r: Rand, options: ValueOptions, depth = 0): JsonValue {
  switch (type.kind) {
    case 'scalar':
      return scalarOf(type.scalar, r);
    case 'deduced':
      return deducedValue(r, depth);
    case 'untyped':
      return chance(r, 70) ? scalarOf('untyped', r) : deducedValue(r, 2);
    case 'map': {
      const object: JsonObject = {};
      for (const key of mapKeys) if (chance(r, 40)) object[key] = chance(r, 5) ? null : freshValue(type.elem, table, r, options, depth + 1);
      return object;
    }
    case 'struct':
      return freshStruct(type.ref, table, r, options, depth, []);
    case 'list': {
      const length = r.int(4);
      if (type.listType === 'atomic') return Array.from({ length }, () => freshValue(type.elem, table, r, options, depth + 1));
      const elements: JsonValue[] = [];
      const seen = new Set<string>();
      const struct = type.elem.kind === 'struct' ? table[type.elem.ref] : undefined;
      for (let i = 0; i < length; i++) {
        const element = type.listType === 'set' ? freshValue(type.elem, table, r, options, depth + 1) : freshStruct(refOf(type.elem), table, r, options, depth + 1, type.keys ?? []);
        const key = type.listType === 'set' ? JSON.stringify(element) : elementKey(element, type.keys ?? [], struct?.keyDefaults);
        if (seen.has(key) && !(options.duplicates && chance(r, 30))) continue;
        seen.add(key);
        elements.push(element);
      }
      return elements;
    }
  }
}

/** The struct id of a struct type (`''` for any other). */
const refOf = (type: ApplyTypeRef): string => (type.kind === 'struct' ? type.ref : '');

/** A fresh struct: each field about half the time (`required` key fields always, unless they have a default). */
function freshStruct(ref: string, table: ApplyTable, r: Rand, options: ValueOptions, depth: number, required: readonly string[]): JsonObject {
  const struct = table[ref];
  const object: JsonObject = {};
  if (struct === undefined) return object;
  for (const [name, fieldType] of Object.entries(struct.fields)) {
    const isKey = required.includes(name);
    const defaulted = isKey && struct.keyDefaults !== undefined && Object.hasOwn(struct.keyDefaults, name);
    if (isKey && !defaulted) object[name] = name === 'port' ? oneOf(r, [80, 443]) : oneOf<JsonValue>(r, ['n1', 'n2', 'n3', 'n1', 'n2', 'n3', null]);
    else if (isKey ? chance(r, 50) : chance(r, 55)) object[name] = isKey ? oneOf(r, [80, 443]) : chance(r, 6) ? null : freshValue(fieldType, table, r, options, depth + 1);
  }
  if (struct.otherFields !== undefined) {
    for (const key of otherKeys) if (chance(r, 30)) object[key] = freshValue(struct.otherFields, table, r, options, depth + 1);
  }
  return object;
}

/**
 * A change of `value` (of `type`): members kept, dropped, changed in depth or replaced, and new
 * ones added; elements of sets and keyed lists kept, dropped, changed (keys kept) or added; atomic
 * values kept or replaced whole.
 */
export function changeValue(value: JsonValue, type: ApplyTypeRef, table: ApplyTable, r: Rand, options: ValueOptions, depth = 0): JsonValue {
  if (chance(r, 15)) return freshValue(type, table, r, options, depth);
  if (value === null || typeof value !== 'object') return chance(r, 50) ? value : freshValue(type, table, r, options, depth);
  if (Array.isArray(value)) {
    if (type.kind !== 'list' || type.listType === 'atomic') return chance(r, 60) ? value : freshValue(type, table, r, options, depth);
    const kept = value.flatMap((element) => (chance(r, 20) ? [] : [type.listType === 'map' ? changeElement(element, type, table, r, options, depth) : element]));
    const added = freshValue(type, table, r, options, depth) as JsonValue[];
    const struct = type.elem.kind === 'struct' ? table[type.elem.ref] : undefined;
    const keyOf = (element: JsonValue): string => (type.listType === 'set' ? JSON.stringify(element) : elementKey(element, type.keys ?? [], struct?.keyDefaults));
    const seen = new Set(kept.map(keyOf));
    return [...kept, ...added.filter((element) => options.duplicates || !seen.has(keyOf(element)))];
  }
  const fresh = freshValue(type, table, r, options, depth);
  const result: JsonObject = {};
  const keys = new Set([...Object.keys(value), ...(fresh !== null && typeof fresh === 'object' && !Array.isArray(fresh) ? Object.keys(fresh) : [])]);
  for (const key of keys) {
    const memberType = memberTypeOf(type, key, table);
    if (memberType === undefined) continue;
    const had = Object.hasOwn(value, key);
    const choice = r.int(10);
    if (had && choice < 5) result[key] = value[key]!;
    else if (had && choice < 8) result[key] = changeValue(value[key]!, memberType, table, r, options, depth + 1);
    else if (!had && choice < 4 && fresh !== null && typeof fresh === 'object' && !Array.isArray(fresh)) result[key] = fresh[key]!;
  }
  return result;
}

/** A keyed-list element changed, its key fields kept as they are. */
function changeElement(element: JsonValue, type: Extract<ApplyTypeRef, { kind: 'list' }>, table: ApplyTable, r: Rand, options: ValueOptions, depth: number): JsonValue {
  if (element === null || typeof element !== 'object' || Array.isArray(element)) return element;
  const changed = changeValue(element, type.elem, table, r, options, depth + 1);
  const result: JsonObject = changed !== null && typeof changed === 'object' && !Array.isArray(changed) ? { ...changed } : {};
  for (const key of type.keys ?? []) {
    if (Object.hasOwn(element, key)) result[key] = element[key]!;
    else delete result[key];
  }
  return result;
}

/** The type of member `key` of an object of `type`, or `undefined` when the schema has none. */
export function memberTypeOf(type: ApplyTypeRef, key: string, table: ApplyTable): ApplyTypeRef | undefined {
  switch (type.kind) {
    case 'deduced':
      return type;
    case 'untyped':
      return type;
    case 'map':
      return type.elem;
    case 'struct': {
      const struct = table[type.ref];
      return struct !== undefined && Object.hasOwn(struct.fields, key) ? struct.fields[key] : struct?.otherFields;
    }
    default:
      return undefined;
  }
}

/**
 * `value` (of `type`) with one thing structured-merge-diff refuses, somewhere in it: a field a
 * struct does not declare, a scalar of the wrong kind, a list or map where a scalar belongs, a set
 * element that is `null` or repeated, a keyed-list element without a key field (and no default)
 * or not an object, or repeated. (A repeated element is refused in an applied configuration only.)
 */
export function invalidate(value: JsonValue, type: ApplyTypeRef, table: ApplyTable, r: Rand): JsonValue {
  const isObject = value !== null && typeof value === 'object' && !Array.isArray(value);
  if (isObject && Object.keys(value).length > 0 && chance(r, 50)) {
    const key = oneOf(r, Object.keys(value));
    const memberType = memberTypeOf(type, key, table);
    if (memberType !== undefined) return { ...value, [key]: invalidate(value[key]!, memberType, table, r) };
  }
  if (Array.isArray(value) && value.length > 0 && type.kind === 'list' && chance(r, 40)) {
    const i = r.int(value.length);
    return value.map((element, j) => (j === i ? invalidate(element, type.elem, table, r) : element));
  }
  switch (type.kind) {
    case 'scalar':
      return type.scalar === 'string' ? 7 : type.scalar === 'untyped' ? { x: 1 } : 'seven';
    case 'struct': {
      const struct = table[type.ref];
      return struct?.otherFields === undefined ? { ...(isObject ? value : {}), undeclared: 1 } : [1];
    }
    case 'map':
      return 'not a map';
    case 'list': {
      const elements = Array.isArray(value) ? value : [];
      if (type.listType === 'atomic') return type.elem.kind === 'scalar' ? [{ x: [] }] : 'not a list';
      if (type.listType === 'set') return chance(r, 50) ? [...elements, null] : [...elements, 'x', 'x', 1, 1];
      const element = freshValue(type.elem, table, r, { duplicates: false });
      const keyless = { ...(element as JsonObject) };
      for (const key of type.keys ?? []) delete keyless[key];
      return oneOf<JsonValue>(r, [[...elements, keyless], [...elements, 'scalar'], [...elements, element, element]]);
    }
    default:
      return value;
  }
}
