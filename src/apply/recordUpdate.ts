import { InvalidDocumentError } from '../errors/InvalidDocumentError.js';
import { assertJsonValue } from '../json/assertJsonValue.js';
import type { JsonInput, JsonObject, JsonValue } from '../json/JsonValue.js';
import { getOwn, isJsonObject } from '../json/ownProperty.js';
import { decodeManagedFields } from './managedFields/decodeManagedFields.js';
import { encodeManagedFields } from './managedFields/encodeManagedFields.js';
import { updateManagers, type WriteContext } from './managedFields/fieldManager.js';
import type { ManagedState } from './managedFields/ManagedState.js';
import { checkManager, managedFieldsOf, withManagedFields } from './serverSideApply.js';
import type { WriteOptions, WriteResult } from './ServerSideApplyOptions.js';
import { applyTargetFor, decodedForm, emptyObject, readStored, storedForm } from './target/applyTarget.js';
import { prepareForStorage, resetFieldsOf } from './target/strategy.js';
import { keepTimesOfNoOp } from './target/updateMetadata.js';
import { writeTime } from './writeTime.js';

/**
 * The `managedFields` the API server stores after a create, update (PUT) or non-apply patch by an
 * `Update` manager, computed offline: `before` is the stored object (`null` for a create), `after`
 * the object the request writes (for a patch: the live object with the patch applied). Every field
 * the write changes becomes the manager's and leaves its other owners; removed fields leave every
 * owner; the manager's entry gets `now` when anything changed. As on the server:
 *
 * - `after` may set `managedFields` itself: a non-empty list replaces the tracked ones, `[]` resets
 *   them (the object then has none, and an update of an object without `managedFields` is not
 *   tracked); absent keeps `before`'s. Through a subresource `after`'s own are ignored.
 * - at most ten `Update` entries are kept: the oldest merge into `ancient-changes`;
 * - for a built-in kind `after` is defaulted and read through its Go struct first, so fields the
 *   server defaults are owned by the writer too.
 *
 * @example
 * ```ts
 * const scaled = { ...live, spec: { ...live.spec, replicas: 5 } };
 * const { managedFields } = recordUpdate(live, scaled, { manager: 'kubectl-scale' });
 * // managedFields: the kubectl-scale Update entry now owns .spec.replicas, and the applier no longer does
 * ```
 * @public
 */
export function recordUpdate(before: JsonInput | null, after: JsonInput, options: WriteOptions): WriteResult {
  assertJsonValue(after, 'after');
  if (!isJsonObject(after)) throw new InvalidDocumentError('after must be an object', { path: '', input: 'after' });
  if (before !== null) {
    assertJsonValue(before, 'before');
    if (!isJsonObject(before)) throw new InvalidDocumentError('before must be an object or null', { path: '', input: 'before' });
  }
  checkManager(options.manager);
  const target = applyTargetFor(after, options, 'after');
  const context: WriteContext = { target, subresource: options.subresource, time: writeTime(options.now), ignored: resetFieldsOf(target, options.subresource),
    inputs: { live: 'before', other: 'after' },
  };
  const liveObject = before ?? emptyObject(target);
  const state = trackedManagers(liveObject, after, options.subresource !== undefined);
  const sent = withoutManagedFields(after);
  const written = storedForm(target, sent) as JsonObject;
  let next = state;
  // skipNonAppliedManager: with nothing tracked, only a create (no uid yet) starts tracking.
  if (state.sets.size > 0 || !hasUid(liveObject)) {
    const previous = before === null ? liveObject : readStored(target, before);
    // The field manager sees the request decoded and defaulted, before the registry fills more.
    next = updateManagers(previous, decodedForm(target, sent), state, options.manager, context);
  }
  const object = prepareForStorage(target, options.subresource, before, written, context.time);
  const encoded = encodeManagedFields(next) ?? [];
  const managedFields = before === null ? encoded : keepTimesOfNoOp(encoded, withManagedFields(object, []), before);
  return { object: withManagedFields(object, managedFields), managedFields };
}

/** `decodeLiveOrNew`: the managers the update starts from. */
function trackedManagers(live: JsonObject, after: JsonObject, throughSubresource: boolean): ManagedState {
  const fromLive = () => decodeOrEmpty(managedFieldsOf(live), 'before');
  if (throughSubresource) return fromLive();
  const requested = managedFieldsOf(after);
  if (isReset(requested)) return { sets: new Map(), times: new Map() };
  const decoded = decodeOrEmpty(requested, 'after');
  return decoded.sets.size === 0 ? fromLive() : decoded;
}

/** Managed fields that do not decode are dropped, as the server drops them (`emptyManagedFieldsOnErr`). */
function decodeOrEmpty(entries: JsonValue | undefined, input: string): ManagedState {
  try {
    return decodeManagedFields(entries, '/metadata/managedFields', input);
  } catch {
    return { sets: new Map(), times: new Map() };
  }
}

/** `isResetManagedFields`: `[]`, or one entry with nothing set. */
function isReset(entries: JsonValue | undefined): boolean {
  if (!Array.isArray(entries)) return false;
  if (entries.length === 0) return true;
  return entries.length === 1 && isJsonObject(entries[0]) && Object.keys(entries[0]).length === 0;
}

function hasUid(object: JsonObject): boolean {
  const metadata = getOwn(object, 'metadata');
  const uid = isJsonObject(metadata) ? getOwn(metadata, 'uid') : undefined;
  return typeof uid === 'string' && uid !== '';
}

function withoutManagedFields(object: JsonObject): JsonObject {
  return managedFieldsOf(object) === undefined ? object : withManagedFields(object, []);
}
