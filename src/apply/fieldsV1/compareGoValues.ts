import type { JsonObject, JsonValue } from '../../json/JsonValue.js';
import { compareUtf8 } from '../../text/utf8.js';
import type { KeyField, PathElement } from './PathElement.js';

/**
 * The total order of structured-merge-diff's `PathElement.Compare`: "field names, then keys,
 * then values, then indexes"; field names by their bytes (`strings.Compare`), keys field by field
 * (name, then value; the shorter list first), values by `value.Compare`, indexes as numbers.
 *
 * @example
 * ```ts
 * comparePathElements({ kind: 'field', name: 'b' }, { kind: 'index', index: 0 }); // → -1
 * ```
 * @internal
 */
export function comparePathElements(a: PathElement, b: PathElement): number {
  const rank = KIND_RANK[a.kind] - KIND_RANK[b.kind];
  if (rank !== 0) return rank < 0 ? -1 : 1;
  switch (a.kind) {
    case 'field':
      return compareUtf8(a.name, (b as typeof a).name);
    case 'key':
      return compareKeyFields(a.fields, (b as typeof a).fields);
    case 'value':
      return compareGoValues(a.value, (b as typeof a).value);
    case 'index':
      return Math.sign(a.index - (b as typeof a).index);
  }
}

const KIND_RANK = { field: 0, key: 1, value: 2, index: 3 } as const;

/** `FieldList.Compare`: "compares two lists lexically", name then value, shorter first. */
function compareKeyFields(a: readonly KeyField[], b: readonly KeyField[]): number {
  for (let i = 0; ; i++) {
    if (i >= a.length) return i >= b.length ? 0 : -1;
    if (i >= b.length) return 1;
    const byName = compareUtf8(a[i]!.name, b[i]!.name);
    if (byName !== 0) return byName;
    const byValue = compareGoValues(a[i]!.value, b[i]!.value);
    if (byValue !== 0) return byValue;
  }
}

/**
 * `value.Compare`, "a total ordering for Value (so that they can be sorted, even if they are of
 * different types)": numbers < strings < booleans < lists < maps < null; numbers by value,
 * strings by bytes, `false` < `true`, lists and maps lexically.
 *
 * @example
 * ```ts
 * compareGoValues(10, 'a'); // → -1
 * ```
 * @internal
 */
export function compareGoValues(a: JsonValue, b: JsonValue): number {
  const rank = valueRank(a) - valueRank(b);
  if (rank !== 0) return rank < 0 ? -1 : 1;
  if (typeof a === 'number') return a < (b as number) ? -1 : a > (b as number) ? 1 : 0;
  if (typeof a === 'string') return compareUtf8(a, b as string);
  if (typeof a === 'boolean') return a === b ? 0 : a ? 1 : -1;
  if (Array.isArray(a)) return compareLists(a, b as JsonValue[]);
  if (a === null) return 0;
  return compareMaps(a, b as JsonObject);
}

function valueRank(value: JsonValue): number {
  if (typeof value === 'number') return 0;
  if (typeof value === 'string') return 1;
  if (typeof value === 'boolean') return 2;
  if (Array.isArray(value)) return 3;
  return value === null ? 5 : 4;
}

function compareLists(a: readonly JsonValue[], b: readonly JsonValue[]): number {
  for (let i = 0; ; i++) {
    if (i >= a.length) return i >= b.length ? 0 : -1;
    if (i >= b.length) return 1;
    const c = compareGoValues(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
}

/**
 * `MapCompare`: the union of both maps' keys in lexical order, zipped; at the i-th key, the map
 * that has run out of keys is less, then a map lacking the key is greater, else the values decide.
 */
function compareMaps(a: JsonObject, b: JsonObject): number {
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  if (aKeys.length === 0 && bKeys.length === 0) return 0;
  const keys = [...new Set([...aKeys, ...bKeys])].sort(compareUtf8);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const inA = Object.prototype.hasOwnProperty.call(a, key);
    const inB = Object.prototype.hasOwnProperty.call(b, key);
    let c: number;
    if (i === aKeys.length) c = -1;
    else if (i === bKeys.length) c = 1;
    else if (!inA) c = 1;
    else if (!inB) c = -1;
    else c = compareGoValues(a[key]!, b[key]!);
    if (c !== 0) return c;
  }
  return 0;
}
