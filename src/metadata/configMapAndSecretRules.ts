import type { ImmutableFieldChange } from '../errors/ImmutableFieldError.js';
import type { JsonObject, JsonValue } from '../json/JsonValue.js';
import { getOwn, isJsonObject, jsonKeys, setOwn } from '../json/ownProperty.js';
import { base64Utf8 } from '../text/base64.js';
import { changeAt, immutableValue, member, reportValues, type UpdatePair } from './immutableRule.js';
import { semanticEqual } from './semanticEqual.js';

const immutableMessage = 'field is immutable when `immutable` is set';
const stringMap = { kind: 'map', elem: { kind: 'scalar', type: 'string' } } as const;

/**
 * ConfigMap (pkg/apis/core/validation `ValidateConfigMapUpdate`): once `immutable: true`, nothing
 * of it may change:
 *
 * ```go
 * if oldCfg.Immutable != nil && *oldCfg.Immutable {
 *   if newCfg.Immutable == nil || !*newCfg.Immutable {
 *     allErrs = append(allErrs, field.Forbidden(field.NewPath("immutable"), "field is immutable when `immutable` is set"))
 *   }
 *   if !reflect.DeepEqual(newCfg.Data, oldCfg.Data) { … field.Forbidden(field.NewPath("data"), …) }
 *   if !reflect.DeepEqual(newCfg.BinaryData, oldCfg.BinaryData) { … field.Forbidden(field.NewPath("binaryData"), …) }
 * }
 * ```
 *
 * Simplified: `reflect.DeepEqual` tells an empty map from none; kubepatch counts them equal.
 * @internal
 */
export function configMapChanges(pair: UpdatePair): ImmutableFieldChange[] {
  if (member(pair.old, 'immutable') !== true) return [];
  return [
    ...immutableFlagChanges(pair),
    ...dataChanges('data', member(pair.old, 'data'), member(pair.new, 'data')),
    ...dataChanges('binaryData', member(pair.old, 'binaryData'), member(pair.new, 'binaryData')),
  ];
}

/**
 * Secret (`ValidateSecretUpdate`): `type` can never change (`ValidateImmutableField`; an absent
 * type is `Opaque`, `SetDefaults_Secret`), and once `immutable: true`, neither `immutable` nor
 * `data` may change. `stringData` is merged into `data` before validation ("We don't validate
 * StringData, as it was already converted back to Data before validation is happening"), so
 * kubepatch compares `data` with `stringData` merged in, base64-encoded.
 * @internal
 */
export function secretChanges(pair: UpdatePair): ImmutableFieldChange[] {
  const oldType = member(pair.old, 'type') || 'Opaque';
  const newType = member(pair.new, 'type') || 'Opaque';
  // `Secret.Type` is a `SecretType`, not a Go `string`: printed with json.Marshal.
  const changes = immutableValue(pair.type, ['type'], oldType, newType).map((change) =>
    reportValues(change, member(pair.old, 'type'), member(pair.new, 'type')),
  );
  if (member(pair.old, 'immutable') !== true) return changes;
  return [...changes, ...immutableFlagChanges(pair), ...dataChanges('data', secretData(pair.old), secretData(pair.new))];
}

function immutableFlagChanges(pair: UpdatePair): ImmutableFieldChange[] {
  const value = member(pair.new, 'immutable');
  if (value === true) return [];
  return [changeAt(['immutable'], true, value, { type: 'Forbidden', field: 'immutable', detail: immutableMessage })];
}

function dataChanges(key: string, oldData: JsonValue | undefined, newData: JsonValue | undefined): ImmutableFieldChange[] {
  if (semanticEqual(oldData, newData, stringMap)) return [];
  return [changeAt([key], oldData, newData, { type: 'Forbidden', field: key, detail: immutableMessage })];
}

/** `data` with `stringData` merged over it, base64-encoded, as the API server stores a Secret. */
function secretData(secret: JsonObject): JsonValue | undefined {
  const data = member(secret, 'data');
  const stringData = member(secret, 'stringData');
  if (!isJsonObject(stringData) || jsonKeys(stringData).length === 0) return data;
  const merged: JsonObject = {};
  if (isJsonObject(data)) for (const key of jsonKeys(data)) setOwn(merged, key, getOwn(data, key) ?? null);
  for (const key of jsonKeys(stringData)) {
    const value = getOwn(stringData, key);
    setOwn(merged, key, typeof value === 'string' ? base64Utf8(value) : (value ?? null));
  }
  return merged;
}
