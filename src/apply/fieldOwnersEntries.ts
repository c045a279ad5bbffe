import { InvalidDocumentError } from '../errors/InvalidDocumentError.js';
import { isKubepatchError } from '../errors/isKubepatchError.js';
import type { JsonInput } from '../json/JsonValue.js';
import { getOwn, isJsonObject } from '../json/ownProperty.js';
import type { FieldOwner } from './fieldOwners.js';
import { FieldSet } from './fieldsV1/FieldSet.js';

/**
 * One decoded entry: its owner and its fields.
 *
 * @example
 * ```ts
 * const decoded: OwnedEntry = { owner: { manager: 'm', operation: 'Apply', apiVersion: 'v1' }, set: FieldSet.parse('{"f:data":{}}') };
 * ```
 * @internal
 */
export interface OwnedEntry {
  readonly owner: FieldOwner;
  readonly set: FieldSet;
}

/**
 * Reads `object.metadata.managedFields` as apimachinery's `DecodeManagedFields` does, entry by
 * entry: `operation` must be `Apply` or `Update`, `apiVersion` must not be empty, `fieldsType`
 * must be `FieldsV1`, and `fieldsV1` (absent: no fields) must decode. Absent or `null`
 * `metadata` and `managedFields` give no entries. Anything else throws
 * {@link InvalidDocumentError} with `input: 'object'` and the JSON Pointer of the bad entry
 * (inside `fieldsV1`, of the bad key). Never changes `object`.
 *
 * @example
 * ```ts
 * readManagedFields({ metadata: { managedFields: [{ manager: 'm', operation: 'Apply', apiVersion: 'v1', fieldsType: 'FieldsV1', fieldsV1: {} }] } });
 * // → [{ owner: { manager: 'm', operation: 'Apply', apiVersion: 'v1' }, set: FieldSet.EMPTY }]
 * ```
 * @internal
 */
export function readManagedFields(object: JsonInput): OwnedEntry[] {
  if (!isJsonObject(object)) throw invalid('', 'object: must be a Kubernetes object (a JSON object)');
  const metadata = getOwn(object, 'metadata');
  if (metadata === undefined || metadata === null) return [];
  if (!isJsonObject(metadata)) throw invalid('/metadata', 'object: metadata must be an object');
  const entries = getOwn(metadata, 'managedFields');
  if (entries === undefined || entries === null) return [];
  if (!Array.isArray(entries)) throw invalid('/metadata/managedFields', 'object: metadata.managedFields must be a list');
  return entries.map((entry, i) => readEntry(entry, i));
}

function readEntry(entry: unknown, i: number): OwnedEntry {
  const at = `/metadata/managedFields/${i}`;
  const fail = (why: string): never => {
    throw invalid(at, `object: the managedFields entry at ${at}: ${why}`);
  };
  if (!isJsonObject(entry)) return fail('not an object');
  const member = (name: string): unknown => {
    const value = getOwn(entry, name);
    return value === null ? undefined : value; // Go decodes null as the zero value
  };
  const text = (name: string): string | undefined => {
    const value = member(name);
    if (value !== undefined && typeof value !== 'string') fail(`${name} must be a string`);
    return value === '' ? undefined : (value as string | undefined);
  };
  const operation = member('operation');
  if (operation !== 'Apply' && operation !== 'Update') return fail(`operation must be \`Apply\` or \`Update\` (it is ${describe(operation)})`);
  const apiVersion = text('apiVersion');
  if (apiVersion === undefined) return fail('apiVersion must not be empty');
  const fieldsType = member('fieldsType');
  if (fieldsType === undefined || fieldsType === '') return fail(`missing fieldsType in managed fields entry ${i}`);
  if (fieldsType !== 'FieldsV1') return fail(`invalid fieldsType ${describe(fieldsType)} in managed fields entry ${i}`);
  const manager = text('manager') ?? '';
  const subresource = text('subresource');
  const time = text('time');
  const set = decodeFields(member('fieldsV1'), at);
  const owner: FieldOwner = {
    manager,
    operation,
    apiVersion,
    ...(subresource === undefined ? {} : { subresource }),
    ...(time === undefined ? {} : { time }),
  };
  return { owner: Object.freeze(owner), set };
}

function decodeFields(fieldsV1: unknown, at: string): FieldSet {
  if (fieldsV1 === undefined) return FieldSet.EMPTY;
  try {
    return FieldSet.fromFieldsV1(fieldsV1);
  } catch (error) {
    if (!isKubepatchError(error, 'INVALID_DOCUMENT')) throw error;
    throw invalid(`${at}/fieldsV1${error.path ?? ''}`, `object: the managedFields entry at ${at}: ${error.message}`);
  }
}

function describe(value: unknown): string {
  return value === undefined ? 'absent' : JSON.stringify(value);
}

function invalid(path: string, message: string): InvalidDocumentError {
  return new InvalidDocumentError(message, { path, input: 'object' });
}
