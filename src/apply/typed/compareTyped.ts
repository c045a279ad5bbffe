import type { JsonValue } from '../../json/JsonValue.js';
import { jsonEqual } from '../../json/jsonEqual.js';
import { getOwn, jsonKeys } from '../../json/ownProperty.js';
import { serializePathElement } from '../fieldsV1/pathElementKey.js';
import type { PathElement } from '../fieldsV1/PathElement.js';
import type { SetEntry } from '../fieldsV1/setNode.js';
import type { ApplySchema } from '../schema/ApplySchema.js';
import { atomOf, isAtomicList, isAtomicMap, listOf, mapOf, type AtomPart } from './atomOf.js';
import { listElementPath } from './listElementPath.js';
import { entryOf, pushEntry } from './setEntries.js';

/** The three sets of a {@link compareTyped}, as the children of the root. @internal */
export interface Comparison {
  readonly added: SetEntry[];
  readonly modified: SetEntry[];
  readonly removed: SetEntry[];
}

/** What one node contributes to each set: whether its own path is in it, and its children's entries. */
interface NodeResult {
  added: boolean;
  modified: boolean;
  removed: boolean;
  readonly children: Comparison;
}

/**
 * The fields that differ between two versions of an object (`TypedValue.Compare`): `added`
 * (only in `after`), `removed` (only in `before`) and `modified` (in both, different). A leaf (a
 * scalar, an atomic list or map, a map or list empty or `null` on both sides) is compared whole; a
 * granular map or list present on one side only is itself added or removed, beside its members.
 * An element that appears twice under one key is compared as the group: changed when the groups
 * differ. Both values must have been validated.
 * @internal
 */
export function compareTyped(before: JsonValue, after: JsonValue, schema: ApplySchema): Comparison {
  return compareNode(before, after, schema).children;
}

function emptyComparison(): Comparison {
  return { added: [], modified: [], removed: [] };
}

function compareNode(lhs: JsonValue | undefined, rhs: JsonValue | undefined, schema: ApplySchema): NodeResult {
  const result: NodeResult = { added: false, modified: false, removed: false, children: emptyComparison() };
  let inLeaf = false;
  const leaf = () => {
    if (inLeaf) return;
    inLeaf = true;
    if (lhs === undefined) result.added = true;
    else if (rhs === undefined) result.removed = true;
    else if (!jsonEqual(lhs, rhs)) result.modified = true;
  };
  const handle = (atom: AtomPart) => {
    if (atom === 'map') compareMaps(lhs, rhs, schema, result.children, leaf);
    else if (atom === 'list') compareLists(lhs, rhs, schema, result.children, leaf);
    else leaf();
  };
  const lhsAtom = atomOf(schema, lhs);
  const rhsAtom = atomOf(schema, rhs);
  if (rhs === undefined) handle(lhsAtom);
  else if (lhs === undefined || lhsAtom === rhsAtom) handle(rhsAtom);
  else {
    // Go walks both kinds: the live side's members are reported removed, then the node itself.
    // (on a copy of the walker: its leaf state does not carry over)
    handle(lhsAtom);
    inLeaf = false;
    handle(rhsAtom);
  }
  if (!inLeaf) {
    if (lhs === undefined) result.added = true;
    else if (rhs === undefined) result.removed = true;
  }
  return result;
}

function addChild(into: Comparison, element: PathElement, node: NodeResult): void {
  pushEntry(into.added, entryOf(element, node.added, node.children.added));
  pushEntry(into.modified, entryOf(element, node.modified, node.children.modified));
  pushEntry(into.removed, entryOf(element, node.removed, node.children.removed));
}

function compareMaps(lhsValue: JsonValue | undefined, rhsValue: JsonValue | undefined, schema: ApplySchema, into: Comparison, leaf: () => void): void {
  const lhs = mapOf(lhsValue);
  const rhs = mapOf(rhsValue);
  const lhsKeys = lhs === undefined ? [] : jsonKeys(lhs);
  const rhsKeys = rhs === undefined ? [] : jsonKeys(rhs);
  if (isAtomicMap(schema) || (lhsKeys.length === 0 && rhsKeys.length === 0)) return leaf();
  const visit = (key: string, left: JsonValue | undefined, right: JsonValue | undefined) => {
    const child = schema.field(key);
    if (child !== undefined) addChild(into, { kind: 'field', name: key }, compareNode(left, right, child));
  };
  for (const key of lhsKeys) visit(key, lhs![key], rhs === undefined ? undefined : getOwn(rhs, key));
  for (const key of rhsKeys) if (lhs === undefined || getOwn(lhs, key) === undefined) visit(key, undefined, rhs![key]);
}

function compareLists(lhsValue: JsonValue | undefined, rhsValue: JsonValue | undefined, schema: ApplySchema, into: Comparison, leaf: () => void): void {
  const lhs = listOf(lhsValue);
  const rhs = listOf(rhsValue);
  if (isAtomicList(schema) || ((lhs === undefined || lhs.length === 0) && (rhs === undefined || rhs.length === 0))) return leaf();
  const items = schema.items()!;
  const order: { element: PathElement; key: string }[] = [];
  const group = (list: readonly JsonValue[] | undefined, side: 'live' | 'config', other?: Map<string, JsonValue[]>) => {
    const groups = new Map<string, JsonValue[]>();
    for (const item of list ?? []) {
      const element = listElementPath(schema, item, '', side);
      const key = serializePathElement(element);
      const found = groups.get(key);
      if (found !== undefined) found.push(item);
      else {
        groups.set(key, [item]);
        if (other === undefined || !other.has(key)) order.push({ element, key });
      }
    }
    return groups;
  };
  const left = group(lhs, 'live');
  const right = group(rhs, 'config', left);
  for (const { element, key } of order) {
    const l = left.get(key) ?? [];
    const r = right.get(key) ?? [];
    if (l.length <= 1 && r.length <= 1) {
      addChild(into, element, compareNode(l[0], r[0], items));
    } else if (l.length >= 2 && r.length >= 2) {
      const same = l.length === r.length && l.every((item, i) => jsonEqual(item, r[i]!));
      if (!same) pushEntry(into.modified, entryOf(element, true, undefined));
    } else if (l.length >= 2) {
      if (r.length !== 0) addChild(into, element, compareNode(undefined, r[0], items));
      pushEntry(into.removed, entryOf(element, true, undefined));
    } else {
      if (l.length !== 0) addChild(into, element, compareNode(l[0], undefined, items));
      pushEntry(into.added, entryOf(element, true, undefined));
    }
  }
}
