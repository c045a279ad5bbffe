import { InvalidDocumentError } from '../../errors/InvalidDocumentError.js';
import type { JsonValue } from '../../json/JsonValue.js';
import { getOwn, isJsonObject } from '../../json/ownProperty.js';
import { FieldSet } from '../fieldsV1/FieldSet.js';
import type { ManagedState } from './ManagedState.js';
import { managerIdentifier } from './managerIdentifier.js';

/**
 * Reads `metadata.managedFields` as the API server does (`DecodeManagedFields`), refusing what it
 * refuses, in its words: an entry whose operation is not `Apply` or `Update` ("operation must be
 * `Apply` or `Update`"), one without apiVersion ("apiVersion must not be empty"), one without
 * `fieldsType: FieldsV1`. Two entries with one identifier: the later wins, as in Go's map.
 * `undefined` or `null` is no entries. Errors are `InvalidDocumentError`s with the entry's
 * pointer under `pointer` (`/metadata/managedFields/2`).
 * @internal
 */
export function decodeManagedFields(entries: JsonValue | undefined, pointer: string, input: string): ManagedState {
  const state: ManagedState = { sets: new Map(), times: new Map() };
  if (entries === undefined || entries === null) return state;
  const fail = (at: string, problem: string): never => {
    throw new InvalidDocumentError(`failed to decode managed fields: ${problem}`, { path: at, input });
  };
  if (!Array.isArray(entries)) return fail(pointer, 'managedFields must be a list');
  entries.forEach((entry, i) => {
    const at = `${pointer}/${i}`;
    if (!isJsonObject(entry)) return fail(at, `entry ${i} is not an object`);
    const operation = getOwn(entry, 'operation');
    if (operation !== 'Apply' && operation !== 'Update') return fail(`${at}/operation`, 'operation must be `Apply` or `Update`');
    const apiVersion = getOwn(entry, 'apiVersion');
    if (typeof apiVersion !== 'string' || apiVersion === '') return fail(`${at}/apiVersion`, 'apiVersion must not be empty');
    const fieldsType = getOwn(entry, 'fieldsType');
    if (fieldsType === undefined || fieldsType === '') return fail(`${at}/fieldsType`, `missing fieldsType in managed fields entry ${i}`);
    if (fieldsType !== 'FieldsV1') return fail(`${at}/fieldsType`, `invalid fieldsType ${JSON.stringify(fieldsType)} in managed fields entry ${i}`);
    const manager = getOwn(entry, 'manager');
    const subresource = getOwn(entry, 'subresource');
    const time = getOwn(entry, 'time');
    const fieldsV1 = getOwn(entry, 'fieldsV1');
    let set: FieldSet;
    try {
      set = fieldsV1 === undefined || fieldsV1 === null ? FieldSet.EMPTY : FieldSet.fromFieldsV1(fieldsV1);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return fail(`${at}/fieldsV1`, `error decoding versioned set of entry ${i}: ${reason}`);
    }
    const id = managerIdentifier({
      manager: typeof manager === 'string' ? manager : '',
      operation,
      apiVersion,
      subresource: typeof subresource === 'string' ? subresource : undefined,
    });
    state.sets.set(id, { set, apiVersion, applied: operation === 'Apply' });
    state.times.set(id, typeof time === 'string' ? time : undefined);
  });
  return state;
}
