import { assertJsonValue } from '../json/assertJsonValue.js';
import type { JsonInput, JsonObject, JsonValue } from '../json/JsonValue.js';
import { getOwn, isJsonObject, jsonKeys, setOwn } from '../json/ownProperty.js';
import { isPointerField, kindType, memberType, structDef } from '../metadata/goTypes.js';
import type { TypeRef } from '../schema/SchemaTable.js';
import { canonicalQuantity } from '../semantic/quantity/canonicalQuantity.js';
import { abs, normalize, pow10 } from '../semantic/quantity/exactDecimal.js';
import { parseQuantity } from '../semantic/quantity/parseQuantity.js';

let templateType: TypeRef | undefined;

/** `core/v1` `PodTemplateSpec`, the Go type of a Rollout's `spec.template`. */
function podTemplateSpecType(): TypeRef {
  if (templateType === undefined) {
    const podTemplate = kindType('v1', 'PodTemplate');
    templateType = (podTemplate && memberType(podTemplate, 'template')) ?? { kind: 'unknown' };
  }
  return templateType;
}

/**
 * A Rollout's pod template (`spec.template`) in the form Argo Rollouts' controller hashes it: what
 * `remarshalRollout` (a JSON round trip through the Go structs of `core/v1` `PodTemplateSpec`)
 * leaves of it. Two templates with equal Go forms give the same `rollouts-pod-template-hash`, so
 * a change between them is no new revision. The normalisation covers, using the built-in
 * Kubernetes 1.33 types kubepatch carries:
 *
 * - `resource.Quantity` values (`resources.limits`/`requests`, `overhead`, `emptyDir.sizeLimit`,
 *   …) as Go writes them back: `1000m` becomes `"1"`, `cpu: 1` (a number) becomes `"1"`, while a
 *   quantity already in canonical form keeps its text (Go's verbatim cache, see
 *   {@link canonicalQuantity});
 * - `omitempty` fields holding their zero value (`{}`, `[]`, `""`, `0`, `false`) or `null` are
 *   dropped, as are absent or `null` pointers (`securityContext`); a pointer to an empty struct
 *   (`securityContext: {}`) is kept, since Go writes it;
 * - non-pointer structs are always present (`resources: {}` equals an absent `resources`);
 * - `metadata.creationTimestamp: null` is dropped (what v1.9 writes; v1.8 writes `null` for
 *   both, so the comparison is the same);
 * - fields Go does not know are dropped, fields come in Go's order and map keys are sorted.
 *
 * It does not cover: a nil list against `[]` in a field without `omitempty` (Go writes `null` and
 * `[]`, which hash differently, and so they are kept apart here), values Go could not decode (kept
 * as written), fields added to Kubernetes after 1.33 (dropped), and the hash itself: read it from
 * `status.currentPodHash`. `template` is not changed.
 *
 * @example
 * ```ts
 * const a = { spec: { containers: [{ name: 'app', image: 'app:1', resources: { limits: { cpu: '1000m' } } }] } };
 * const b = { metadata: { labels: {} }, spec: { containers: [{ name: 'app', image: 'app:1', resources: { limits: { cpu: 1 } } }] } };
 * JSON.stringify(podTemplateGoForm(a)) === JSON.stringify(podTemplateGoForm(b)); // true
 * podTemplateGoForm(a);
 * // { metadata: {}, spec: { containers: [{ name: 'app', image: 'app:1', resources: { limits: { cpu: '1' } } }] } }
 * ```
 * @public
 */
export function podTemplateGoForm(template: JsonInput | undefined): JsonValue {
  if (template !== undefined) assertJsonValue(template, 'template');
  return goForm(template ?? null, podTemplateSpecType(), true, goQuantity);
}

/**
 * {@link podTemplateGoForm} with each quantity written by its value alone (`256Mi` and
 * `268435456` both as `"268435456"`): the form in which two templates are equal when the
 * controller's semantic comparison (`PodTemplateEqualIgnoreHash`, which compares quantities by
 * value) finds them equal.
 *
 * @internal
 */
export function podTemplateValueForm(template: JsonValue | undefined): JsonValue {
  return goForm(template ?? null, podTemplateSpecType(), true, valueQuantity);
}

type QuantityForm = (value: JsonValue) => JsonValue;

