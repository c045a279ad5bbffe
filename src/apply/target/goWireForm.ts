import type { JsonObject, JsonValue } from '../../json/JsonValue.js';
import { getOwn, isJsonObject, jsonKeys, setOwn } from '../../json/ownProperty.js';
import { isPointerField, structDef } from '../../metadata/goTypes.js';
import type { TypeRef } from '../../schema/SchemaTable.js';
import { canonicalQuantity } from '../../semantic/quantity/canonicalQuantity.js';
import { compareUtf8 } from '../../text/utf8.js';

/**
 * `zeroFill: false` is the first step only, the struct as decoding leaves it for the defaulting
 * functions: absent structs are there (empty), absent scalars, lists and maps still absent, so
 * that defaults, which fill what is absent, see them as unset.
 *
 * A built-in object as the API server writes it after decoding it into its Go struct: what
 * `encoding/json` makes of the struct (`DefaultUnstructuredConverter` is the same). Fields come in
 * Go's order; a field with `omitempty` and an empty value (`false`, `0`, `""`, a nil pointer, an
 * empty list or map) is left out; an absent field without `omitempty` is written as its zero
 * value (`null` for a nil pointer, list or map, `{}`-like for a struct, `null` for a zero
 * `metav1.Time`, `"0"` for a `Quantity`, `0` for an `IntOrString`); quantities take their
 * canonical form (`0.5` → `"500m"`); map keys come sorted; keys the struct does not have are dropped. Values of no
 * schema (`RawExtension`, preserved unknown fields) stay as they are. Pure.
 * @internal
 */
export function goWireForm(value: JsonValue | undefined, type: TypeRef, zeroFill = true): JsonValue | undefined {
  switch (type.kind) {
    case 'struct':
      return isJsonObject(value) ? wireStruct(value, type, zeroFill) : undefined;
    case 'list':
      if (!Array.isArray(value)) return undefined;
      return value.map((item) => goWireForm(item, type.elem, zeroFill) ?? zeroOf(type.elem, zeroFill));
    case 'map': {
      if (!isJsonObject(value)) return undefined;
      // Go writes a map's keys sorted.
      const out: JsonObject = {};
      for (const key of jsonKeys(value).sort(compareUtf8)) setOwn(out, key, goWireForm(value[key], type.elem, zeroFill) ?? zeroOf(type.elem, zeroFill));
      return out;
    }
    case 'scalar':
      if (value === undefined || value === null) return undefined;
      if (type.format === 'quantity' && (typeof value === 'string' || typeof value === 'number')) return canonicalQuantity(value);
      return value;
    default:
      return value === undefined ? undefined : value;
  }
}

/** What a field holds when the decoder left it alone: `undefined` for nil (written `null`). */
function zeroOf(type: TypeRef, zeroFill: boolean): JsonValue {
  switch (type.kind) {
    case 'struct':
      return wireStruct(undefined, type, zeroFill);
    case 'scalar':
      switch (type.format) {
        case 'quantity':
          return '0';
        case 'int-or-string':
          return 0;
        case 'date-time':
          return null;
        case 'duration':
          return '0s';
      }
      if (type.type === 'string') return '';
      if (type.type === 'boolean') return false;
      return type.type === 'integer' || type.type === 'number' ? 0 : null;
    default:
      return null;
  }
}

/** Go structs: `Quantity`, `IntOrString`, `Time` and `Duration` are structs in Go, and a struct is never empty. */
const STRUCT_FORMATS: ReadonlySet<string | undefined> = new Set(['quantity', 'int-or-string', 'date-time', 'duration']);

/** `isEmptyValue` of the Go value a field holds, for `omitempty`: a nil pointer, `false`, `0`, `""`, an empty (or nil) list or map. */
function isEmpty(wire: JsonValue | undefined, type: TypeRef, pointer: boolean): boolean {
  if (pointer) return wire === undefined || wire === null;
  if (type.kind === 'struct' || (type.kind === 'scalar' && STRUCT_FORMATS.has(type.format))) return false;
  if (wire === undefined || wire === null) return true;
  if (Array.isArray(wire)) return wire.length === 0;
  if (typeof wire === 'object') return jsonKeys(wire).length === 0;
  return wire === '' || wire === 0 || wire === false;
}

function wireStruct(value: JsonObject | undefined, type: TypeRef & { kind: 'struct' }, zeroFill: boolean): JsonObject {
  const def = structDef(type);
  if (def === undefined) return value ?? {};
  const out: JsonObject = {};
  for (const name of Object.keys(def.fields)) {
    const field = def.fields[name]!;
    const pointer = isPointerField(type, name);
    const given = value === undefined ? undefined : getOwn(value, name);
    let wire = goWireForm(given, field.type, zeroFill);
    // A nil pointer, list, map or interface is `null`; any other Go value has a zero value.
    if (wire === undefined && !pointer && (zeroFill || field.type.kind === 'struct')) wire = zeroOf(field.type, zeroFill);
    if (wire === undefined && !zeroFill) continue;
    if (field.omitempty === true && isEmpty(wire, field.type, pointer)) continue;
    setOwn(out, name, wire ?? null);
  }
  if (def.preserveUnknownFields === true && value !== undefined) {
    for (const key of jsonKeys(value)) if (!Object.hasOwn(def.fields, key)) setOwn(out, key, value[key]!);
  }
  return out;
}
