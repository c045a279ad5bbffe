import { InvalidDocumentError } from '../errors/InvalidDocumentError.js';
import { assertJsonValue } from '../json/assertJsonValue.js';
import type { JsonInput, JsonObject, JsonValue } from '../json/JsonValue.js';
import { getOwn, isJsonObject, setOwn } from '../json/ownProperty.js';
import { applyConflictError } from './managedFields/conflictError.js';
import { decodeManagedFields } from './managedFields/decodeManagedFields.js';
import { encodeManagedFields } from './managedFields/encodeManagedFields.js';
import { applyManagers, updateManagers, type WriteContext } from './managedFields/fieldManager.js';
import { hasLastApplied, KUBECTL, withLastApplied } from './managedFields/lastApplied.js';
import type { ManagedFieldsEntry } from './managedFields/ManagedFieldsEntry.js';
import type { ServerSideApplyOptions, WriteResult } from './ServerSideApplyOptions.js';
import { applyTargetFor, emptyObject, readStored, storedForm } from './target/applyTarget.js';
import { prepareForStorage, resetFieldsOf } from './target/strategy.js';
import { keepTimesOfNoOp } from './target/updateMetadata.js';
import { writeTime } from './writeTime.js';

/** The manager the server gives the fields of an object first applied to without `managedFields` (`beforeApplyManagerName`). @internal */
export const BEFORE_FIRST_APPLY = 'before-first-apply';

/**
 * A server-side apply computed offline, as kube-apiserver 1.33 (structured-merge-diff v4.6.0)
 * does it: `config` merged into `live` by the kind's schema, and the `managedFields` the server
 * would store.
 *
 * - The manager's `Apply` entry becomes exactly the fields of `config`.
 * - Fields it applied before and no longer applies are removed from the object, unless another
 *   manager owns them (list elements of associative lists included).
 * - Fields of `config` whose values differ from the live object and that another manager owns are
 *   conflicts: without `force` they throw {@link ApplyConflictError} with the server's message;
 *   with `force` the manager takes them.
 * - `live` `null` creates the object; a live object without `managedFields` first has its fields
 *   given to `before-first-apply`, as the server does.
 * - For a built-in kind the result goes through its Go struct as on the server: the defaults
 *   kubepatch knows ({@link SERVER_DEFAULTS}) are filled in, empty `omitempty` fields dropped,
 *   quantities canonical. Custom kinds need their CRD in `crds`.
 *
 * Throws `InvalidDocumentError` for what the server refuses before merging (a field the schema
 * does not have, two list elements with one key, `metadata.managedFields` in `config`).
 *
 * @example
 * ```ts
 * const live = await getObject(kubeConfig, { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'default', name: 'web' });
 * const { object, managedFields } = serverSideApply(live, manifest, { manager: 'deployer' });
 * // throws ApplyConflictError: Apply failed with 1 conflict: conflict with "kube-controller-manager" using apps/v1: .spec.replicas
 * ```
 * @public
 */
export function serverSideApply(live: JsonInput | null, config: JsonInput, options: ServerSideApplyOptions): WriteResult {
  const outcome = applyOffline(live, config, options);
  if (outcome.kind === 'conflicts') throw outcome.error;
  return outcome.result;
}

/** The outcome of {@link applyOffline}: the stored object, or the conflicts it stops at. @internal */
export type OfflineApply =
  | { readonly kind: 'applied'; readonly result: WriteResult; readonly changed: boolean }
  | { readonly kind: 'conflicts'; readonly error: ReturnType<typeof applyConflictError> };

/** {@link serverSideApply} without throwing conflicts, for `predictApply`. @internal */
export function applyOffline(live: JsonInput | null, config: JsonInput, options: ServerSideApplyOptions): OfflineApply {
  assertJsonValue(config, 'config');
  if (!isJsonObject(config)) throw new InvalidDocumentError('config must be an object', { path: '', input: 'config' });
  if (live !== null) {
    assertJsonValue(live, 'live');
    if (!isJsonObject(live)) throw new InvalidDocumentError('live must be an object or null', { path: '', input: 'live' });
  }
  checkManager(options.manager);
  const metadata = getOwn(config, 'metadata');
  if (isJsonObject(metadata) && getOwn(metadata, 'managedFields') !== undefined && getOwn(metadata, 'managedFields') !== null) {
    throw new InvalidDocumentError('metadata.managedFields must be nil', { path: '/metadata/managedFields', input: 'config' });
  }
  const target = applyTargetFor(config, options, 'config');
  if (live !== null && (getOwn(live, 'apiVersion') !== target.apiVersion || getOwn(live, 'kind') !== target.kind)) {
    throw new InvalidDocumentError(`config is ${target.apiVersion} ${target.kind} but live is ${String(getOwn(live, 'apiVersion'))} ${String(getOwn(live, 'kind'))}`, {
      path: '/kind',
      input: 'config',
    });
  }
  const context: WriteContext = { target, subresource: options.subresource, time: writeTime(options.now), ignored: resetFieldsOf(target, options.subresource),
    inputs: { live: 'live', other: 'config' },
  };
  const liveObject: JsonObject = live ?? emptyObject(target);
  // A create starts from the kind's new, empty object, as it is before any conversion.
  const stored = live === null ? liveObject : readStored(target, live);
  let state = decodeManagedFields(managedFieldsOf(liveObject), '/metadata/managedFields', 'live');
  if (state.sets.size === 0) state = updateManagers(emptyObject(target), stored, state, BEFORE_FIRST_APPLY, context);
  const applied = applyManagers(stored, config, state, options.manager, options.force === true, context);
  if (applied.kind === 'conflicts') return { kind: 'conflicts', error: applyConflictError(applied.conflicts) };
  let object = (applied.object === undefined ? liveObject : storedForm(target, applied.object)) as JsonObject;
  if (options.manager === KUBECTL && hasLastApplied(object)) object = withLastApplied(object, config);
  object = prepareForStorage(target, options.subresource, live, object, context.time);
  const encoded = encodeManagedFields(applied.state) ?? [];
  const managedFields = live === null ? encoded : keepTimesOfNoOp(encoded, withManagedFields(object, []), live);
  return { kind: 'applied', result: { object: withManagedFields(object, managedFields), managedFields }, changed: applied.object !== undefined };
}

/** The managed fields of an object (`undefined` when it has none). @internal */
export function managedFieldsOf(object: JsonObject): JsonValue | undefined {
  const metadata = getOwn(object, 'metadata');
  return isJsonObject(metadata) ? getOwn(metadata, 'managedFields') : undefined;
}

/** The object with these `managedFields` (none: the field left out). @internal */
export function withManagedFields(object: JsonObject, managedFields: readonly ManagedFieldsEntry[]): JsonObject {
  const metadata: JsonObject = { ...(isJsonObject(getOwn(object, 'metadata')) ? (getOwn(object, 'metadata') as JsonObject) : {}) };
  if (managedFields.length === 0) delete metadata.managedFields;
  else setOwn(metadata, 'managedFields', managedFields as unknown as JsonValue);
  const out: JsonObject = { ...object };
  setOwn(out, 'metadata', metadata);
  return out;
}

/** A manager name the server takes: any non-empty string. @internal */
export function checkManager(manager: unknown): void {
  if (typeof manager !== 'string' || manager === '') {
    throw new InvalidDocumentError('options.manager must be a non-empty string (the fieldManager)', { input: 'options' });
  }
}


