import type { JsonObject, JsonValue } from '../../json/JsonValue.js';
import { jsonEqual } from '../../json/jsonEqual.js';
import { getOwn, isJsonObject, setOwn } from '../../json/ownProperty.js';
import type { ManagedFieldsEntry } from '../managedFields/ManagedFieldsEntry.js';

function metadataOf(object: JsonValue | undefined): JsonObject {
  const metadata = isJsonObject(object) ? getOwn(object, 'metadata') : undefined;
  return isJsonObject(metadata) ? metadata : {};
}

/**
 * The metadata an update cannot change (`rest.BeforeUpdate`): "Ensure requests cannot update
 * generation", the live `uid` when the request has none, and the creation timestamp ("ignore
 * changes to timestamp").
 * @internal
 */
export function keepSystemMetadata(object: JsonObject, live: JsonObject): JsonObject {
  const before = metadataOf(live);
  const metadata: JsonObject = { ...metadataOf(object) };
  const keep = (key: string, when: (value: JsonValue | undefined) => boolean) => {
    const value = getOwn(before, key);
    if (value !== undefined && when(getOwn(metadata, key))) setOwn(metadata, key, value);
  };
  keep('generation', () => true);
  keep('uid', (current) => current === undefined || current === '');
  keep('creationTimestamp', () => getOwn(before, 'creationTimestamp') !== null);
  const out: JsonObject = { ...object };
  setOwn(out, 'metadata', metadata);
  return out;
}

const withoutTime = (entry: ManagedFieldsEntry): ManagedFieldsEntry => {
  const { time: _time, ...rest } = entry;
  return rest;
};

/**
 * `IgnoreManagedFieldsTimestampsTransformer`: a write that changes nothing but the times of
 * `managedFields` entries keeps the old times, so that an apply of what is already there is not
 * a change. `object` carries no `managedFields`; the answer is the entries to store.
 * @internal
 */
export function keepTimesOfNoOp(entries: readonly ManagedFieldsEntry[], object: JsonObject, live: JsonObject): readonly ManagedFieldsEntry[] {
  const previous = getOwn(metadataOf(live), 'managedFields');
  if (!Array.isArray(previous) || previous.length !== entries.length || entries.length === 0) return entries;
  const old = previous as unknown as ManagedFieldsEntry[];
  if (!entries.every((entry, i) => jsonEqual(withoutTime(entry) as JsonValue, withoutTime(old[i]!) as JsonValue))) return entries;
  const liveWithout = { ...live, metadata: { ...metadataOf(live) } };
  delete (liveWithout.metadata as JsonObject).managedFields;
  return jsonEqual(object, liveWithout) ? old : entries;
}
