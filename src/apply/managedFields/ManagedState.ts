import type { VersionedSet } from '../updater/VersionedSet.js';

/**
 * An object's `managedFields` decoded (apimachinery's `Managed`): each manager's fields and the
 * time of its entry, both by manager identifier (`managerIdentifier`).
 * @internal
 */
export interface ManagedState {
  readonly sets: Map<string, VersionedSet>;
  readonly times: Map<string, string | undefined>;
}

/** A state to change without touching `state`. @internal */
export function copyState(state: ManagedState): ManagedState {
  return { sets: new Map(state.sets), times: new Map(state.times) };
}
