import type { JsonValue } from '../../json/JsonValue.js';
import type { FieldSet } from '../fieldsV1/FieldSet.js';
import type { FieldPath } from '../fieldsV1/PathElement.js';

/** The fields one manager owns, in one apiVersion, and whether it owns them by applying (`fieldpath.VersionedSet`). @internal */
export interface VersionedSet {
  readonly set: FieldSet;
  readonly apiVersion: string;
  readonly applied: boolean;
}

/** Every manager's fields, by manager identifier (`fieldpath.ManagedFields`). @internal */
export type ManagedSets = ReadonlyMap<string, VersionedSet>;

/** What the updater is told besides the objects. @internal */
export interface UpdaterOptions {
  /** The apiVersion of the request. */
  readonly apiVersion: string;
  readonly managers: ManagedSets;
  /** The identifier of the manager writing. */
  readonly manager: string;
  /** Fields this write neither changes nor owns (the strategy's reset fields; `IgnoredFields[version]`). */
  readonly ignored?: FieldSet | undefined;
  /** The names of the two objects in errors (default `live` and `config`, or `next` for an update). */
  readonly inputs?: { readonly live: string; readonly other: string };
}

/** One field an apply would take from another manager (`merge.Conflict`). @internal */
export interface ManagerConflict {
  readonly manager: string;
  readonly path: FieldPath;
}

/** An apply's outcome: the new object and owners, or the conflicts that stopped it. @internal */
export type UpdaterApplyResult =
  | {
      readonly kind: 'applied';
      /** `undefined` when the apply changes nothing in the object (Go returns nil). */
      readonly object: JsonValue | undefined;
      readonly managers: ReadonlyMap<string, VersionedSet>;
    }
  | { readonly kind: 'conflicts'; readonly conflicts: readonly ManagerConflict[] };
