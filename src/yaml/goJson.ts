import type { JsonValue } from '../json/JsonValue.js';
import type { GoScalar } from './goScalar.js';

/**
 * The JSON value sigs.k8s.io/yaml writes for a resolved scalar (`json.Marshal` of go-yaml's value).
 * Throws an `Error` where kubectl fails (`NaN`, `±Inf`: "json: unsupported value") and, where
 * kubectl would silently round, for an integer beyond ±(2^53 − 1), which a JavaScript number
 * cannot hold exactly.
 */
export function goScalarToJson(scalar: GoScalar, text?: string): JsonValue {
  switch (scalar.kind) {
    case 'str':
    case 'bool':
      return scalar.value;
    case 'null':
      return null;
    case 'int':
      if (!scalar.exact) throw new Error(unsafeInteger(text ?? scalar.value));
      return scalar.value;
    case 'float':
      if (!Number.isFinite(scalar.value)) throw new Error(`json: unsupported value: ${goFloatWord(scalar.value)} (as kubectl says)`);
      if (scalar.integerLiteral === true) throw new Error(unsafeInteger(text ?? scalar.value));
      return scalar.value === 0 ? 0 : scalar.value; // -0.0 reaches the server as 0 (kubectl reads "-0" back as an integer)
  }
}

/** The message for an integer that would change: the same words as the library's unsafe-number refusal. */
export function unsafeInteger(value: number | string): string {
  return `the integer ${String(value)} is beyond ±(2^53 − 1) and cannot be kept exactly; write it as a string`;
}

/**
 * The string sigs.k8s.io/yaml makes of a map key (`convertToJSONableObject`): strings as they are,
 * integers in decimal, booleans `true`/`false`, floats with `strconv.FormatFloat(f, 'g', -1, 32)`
 * (`1.2345679e+08`; `.inf`, `-.inf`, `.nan`). Throws for a null or uint64 key, as kubectl does.
 */
export function goMapKey(scalar: GoScalar): string {
  switch (scalar.kind) {
    case 'str':
      return scalar.value;
    case 'bool':
      return scalar.value ? 'true' : 'false';
    case 'null':
      throw new Error('unsupported map key of type: <nil>');
    case 'int':
      if (scalar.unsigned) throw new Error('unsupported map key of type: uint64');
      if (!scalar.exact) throw new Error(unsafeInteger(scalar.value));
      return String(scalar.value);
    case 'float':
      return formatFloat32(scalar.value);
  }
}

function goFloatWord(value: number): string {
  return Number.isNaN(value) ? 'NaN' : value > 0 ? '+Inf' : '-Inf';
}

/** Go's `strconv.FormatFloat(value, 'g', -1, 32)`, with go-yaml's words for infinities and NaN. */
function formatFloat32(value: number): string {
  if (Number.isNaN(value)) return '.nan';
  if (value === Infinity) return '.inf';
  if (value === -Infinity) return '-.inf';
  const single = Math.fround(value);
  if (single === 0) return Object.is(single, -0) ? '-0' : '0';
  if (!Number.isFinite(single)) return value > 0 ? '.inf' : '-.inf'; // beyond float32: Go gives +Inf
  let shortest = '';
  for (let precision = 1; precision <= 9; precision++) {
    shortest = single.toExponential(precision - 1);
    if (Math.fround(Number(shortest)) === single) break;
  }
  const [mantissa = '', exponentText = '0'] = shortest.split('e');
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace(/^-/, '').replace('.', '');
  const exponent = Number(exponentText);
  let text: string;
  if (exponent < -4 || exponent >= 6) {
    const fraction = digits.length > 1 ? `.${digits.slice(1)}` : '';
    const magnitude = String(Math.abs(exponent)).padStart(2, '0');
    text = `${digits[0]}${fraction}e${exponent < 0 ? '-' : '+'}${magnitude}`;
  } else if (exponent < 0) {
    text = `0.${'0'.repeat(-exponent - 1)}${digits}`;
  } else {
    const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
    const fraction = digits.slice(exponent + 1);
    text = fraction === '' ? whole : `${whole}.${fraction}`;
  }
  return negative ? `-${text}` : text;
}
