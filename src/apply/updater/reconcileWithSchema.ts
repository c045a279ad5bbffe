import { FieldSet, setNode } from '../fieldsV1/FieldSet.js';
import type { FieldPath } from '../fieldsV1/PathElement.js';
import type { SetNode } from '../fieldsV1/setNode.js';
import type { ApplySchema } from '../schema/ApplySchema.js';
import type { VersionedSet } from './VersionedSet.js';

/**
 * A manager's set brought in line with the schema (`ReconcileFieldSetWithSchema`): where it owns
 * fields inside a list, map or struct that the schema now says is atomic (a CRD changed), it owns
 * that value whole instead ("remove all root and all children fields", "add the root of the
 * atomic"). Sets written under the current schema come back unchanged (the same object).
 * @internal
 */
export function reconcileWithSchema(owned: VersionedSet, schema: ApplySchema): VersionedSet {
  const collapse: FieldPath[] = [];
  walk(setNode(owned.set), schema, [], false, collapse);
  if (collapse.length === 0) return owned;
  const atomic = FieldSet.fromPaths(collapse);
  return { ...owned, set: owned.set.recursiveDifference(atomic).union(atomic) };
}

function walk(node: SetNode | undefined, schema: ApplySchema, path: FieldPath, ownedWhole: boolean, collapse: FieldPath[]): void {
  const kind = schema.type.kind;
  if (kind === 'scalar') return;
  if (kind === 'list') {
    if (!ownedWhole && schema.listType === 'atomic') {
      collapse.push(path);
      return;
    }
    const items = schema.items();
    if (node === undefined || items === undefined) return;
    for (const entry of node) walk(entry.children, items, [...path, entry.element], entry.member && entry.children === undefined, collapse);
    return;
  }
  // The map part: structs, maps, and the untyped kinds (whose map part comes first).
  if (isUntypedDeducedMap(schema)) return;
  if (!ownedWhole && schema.mapType === 'atomic') {
    if (node !== undefined && node.length > 0) collapse.push(path);
    return;
  }
  if (node === undefined) return;
  for (const entry of node) {
    const child = entry.element.kind === 'field' ? schema.field(entry.element.name) : schema.elements();
    if (child !== undefined) walk(entry.children, child, [...path, entry.element], entry.member && entry.children === undefined, collapse);
  }
}

/**
 * `isUntypedDeducedMap`: a map with no fields whose values are deduced, or (as Go's test reads an
 * inline type) untyped scalars. Go leaves those alone.
 */
function isUntypedDeducedMap(schema: ApplySchema): boolean {
  const kind = schema.type.kind;
  if (kind === 'deduced') return true;
  if (kind !== 'map' && !(kind === 'struct' && schema.fieldNames().length === 0)) return false;
  const elements = schema.elements()?.type;
  return elements?.kind === 'deduced' || (elements?.kind === 'scalar' && elements.scalar === 'untyped');
}
