import type { JsonValue } from '../../json/JsonValue.js';
import type { FieldSet } from '../fieldsV1/FieldSet.js';
import type { ApplyTarget } from '../target/applyTarget.js';
import { updaterApply, updaterUpdate } from '../updater/updater.js';
import type { ManagerConflict } from '../updater/VersionedSet.js';
import { capUpdateManagers } from './capUpdateManagers.js';
import { allowedConflictsFromLastApplied, KUBECTL } from './lastApplied.js';
import type { ManagedState } from './ManagedState.js';
import { managerIdentifier } from './managerIdentifier.js';
import { stripMetaFields } from './stripMetaFields.js';

/** One write: what is written, through which subresource, when, and which fields it leaves alone. @internal */
export interface WriteContext {
  readonly target: ApplyTarget;
  readonly subresource: string | undefined;
  /** RFC 3339, seconds. */
  readonly time: string;
  /** The strategy's reset fields for this write. */
  readonly ignored: FieldSet | undefined;
  /** The names of the objects in errors: the stored one, the written one. */
  readonly inputs: { readonly live: string; readonly other: string };
}

/** The name the server files the fields of the current update under before merging them into the manager's entry. Not JSON, so no identifier equals it. */
const CURRENT_OPERATION = 'current-operation';

/**
 * The managers after an update (a create, update or non-apply patch) by `manager`, through the
 * server's layers: `buildManagerInfo` (an `Update` identifier with the apiVersion and
 * subresource), `managedFieldsUpdater` (the changed fields, without the stripped metadata, join
 * the manager's entry, which gets the time; an update that changes nothing leaves the entry and its
 * time alone) and `capManagers` (at most ten `Update` entries). Both objects are as the server's
 * typed converter reads them.
 * @internal
 */
export function updateManagers(live: JsonValue, next: JsonValue, state: ManagedState, manager: string, context: WriteContext): ManagedState {
  const id = managerIdentifier({ manager, operation: 'Update', apiVersion: context.target.apiVersion, subresource: context.subresource });
  const sets = updaterUpdate(live, next, context.target.schema, {
    apiVersion: context.target.apiVersion,
    managers: state.sets,
    manager: CURRENT_OPERATION,
    ignored: context.ignored,
    inputs: context.inputs,
  });
  const out: ManagedState = { sets, times: new Map(state.times) };
  stripMetaFields(out, CURRENT_OPERATION);
  const current = out.sets.get(CURRENT_OPERATION);
  if (current !== undefined) {
    out.sets.delete(CURRENT_OPERATION);
    const previous = out.sets.get(id);
    out.sets.set(id, previous === undefined ? current : { ...current, set: current.set.union(previous.set) });
    out.times.set(id, context.time);
  }
  return capUpdateManagers(out);
}

/** An apply's outcome through the server's layers. @internal */
export type ManagedApply =
  | { readonly kind: 'applied'; readonly object: JsonValue | undefined; readonly state: ManagedState }
  | { readonly kind: 'conflicts'; readonly conflicts: readonly ManagerConflict[] };

/**
 * An apply by `manager` through the server's layers: the structured-merge-diff apply, the
 * applier's set without the stripped metadata, its entry's time when the object changed, and for
 * the manager `kubectl` the `lastAppliedManager` rule: conflicts that all lie in fields of the
 * last client-side apply that still have its values are forced; others are reported without them.
 * @internal
 */
export function applyManagers(live: JsonValue, config: JsonValue, state: ManagedState, manager: string, force: boolean, context: WriteContext): ManagedApply {
  const run = (forced: boolean): ManagedApply => {
    const id = managerIdentifier({ manager, operation: 'Apply', subresource: context.subresource });
    const result = updaterApply(live, config, context.target.schema, {
      apiVersion: context.target.apiVersion,
      managers: state.sets,
      manager: id,
      force: forced,
      ignored: context.ignored,
      inputs: context.inputs,
    });
    if (result.kind === 'conflicts') return result;
    const out: ManagedState = { sets: new Map(result.managers), times: new Map(state.times) };
    stripMetaFields(out, id);
    if (result.object !== undefined) out.times.set(id, context.time);
    return { kind: 'applied', object: result.object, state: out };
  };
  const first = run(force);
  if (first.kind === 'applied' || manager !== KUBECTL) return first;
  const allowed = allowedConflictsFromLastApplied(live, context.target);
  if (allowed === undefined) return first;
  const remaining = first.conflicts.filter((conflict) => !allowed.has(conflict.path));
  return remaining.length === 0 ? run(true) : { kind: 'conflicts', conflicts: remaining };
}
