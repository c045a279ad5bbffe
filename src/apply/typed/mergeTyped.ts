import type { JsonObject, JsonValue } from '../../json/JsonValue.js';
import { getOwn, jsonKeys, setOwn } from '../../json/ownProperty.js';
import { serializePathElement } from '../fieldsV1/pathElementKey.js';
import type { PathElement } from '../fieldsV1/PathElement.js';
import type { ApplySchema } from '../schema/ApplySchema.js';
import { atomOf, isAtomicList, isAtomicMap, listOf, mapOf, type AtomPart } from './atomOf.js';
import { listElementPath } from './listElementPath.js';

/**
 * The applied configuration merged into the live object (`TypedValue.Merge`, rule "keep RHS"):
 * granular maps and structs member by member, associative lists element by element (matched by
 * key or value), everything atomic replaced by the configuration's value. Where a map or list is
 * empty or `null` on both sides it is a leaf too, which "helps preserve the empty/null
 * distinction". `undefined` is Go's nil: nothing. Both values must have been validated.
 * @internal
 */
export function mergeTyped(live: JsonValue | undefined, config: JsonValue | undefined, schema: ApplySchema): JsonValue | undefined {
  if (live === undefined && config === undefined) return undefined;
  const liveAtom = atomOf(schema, live);
  const configAtom = atomOf(schema, config);
  // deduceAtom: when the two sides are of different kinds the configuration's kind decides.
  const atom: AtomPart = config === undefined ? liveAtom : configAtom;
  switch (atom) {
    case 'map':
      return mergeMaps(live, config, schema);
    case 'list':
      return mergeLists(live, config, schema);
    default:
      return keepConfig(live, config);
  }
}

/** ruleKeepRHS. */
function keepConfig(live: JsonValue | undefined, config: JsonValue | undefined): JsonValue | undefined {
  return config !== undefined ? config : live;
}

function mergeMaps(live: JsonValue | undefined, config: JsonValue | undefined, schema: ApplySchema): JsonValue | undefined {
  const lhs = mapOf(live);
  const rhs = mapOf(config);
  const lhsKeys = lhs === undefined ? [] : jsonKeys(lhs);
  const rhsKeys = rhs === undefined ? [] : jsonKeys(rhs);
  if (isAtomicMap(schema) || (lhsKeys.length === 0 && rhsKeys.length === 0)) return keepConfig(live, config);
  const out: JsonObject = {};
  const visit = (key: string, left: JsonValue | undefined, right: JsonValue | undefined) => {
    const child = schema.field(key);
    if (child === undefined) return;
    const merged = mergeTyped(left, right, child);
    if (merged !== undefined) setOwn(out, key, merged);
  };
  for (const key of lhsKeys) visit(key, lhs![key], rhs === undefined ? undefined : getOwn(rhs, key));
  for (const key of rhsKeys) if (lhs === undefined || getOwn(lhs, key) === undefined) visit(key, undefined, rhs![key]);
  return jsonKeys(out).length > 0 ? out : undefined;
}

interface Indexed {
  readonly elements: PathElement[];
  readonly keys: string[];
  /** Each key's element; `null` for a key two elements share ("Duplicated items are not merged with the new value, make them nil"). */
  readonly observed: Map<string, JsonValue>;
}

function indexElements(list: readonly JsonValue[], schema: ApplySchema): Indexed {
  const elements: PathElement[] = [];
  const keys: string[] = [];
  const observed = new Map<string, JsonValue>();
  for (const item of list) {
    const element = listElementPath(schema, item, '', 'live');
    const key = serializePathElement(element);
    observed.set(key, observed.has(key) ? null : item);
    elements.push(element);
    keys.push(key);
  }
  return { elements, keys, observed };
}

function mergeLists(live: JsonValue | undefined, config: JsonValue | undefined, schema: ApplySchema): JsonValue | undefined {
  const lhs = listOf(live);
  const rhs = listOf(config);
  if (isAtomicList(schema) || ((lhs === undefined || lhs.length === 0) && (rhs === undefined || rhs.length === 0))) return keepConfig(live, config);
  const items = schema.items()!;
  const right = indexElements(rhs ?? [], schema);
  const left = indexElements(lhs ?? [], schema);
  const out: JsonValue[] = [];
  const push = (merged: JsonValue | undefined) => {
    if (merged !== undefined) out.push(merged);
  };
  // The configuration's order for the elements it shares with the live list; the live list's
  // other elements stay where they are relative to them.
  const shared = right.keys.filter((key) => left.observed.has(key));
  let nextShared = 0;
  const mergedFromConfig = new Set<string>();
  let l = 0;
  let r = 0;
  while (l < left.keys.length || r < right.keys.length) {
    if (l < left.keys.length && r < right.keys.length) {
      const key = left.keys[l]!;
      if (key === right.keys[r]) {
        mergedFromConfig.add(key);
        push(mergeTyped(left.observed.get(key), right.observed.get(key), items));
        l++;
        r++;
        nextShared++;
        continue;
      }
      if (right.observed.has(key) && nextShared < shared.length && shared[nextShared] !== key) {
        l++;
        continue;
      }
    }
    if (l < left.keys.length) {
      const key = left.keys[l]!;
      if (!right.observed.has(key)) {
        push(mergeTyped(lhs![l], undefined, items));
        l++;
        continue;
      } else if (mergedFromConfig.has(key)) {
        l++;
      }
    }
    if (r < right.keys.length) {
      const key = right.keys[r]!;
      mergedFromConfig.add(key);
      push(mergeTyped(left.observed.get(key), right.observed.get(key), items));
      r++;
      if (nextShared < shared.length && shared[nextShared] === key) nextShared++;
    }
  }
  return out.length > 0 ? out : undefined;
}
