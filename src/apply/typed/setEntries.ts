import { serializePathElement } from '../fieldsV1/pathElementKey.js';
import type { PathElement } from '../fieldsV1/PathElement.js';
import { fieldSetOfNode, type FieldSet } from '../fieldsV1/FieldSet.js';
import { normalizeEntries, type SetEntry } from '../fieldsV1/setNode.js';

/**
 * The entry of `element` in a trie being built by a walk, or `undefined` when it holds nothing
 * (Go never keeps an empty node). `children` may come in any order; they are sorted here.
 * @internal
 */
export function entryOf(element: PathElement, member: boolean, children: SetEntry[] | undefined): SetEntry | undefined {
  const kept = children !== undefined && children.length > 0 ? normalizeEntries(children) : undefined;
  if (!member && kept === undefined) return undefined;
  return { element, key: serializePathElement(element), member, children: kept };
}

/** Adds `entry` to `into` when there is one. @internal */
export function pushEntry(into: SetEntry[], entry: SetEntry | undefined): void {
  if (entry !== undefined) into.push(entry);
}

/** The set whose root has these entries, in any order. @internal */
export function setOfEntries(entries: SetEntry[]): FieldSet {
  return fieldSetOfNode(normalizeEntries(entries));
}
