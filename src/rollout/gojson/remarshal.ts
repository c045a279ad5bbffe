import { InvalidDocumentError } from '../../errors/InvalidDocumentError.js';
import type { JsonValue } from '../../json/JsonValue.js';
import { getOwn, isJsonObject, jsonKeys } from '../../json/ownProperty.js';
import { formatJsonPointer } from '../../json/pointer.js';
import { compareGoStrings, goQuote } from './goString.js';
import { goTypeName, type GoType } from './GoType.js';

/**
 * What `json.Marshal` writes for one Go value, and whether `omitempty` would leave it out.
 * @internal
 */
export interface Remarshaled {
  /** The JSON text Go writes. */
  readonly json: string;
  /**
   * Go's `isEmptyValue`: `false`, `0`, `""`, a nil pointer, an empty slice or map. A struct is
   * never empty ("The empty values are false, 0, any nil pointer or interface value, and any
   * array, slice, map, or string of length zero"), nor is `IntOrString`, which is a struct.
   */
  readonly empty: boolean;
}

const nil: Remarshaled = Object.freeze({ json: 'null', empty: true });
const int32Range = 2 ** 31;
const int64Range = 2 ** 63;

/**
 * The bytes Go's `json.Marshal` writes after `json.Unmarshal` has decoded `value` into a Go value
 * of `type`: Argo's controller decodes the Rollout it watches into Go structs, and hashes what
 * those structs marshal to. `undefined` is an absent member. Decoding follows encoding/json:
 *
 * - members are matched to fields by exact name (the controller's decoder, sigs.k8s.io/json, is
 *   case-sensitive) and unknown members are dropped;
 * - "The JSON null value unmarshals into an interface, map, pointer, or slice by setting that Go
 *   value to nil. ... Otherwise, unmarshaling a JSON null into any other Go type has no effect on
 *   the value": `null` leaves a string, number, bool or struct at its zero value; only a
 *   `json.RawMessage` keeps it, as the four bytes `null`;
 * - a value of the wrong JSON type, or a number an `int32` cannot hold, fails, as Go's decode
 *   fails: {@link InvalidDocumentError} with the JSON Pointer of the value (`tokens` is where
 *   `value` sits, `input` names the argument).
 *
 * Marshalling follows `json.Marshal`: fields in declaration order, `omitempty` leaving out empty
 * values (see {@link Remarshaled.empty}), nil slices and maps as `null`, map keys sorted, strings
 * HTML-escaped, `IntOrString` as its number or string, a `json.RawMessage` compacted.
 *
 * @internal
 */
export function remarshal(value: JsonValue | undefined, type: GoType, input: string, tokens: string[]): Remarshaled {
  const fail = (problem: string): never => {
    const path = formatJsonPointer(tokens);
    const where = path === '' ? 'the root' : path;
    throw new InvalidDocumentError(`${input}: the value at ${where} ${problem}`, { path, input });
  };
  const mismatch = (found: JsonValue): never =>
    fail(`is ${describe(found)}, which Go's encoding/json cannot decode into ${goTypeName(type)} (Argo's controller would fail to read it)`);

  switch (type.kind) {
    case 'pointer':
      // A nil pointer: absent, or `null` ("setting that Go value to nil").
      if (value === undefined || value === null) return nil;
      return { json: remarshal(value, type.elem, input, tokens).json, empty: false };
    case 'slice': {
      if (value === undefined || value === null) return nil;
      if (!Array.isArray(value)) return mismatch(value);
      const items = value.map((item, index) => {
        tokens.push(String(index));
        const encoded = remarshal(item, type.elem, input, tokens).json;
        tokens.pop();
        return encoded;
      });
      return { json: `[${items.join(',')}]`, empty: items.length === 0 };
    }
    case 'map': {
      if (value === undefined || value === null) return nil;
      if (!isJsonObject(value)) return mismatch(value);
      // "The map keys are sorted".
      const keys = jsonKeys(value).sort(compareGoStrings);
      const members = keys.map((key) => {
        tokens.push(key);
        const encoded = `${goQuote(key)}:${remarshal(getOwn(value, key), type.elem, input, tokens).json}`;
        tokens.pop();
        return encoded;
      });
      return { json: `{${members.join(',')}}`, empty: members.length === 0 };
    }
    case 'struct': {
      if (value !== undefined && value !== null && !isJsonObject(value)) return mismatch(value);
      const members: string[] = [];
      for (const field of type.fields) {
        const member = value === undefined || value === null ? undefined : getOwn(value, field.name);
        tokens.push(field.name);
        const encoded = remarshal(member, field.type, input, tokens);
        tokens.pop();
        // "The 'omitempty' option specifies that the field should be omitted from the encoding
        // if the field has an empty value".
        if (!(field.omitempty && encoded.empty)) members.push(`${goQuote(field.name)}:${encoded.json}`);
      }
      return { json: `{${members.join(',')}}`, empty: false };
    }
    case 'string':
      if (value === undefined || value === null) return { json: '""', empty: true };
      if (typeof value !== 'string') return mismatch(value);
      return { json: goQuote(value), empty: value === '' };
    case 'bool':
      if (value === undefined || value === null) return { json: 'false', empty: true };
      if (typeof value !== 'boolean') return mismatch(value);
      return { json: String(value), empty: !value };
    case 'int32':
    case 'int64': {
      if (value === undefined || value === null) return { json: '0', empty: true };
      const range = type.kind === 'int32' ? int32Range : int64Range;
      if (typeof value !== 'number' || !Number.isInteger(value) || value < -range || value >= range) return mismatch(value);
      // `String(-0)` is "0", as Go writes the integer zero.
      return { json: String(value), empty: value === 0 };
    }
    case 'intOrString':
      // intstr.IntOrString.UnmarshalJSON: a JSON string is the string, anything else is
      // unmarshalled into the int32 (so null is 0). MarshalJSON writes the one it holds.
      if (typeof value === 'string') return { json: goQuote(value), empty: false };
      if (value === undefined || value === null) return { json: '0', empty: false };
      if (typeof value !== 'number' || !Number.isInteger(value) || value < -int32Range || value >= int32Range) return mismatch(value);
      return { json: String(value), empty: false };
    case 'rawMessage':
      // A RawMessage keeps the bytes it was given, `null` included; only an absent member is nil.
      if (value === undefined) return nil;
      return { json: compactJson(value), empty: false };
  }
}

/**
 * A `json.RawMessage` as `json.Marshal` writes it: the JSON text compacted, with `<`, `>`, `&`,
 * U+2028 and U+2029 escaped. The text is the value's own: members in the order the object holds
 * them, numbers in JavaScript's shortest form, which is also Go's form for a float64 (see
 * docs/rollout-steps-hash.md for what this means for objects read from the API server).
 */
function compactJson(value: JsonValue): string {
  if (value === null || typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return goQuote(value);
  if (Array.isArray(value)) return `[${value.map(compactJson).join(',')}]`;
  return `{${jsonKeys(value)
    .map((key) => `${goQuote(key)}:${compactJson(getOwn(value, key) as JsonValue)}`)
    .join(',')}}`;
}

/** How Go's decoder names a JSON value in `cannot unmarshal <value> into …`. */
function describe(value: JsonValue): string {
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'boolean') return 'a bool';
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : 'an object';
}
