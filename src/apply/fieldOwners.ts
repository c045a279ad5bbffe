import type { JsonInput } from '../json/JsonValue.js';
import { readManagedFields } from './fieldOwnersEntries.js';
import { compareIterateOrder, mergePaths, unionOfAll } from './fieldOwnersMerge.js';
import type { FieldPath } from './fieldsV1/PathElement.js';

/**
 * Who owns fields through one `managedFields` entry: everything of the entry but its fields.
 *
 * @example
 * ```ts
 * const owner: FieldOwner = { manager: 'kube-controller-manager', operation: 'Update', apiVersion: 'apps/v1', subresource: 'status' };
 * ```
 * @public
 */
export interface FieldOwner {
  /** The field manager's name (`managedFields[].manager`); `''` when the entry has none. */
  readonly manager: string;
  /** `Apply` (server-side apply) or `Update` (create, update, any other patch). */
  readonly operation: 'Apply' | 'Update';
  /** The apiVersion the entry's fields are named in (always set by {@link fieldOwners}). */
  readonly apiVersion?: string;
  /** The subresource written through (`status`, `scale`); absent for the main resource. */
  readonly subresource?: string;
  /** When the entry last changed, as the entry says (RFC 3339). */
  readonly time?: string;
}

/**
 * One field of an object's `managedFields` and every manager that owns it.
 *
 * @example
 * ```ts
 * const row: FieldOwnership = {
 *   path: [{ kind: 'field', name: 'spec' }, { kind: 'field', name: 'replicas' }],
 *   serverPath: '.spec.replicas',
 *   pointer: '/spec/replicas',
 *   owners: [{ manager: 'deployer', operation: 'Apply', apiVersion: 'apps/v1' }, { manager: 'ci', operation: 'Apply', apiVersion: 'apps/v1' }],
 * };
 * ```
 * @public
 */
export interface FieldOwnership {
  /** The field, element by element. */
  readonly path: FieldPath;
  /** The field in the server's words (`formatFieldPath`): `.spec.template.spec.containers[name="app"].image`. */
  readonly serverPath: string;
  /** Its JSON Pointer in the object (`/spec/template/spec/containers/0/image`); `undefined` when the object lacks it. */
  readonly pointer: string | undefined;
  /** The entries that own it, in `managedFields` order: two appliers of the same value both own it. */
  readonly owners: readonly FieldOwner[];
}

/**
 * Which owners {@link fieldOwners} reports.
 *
 * @example
 * ```ts
 * const options: FieldOwnersOptions = { manager: 'kube-controller-manager', subresource: 'status' };
 * ```
 * @public
 */
export interface FieldOwnersOptions {
  /** Only the entries of this field manager. */
  readonly manager?: string;
  /** Only the entries written through this subresource (`status`); `''` for the main resource only. */
  readonly subresource?: string;
}

/**
 * Every field of `object.metadata.managedFields` with all its owners. One row per path some entry
 * holds as a member (what `FieldSet.paths()` lists: leaves, and prefixes marked `.`), in
 * structured-merge-diff's `Set.Iterate` order over the union of the entries; the owners of each in
 * `managedFields` order, co-owners included (two managers that apply the same value both own it).
 * `pointer` is where the field is in `object` (see `FieldSet.toJsonPointers`).
 *
 * `options` narrow the owners to a manager or a subresource; a field none of those owns is left
 * out. Entries are read as the API server reads them (`DecodeManagedFields`): an entry whose
 * `operation` is not `Apply` or `Update`, with an empty `apiVersion`, a `fieldsType` other than
 * `FieldsV1` or a malformed `fieldsV1`, or `managedFields` that is not a list, throws
 * {@link InvalidDocumentError} (`INVALID_DOCUMENT`, `input: 'object'`) whose `path` is the JSON
 * Pointer of the bad entry (of the bad key, inside `fieldsV1`). No `managedFields`: `[]`.
 *
 * Each entry's paths are read once, merged in order: linear in the sizes of the sets (times the
 * path depth and the log of the number of entries) and of the object. `object` is not changed.
 *
 * @example
 * ```ts
 * const live = await getDeployment('web'); // as the API server returns it, managedFields included
 * for (const { serverPath, pointer, owners } of fieldOwners(live)) {
 *   console.log(serverPath, pointer, owners.map((o) => `${o.manager} (${o.operation})`).join(', '));
 * }
 * // .spec.replicas /spec/replicas deployer (Apply), ci (Apply)
 * // .spec.template.spec.containers[name="app"].image /spec/template/spec/containers/0/image deployer (Apply)
 * // …
 * fieldOwners(live, { manager: 'kube-controller-manager' }); // only what the controller owns
 * ```
 * @public
 */
export function fieldOwners(object: JsonInput, options: FieldOwnersOptions = {}): FieldOwnership[] {
  return fieldOwnersOf(object, options, 'paths');
}

/**
 * {@link fieldOwners}, or with `which: 'leaves'` only its rows with no row under them (the
 * leaves of the union of the chosen entries), as `kubepatch owners` shows them by default.
 *
 * @example
 * ```ts
 * fieldOwnersOf(live, {}, 'leaves').map((row) => row.serverPath); // no `.metadata.labels` beside `.metadata.labels.app`
 * ```
 * @internal
 */
export function fieldOwnersOf(object: JsonInput, options: FieldOwnersOptions, which: 'paths' | 'leaves'): FieldOwnership[] {
  const chosen = readManagedFields(object).filter(
    ({ owner }) =>
      (options.manager === undefined || owner.manager === options.manager) &&
      (options.subresource === undefined || (owner.subresource ?? '') === options.subresource),
  );
  const located = unionOfAll(chosen.map((entry) => entry.set)).toJsonPointers(object, which);
  const merged = mergePaths(chosen.map((entry) => entry.set));
  return located.map((at) => {
    // The union's paths and the merge come in the same order; for leaves, skip the prefixes.
    for (let next = merged.next(); next.done !== true; next = merged.next()) {
      if (compareIterateOrder(next.value.path, at.path) !== 0) continue;
      return { path: at.path, serverPath: at.serverPath, pointer: at.pointer, owners: next.value.holders.map((i) => chosen[i]!.owner) };
    }
    throw new Error(`fieldOwners: ${at.serverPath} is in the union of the entries but in none of them`);
  });
}
