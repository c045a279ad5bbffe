import type { JsonObject, JsonValue } from '../../json/JsonValue.js';
import { cloneJson } from '../../json/cloneJson.js';
import { getOwn, isJsonObject, jsonKeys, setOwn } from '../../json/ownProperty.js';

type Schema = { readonly [key: string]: unknown };

const asSchema = (value: unknown): Schema | undefined => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Schema) : undefined);

/**
 * A custom resource with the `default`s of its CRD's structural schema filled in, as apiextensions'
 * `structuraldefaulting.Default` does when it decodes a request or reads from storage: a property
 * that is absent, or `null` where the schema is not `nullable`, gets a copy of its default, which
 * is then defaulted inside; the walk goes through `properties`, `items` and
 * `additionalProperties`. Pure: what gets a default is copied, with everything above it.
 * @internal
 */
export function crdDefaults(value: JsonValue, schema: unknown): JsonValue {
  const at = asSchema(schema);
  if (at === undefined) return value;
  if (Array.isArray(value)) {
    const items = asSchema(at.items);
    if (items === undefined) return value;
    let copy: JsonValue[] | undefined;
    value.forEach((item, i) => {
      const next = crdDefaults(item, items);
      if (next !== item) (copy ??= value.slice())[i] = next;
    });
    return copy ?? value;
  }
  if (!isJsonObject(value)) return value;
  let copy: JsonObject | undefined;
  const properties = asSchema(at.properties);
  if (properties !== undefined) {
    for (const name of Object.keys(properties)) {
      const property = asSchema(properties[name]);
      if (property === undefined) continue;
      let current = getOwn(copy ?? value, name);
      if (property.default !== undefined && (current === undefined || (current === null && property.nullable !== true))) {
        current = cloneJson(property.default as JsonValue);
        setOwn((copy ??= { ...value }), name, current);
      }
      if (current === undefined) continue;
      const next = crdDefaults(current, property);
      if (next !== current) setOwn((copy ??= { ...value }), name, next);
    }
  }
  const additional = asSchema(at.additionalProperties);
  if (additional !== undefined) {
    for (const key of jsonKeys(copy ?? value)) {
      if (properties !== undefined && Object.hasOwn(properties, key)) continue;
      const current = (copy ?? value)[key]!;
      const next = crdDefaults(current, additional);
      if (next !== current) setOwn((copy ??= { ...value }), key, next);
    }
  }
  return copy ?? value;
}
