import type { JsonValue } from '../../json/JsonValue.js';
import { jsonEqual } from '../../json/jsonEqual.js';
import { compareUtf8 } from '../../text/utf8.js';
import { FieldSet } from '../fieldsV1/FieldSet.js';
import type { ApplySchema } from '../schema/ApplySchema.js';
import { compareTyped } from '../typed/compareTyped.js';
import { mergeTyped } from '../typed/mergeTyped.js';
import { setOfEntries } from '../typed/setEntries.js';
import { toFieldSetEntries } from '../typed/toFieldSet.js';
import { validateTyped } from '../typed/validateTyped.js';
import { pruneApplied } from './pruneApplied.js';
import { reconcileWithSchema } from './reconcileWithSchema.js';
import type { ManagedSets, ManagerConflict, UpdaterApplyResult, UpdaterOptions, VersionedSet } from './VersionedSet.js';

export type { ManagedSets, ManagerConflict, UpdaterApplyResult, UpdaterOptions, VersionedSet } from './VersionedSet.js';

/** The fields of a value as a set (`ToFieldSet`). @internal */
export function fieldSetOf(value: JsonValue | undefined, schema: ApplySchema): FieldSet {
  return value === undefined ? FieldSet.EMPTY : setOfEntries(toFieldSetEntries(value, schema));
}

interface Compared {
  readonly added: FieldSet;
  readonly modified: FieldSet;
  readonly removed: FieldSet;
}

function compare(before: JsonValue, after: JsonValue, schema: ApplySchema, ignored: FieldSet | undefined): Compared {
  const c = compareTyped(before, after, schema);
  // ExcludeSetFilter: the reset fields and everything under them.
  const filter = (entries: Parameters<typeof setOfEntries>[0]) => {
    const set = setOfEntries(entries);
    return ignored === undefined ? set : set.recursiveDifference(ignored);
  };
  return { added: filter(c.added), modified: filter(c.modified), removed: filter(c.removed) };
}

/** `reconcileManagedFieldsWithSchemaChanges`: every manager's set against the schema. */
function reconciled(managers: ManagedSets, schema: ApplySchema): Map<string, VersionedSet> {
  const out = new Map<string, VersionedSet>();
  for (const [manager, owned] of managers) out.set(manager, reconcileWithSchema(owned, schema));
  return out;
}

/**
 * `Updater.update`: what a write from `before` to `after` by `writer` does to the other managers.
 * Each loses the fields the write removed; the changed (modified or added) fields it owns are
 * conflicts, which stop the write unless `force`, and which it otherwise loses too. Managers left
 * with nothing are dropped.
 */
function updateOthers(
  before: JsonValue,
  after: JsonValue,
  schema: ApplySchema,
  options: UpdaterOptions,
  managers: Map<string, VersionedSet>,
  force: boolean,
): { readonly compared: Compared; readonly conflicts: readonly ManagerConflict[] } {
  const compared = compare(before, after, schema, options.ignored);
  const changed = compared.modified.union(compared.added);
  const conflicts: ManagerConflict[] = [];
  const taken = new Map<string, FieldSet>();
  for (const [manager, owned] of managers) {
    if (manager === options.manager) continue;
    const conflicting = owned.set.intersection(changed);
    if (!conflicting.isEmpty()) taken.set(manager, conflicting);
  }
  if (!force && taken.size > 0) {
    // ConflictsFromManagers, in a fixed order: managers as the server's message sorts them, fields in Set.Iterate order.
    for (const manager of [...taken.keys()].sort(compareUtf8)) {
      for (const path of taken.get(manager)!.paths()) conflicts.push({ manager, path });
    }
    return { compared, conflicts };
  }
  for (const [manager, conflicting] of taken) {
    const owned = managers.get(manager)!;
    managers.set(manager, { ...owned, set: owned.set.difference(conflicting) });
  }
  if (!compared.removed.isEmpty()) {
    for (const [manager, owned] of managers) {
      if (manager !== options.manager) managers.set(manager, { ...owned, set: owned.set.difference(compared.removed) });
    }
  }
  for (const [manager, owned] of managers) if (owned.set.isEmpty()) managers.delete(manager);
  return { compared, conflicts };
}

/**
 * `Updater.Update`: the owners after a non-apply write (create, update, patch) from `live` to
 * `next` by `manager`. Nothing conflicts; every field the write changes becomes the writer's
 * (and no one else's), the fields it removed leave every owner.
 * @internal
 */
export function updaterUpdate(live: JsonValue, next: JsonValue, schema: ApplySchema, options: UpdaterOptions): Map<string, VersionedSet> {
  // ObjectToTyped(…, AllowDuplicates) of both objects.
  validateTyped(live, schema, { input: options.inputs?.live ?? 'live', allowDuplicates: true });
  validateTyped(next, schema, { input: options.inputs?.other ?? 'next', allowDuplicates: true });
  const managers = reconciled(options.managers, schema);
  const { compared } = updateOthers(live, next, schema, options, managers, true);
  const previous = managers.get(options.manager)?.set ?? FieldSet.EMPTY;
  let set = previous.difference(compared.removed).union(compared.modified).union(compared.added);
  if (options.ignored !== undefined) set = set.recursiveDifference(options.ignored);
  if (set.isEmpty()) managers.delete(options.manager);
  else managers.set(options.manager, { set, apiVersion: options.apiVersion, applied: false });
  return managers;
}

/**
 * `Updater.Apply`: `config` merged into `live` by the schema; the applier's fields become exactly
 * those of `config`; what it applied before and no longer applies is removed unless someone else
 * owns it; other managers' fields whose values change are conflicts (or, with `force`, become the
 * applier's). Throws `InvalidDocumentError` where structured-merge-diff's typed conversion refuses a value.
 * @internal
 */
export function updaterApply(live: JsonValue, config: JsonValue, schema: ApplySchema, options: UpdaterOptions & { readonly force: boolean }): UpdaterApplyResult {
  // "Don't allow duplicates in the applied object"; the live one may have them.
  validateTyped(config, schema, { input: options.inputs?.other ?? 'config', allowDuplicates: false });
  validateTyped(live, schema, { input: options.inputs?.live ?? 'live', allowDuplicates: true });
  const managers = reconciled(options.managers, schema);
  let merged = mergeTyped(live, config, schema) ?? null;
  const lastSet = managers.get(options.manager);
  let set = fieldSetOf(config, schema);
  if (options.ignored !== undefined) set = set.recursiveDifference(options.ignored);
  managers.set(options.manager, { set, apiVersion: options.apiVersion, applied: true });
  merged = pruneApplied(merged, managers, lastSet?.set, schema);
  const { conflicts } = updateOthers(live, merged, schema, options, managers, options.force);
  if (conflicts.length > 0) return { kind: 'conflicts', conflicts };
  return { kind: 'applied', object: jsonEqual(live, merged) ? undefined : merged, managers };
}


