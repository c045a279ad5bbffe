import type { JsonValue } from '../../json/JsonValue.js';
import { FieldSet, fieldSetOfNode, setNode } from '../fieldsV1/FieldSet.js';
import type { ApplySchema } from '../schema/ApplySchema.js';
import { ensureNamedFields } from '../typed/ensureNamedFields.js';
import { removeItems } from '../typed/removeItems.js';
import { setOfEntries } from '../typed/setEntries.js';
import { toFieldSetEntries } from '../typed/toFieldSet.js';
import type { VersionedSet } from './VersionedSet.js';

/** The set with named struct fields made members (`EnsureNamedFieldsAreMembers`). */
function named(set: FieldSet, schema: ApplySchema): FieldSet {
  return fieldSetOfNode(ensureNamedFields(setNode(set), schema));
}

function fieldsOf(value: JsonValue, schema: ApplySchema): FieldSet {
  return setOfEntries(toFieldSetEntries(value, schema));
}

function remove(value: JsonValue, set: FieldSet, schema: ApplySchema): JsonValue {
  return removeItems(value, setNode(set), schema, false) ?? null;
}

/**
 * `Updater.prune`: removes from the merged object what the applier applied last time and no
 * longer applies, "iff … no other applier claims to manage it". Done as Go does it, in three
 * steps on field sets: remove everything of the last applied set, add back what any manager (the
 * applier's new configuration included) owns, then remove from the merged object only what that
 * left out and the last set held, so fields no one ever owned stay.
 * @internal
 */
export function pruneApplied(merged: JsonValue, managers: ReadonlyMap<string, VersionedSet>, lastSet: FieldSet | undefined, schema: ApplySchema): JsonValue {
  if (lastSet === undefined || lastSet.isEmpty()) return merged;
  let pruned = remove(merged, named(lastSet, schema), schema);

  // addBackOwnedItems (one apiVersion: every manager's set at once).
  let managed = FieldSet.EMPTY;
  for (const owned of managers.values()) managed = managed.union(owned.set);
  const mergedSet = named(fieldsOf(merged, schema), schema);
  pruned = remove(merged, mergedSet.difference(named(fieldsOf(pruned, schema), schema).union(named(managed, schema))), schema);

  // addBackDanglingItems.
  const prunedSet = named(fieldsOf(pruned, schema), schema);
  return remove(merged, mergedSet.difference(prunedSet).intersection(named(lastSet, schema)), schema);
}