/**
 * The Go form of `value` of type `type`; `undefined` when Go would leave it out (only for
 * members, decided by the caller). `nonNil` says the value stands for a non-nil struct.
 */
function goForm(value: JsonValue, type: TypeRef, nonNil: boolean, quantity: QuantityForm): JsonValue {
  switch (type.kind) {
    case 'struct':
      if (!isJsonObject(value)) return value === null && nonNil ? structForm({}, type, quantity) : value;
      return structForm(value, type, quantity);
    case 'list':
      return Array.isArray(value) ? value.map((item) => goForm(item, type.elem, true, quantity)) : value;
    case 'map': {
      if (!isJsonObject(value)) return value;
      const out: JsonObject = {};
      for (const key of jsonKeys(value).sort(compareGoStrings)) setOwn(out, key, goForm(getOwn(value, key) ?? null, type.elem, true, quantity));
      return out;
    }
    case 'scalar':
      return type.format === 'quantity' ? quantity(value) : value;
    default:
      return value;
  }
}

/** A struct as Go writes it: known fields in Go's order, `omitempty` and nil pointers left out. */
function structForm(value: JsonObject, type: TypeRef, quantity: QuantityForm): JsonObject {
  const def = structDef(type);
  if (def === undefined) return value;
  const out: JsonObject = {};
  for (const [key, field] of Object.entries(def.fields)) {
    const member = getOwn(value, key);
    if (key === 'creationTimestamp' && (member === undefined || member === null)) continue;
    if (isPointerField(type, key)) {
      if (member === undefined || member === null) continue;
      out[key] = goForm(member, field.type, true, quantity);
      continue;
    }
    if (field.omitempty && isEmpty(member, field.type)) continue;
    if (field.type.kind === 'struct') {
      out[key] = goForm(member ?? null, field.type, true, quantity);
    } else if (member === undefined || member === null) {
      out[key] = zeroValue(field.type);
    } else {
      out[key] = goForm(member, field.type, true, quantity);
    }
  }
  return out;
}

/** Whether `omitempty` drops the value: absent, `null`, or a zero scalar, list or map (never a struct). */
function isEmpty(value: JsonValue | undefined, type: TypeRef): boolean {
  if (value === undefined || value === null) return type.kind !== 'struct';
  if (type.kind === 'struct') return false;
  if (Array.isArray(value)) return value.length === 0;
  if (isJsonObject(value)) return type.kind === 'map' && jsonKeys(value).length === 0;
  if (type.kind === 'scalar' && type.format === 'quantity') return false;
  return value === '' || value === 0 || value === false;
}

/** What Go writes for a non-`omitempty` field it decoded nothing into. */
function zeroValue(type: TypeRef): JsonValue {
  if (type.kind !== 'scalar') return null;
  switch (type.type) {
    case 'string':
      return '';
    case 'integer':
    case 'number':
      return 0;
    case 'boolean':
      return false;
    default:
      return null;
  }
}

/** A quantity as Go writes it back; a value Go could not decode is kept as written. */
function goQuantity(value: JsonValue): JsonValue {
  if (typeof value !== 'string' && typeof value !== 'number') return value;
  try {
    return canonicalQuantity(value);
  } catch {
    return value;
  }
}

/** A quantity by its value only: the canonical decimal form of the number it stands for. */
function valueQuantity(value: JsonValue): JsonValue {
  if (typeof value !== 'string' && typeof value !== 'number') return value;
  try {
    const { mantissa, exponent } = normalize(parseQuantity(value));
    const sign = mantissa < 0n ? '-' : '';
    const digits = abs(mantissa).toString();
    let text: string;
    if (exponent >= 0) text = (abs(mantissa) * pow10(exponent)).toString();
    else if (digits.length > -exponent) text = `${digits.slice(0, exponent)}.${digits.slice(exponent)}`;
    else text = `0.${'0'.repeat(-exponent - digits.length)}${digits}`;
    return canonicalQuantity(sign + text, { verbatim: false });
  } catch {
    return value;
  }
}

/** Go sorts map keys by their bytes: UTF-8 order, which is code point order. */
function compareGoStrings(a: string, b: string): number {
  const x = [...a].map((c) => c.codePointAt(0)!);
  const y = [...b].map((c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}
