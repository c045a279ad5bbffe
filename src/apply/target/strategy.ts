import type { JsonObject } from '../../json/JsonValue.js';
import type { FieldSet } from '../fieldsV1/FieldSet.js';
import { resetFieldsFor } from '../resetFields/resetFieldsFor.js';
import { resetObject } from '../resetFields/resetObject.js';
import type { ApplyTarget } from './applyTarget.js';
import { applyStorageQuirks } from './kindQuirks.js';
import { keepSystemMetadata } from './updateMetadata.js';

/**
 * The fields a write through `subresource` neither changes nor owns (the registry strategy's
 * `GetResetFields`): `status` for the main resource of a kind with a status subresource, `spec`
 * (and more) for its status.
 * @internal
 */
export function resetFieldsOf(target: ApplyTarget, subresource: string | undefined): FieldSet | undefined {
  return resetFieldsFor({ apiVersion: target.apiVersion, kind: target.kind, ...(subresource === undefined ? {} : { subresource }), ...(target.crd === undefined ? {} : { crd: target.crd }) });
}

/**
 * The object as the registry stores a write (`PrepareForCreate`, `PrepareForUpdate`): a main
 * resource write keeps the live status, a status write keeps everything else; an update keeps the
 * live object's generation, uid and creation timestamp; the kind's storage quirks.
 * @internal
 */
export function prepareForStorage(target: ApplyTarget, subresource: string | undefined, live: JsonObject | null, written: JsonObject, now: string): JsonObject {
  const kept = live === null ? written : keepSystemMetadata(written, live);
  const reset = resetObject({
    apiVersion: target.apiVersion,
    kind: target.kind,
    ...(subresource === undefined ? {} : { subresource }),
    ...(target.crd === undefined ? {} : { crd: target.crd }),
    operation: live === null ? 'create' : 'update',
    live,
    written: kept,
    now,
  });
  return applyStorageQuirks(target.apiVersion, target.kind, reset, live);
}
