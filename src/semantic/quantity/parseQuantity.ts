import { InvalidQuantityError } from '../../errors/InvalidQuantityError.js';
import { abs, compareDecimals, digitCount, normalize, roundAwayFromZero, type ExactDecimal } from './exactDecimal.js';
import type { Quantity, QuantityFormat, QuantityInput } from './Quantity.js';
import { interpretSuffix, MAX_EXPONENT, MIN_EXPONENT } from './quantitySuffix.js';

// `[+-]? digits? ('.' digits?)?` and whatever follows, which must be a suffix. Always matches.
const SHAPE = /^([+-]?)([0-9]*)(?:(\.)([0-9]*))?(.*)$/s;

/** 2^63-1: "The max is just a simple cap" of a BinarySI quantity (`maxAllowed`). */
const MAX_INT64 = 2n ** 63n - 1n;
/** `maxInt64Factors`: an int64 holds any 18-digit number. */
const MAX_INT64_DIGITS = 18;
/** `Nano`: "Parsing also preserves a value only down to nano, rounding a finer non-zero value away from zero". */
const NANO = -9;

const FORMATS: ReadonlySet<string> = new Set<QuantityFormat>(['DecimalSI', 'BinarySI', 'DecimalExponent']);

/**
 * Parses a Kubernetes `resource.Quantity` exactly as apimachinery's `ParseQuantity` does
 * (`pkg/api/resource/quantity.go`), into a frozen {@link Quantity}: the exact value, the format
 * the suffix gives, and whether the API server keeps the text as written.
 *
 * The grammar is `[+-]? digits? ('.' digits?)? suffix`, with at least one digit, and the suffix
 * one of the decimal SI `n u m k M G T P E` (10^-9 … 10^18) or none, the binary SI
 * `Ki Mi Gi Ti Pi Ei` (2^10 … 2^60), or `e`/`E` and a signed integer. `"E"` alone is exa, `"1E3"`
 * is 1000. No whitespace anywhere. A number (`cpu: 1` in YAML) is read from the text
 * `JSON.stringify` writes for it, which is what the API server receives for it: Go's
 * `UnmarshalJSON` accepts JSON numbers too. A {@link Quantity} is returned as it is.
 *
 * The value is rounded as Go rounds it: a magnitude finer than 1n (10^-9) is rounded up, away from
 * zero (`"1.1n"` is `2n`, `"0.0000000001"` is `1n`), and a binary SI value is capped at 2^63-1
 * (`"8Ei"` is 9223372036854775807).
 *
 * Throws {@link InvalidQuantityError} (`INVALID_QUANTITY`, with the text as `quantity`) for
 * anything else: `"1GB"`, `"1.5 Gi"`, `"K"`, `"1e"`, `""`, `"--1"`, `NaN`. Stricter than Go in two
 * corners, both refused by the OpenAPI pattern of quantities in CRDs too: a string without digits
 * (`"m"`, `"."`, `"-"`, which Go reads as 0), and an exponent beyond Go's int32 scale
 * (`"1e4294967297"`, which Go silently truncates to `10`).
 *
 * @example
 * ```ts
 * parseQuantity('500m'); // { text: '500m', format: 'DecimalSI', mantissa: 5n, exponent: -1, verbatim: true }
 * parseQuantity('1.5Gi').mantissa; // 1610612736n
 * parseQuantity(0.1).exponent; // -1 (exactly one tenth)
 * parseQuantity('1GB'); // throws InvalidQuantityError: "1GB" is not a quantity: …
 * ```
 * @public
 */
export function parseQuantity(input: QuantityInput): Quantity {
  if (typeof input === 'object' && input !== null) return checkedQuantity(input);
  const text = quantityText(input);
  if (text === '') throw invalid(text, 'the empty string is not a quantity');
  const [, sign = '', whole = '', dot, fraction = '', suffix = ''] = SHAPE.exec(text)!;
  if (whole === '' && fraction === '') {
    throw invalid(text, dot === undefined && sign === '' ? 'it does not start with a number' : 'its number has no digits');
  }
  const meaning = interpretSuffix(suffix);
  if (meaning === 'unknown') throw invalid(text, unknownSuffix(suffix));
  // Go keeps the exponent and `exponent - len(fraction)` in an int32, where they would wrap.
  if (meaning === 'exponent-out-of-range' || meaning.exponent - fraction.length < -MAX_EXPONENT) {
    throw invalid(text, 'its exponent is outside the int32 range Kubernetes computes with');
  }

  // `ParseQuantity` writes the value out exactly (inf.Dec) and then rounds and caps it.
  const negative = sign === '-';
  const digits = BigInt(whole + fraction) * (negative ? -1n : 1n);
  const exact: ExactDecimal =
    meaning.base === 10
      ? { mantissa: digits, exponent: meaning.exponent - fraction.length }
      : { mantissa: digits << BigInt(meaning.exponent), exponent: 0 - fraction.length }; // not -0
  // "This rounds non-zero values up to the minimum representable value, under the theory that if
  // you want some resources, you should get some resources".
  let value = roundAwayFromZero(exact, NANO);
  let format = meaning.format;
  if (format === 'BinarySI') {
    if (compareDecimals({ mantissa: abs(value.mantissa), exponent: value.exponent }, { mantissa: MAX_INT64, exponent: 0 }) > 0) {
      value = { mantissa: negative ? -MAX_INT64 : MAX_INT64, exponent: 0 };
    }
    // "if format == BinarySI && amount.Cmp(decOne) < 0 && amount.Cmp(decZero) > 0 { format = DecimalSI }"
    if (value.mantissa !== 0n && value.exponent < 0 && digitCount(value.mantissa) <= -value.exponent) {
      format = 'DecimalSI';
    }
  }
  value = normalize(value);
  if (value.exponent > MAX_EXPONENT) throw invalid(text, 'its magnitude is beyond the int32 exponent Kubernetes computes with');

  return Object.freeze({
    text,
    format,
    mantissa: value.mantissa,
    exponent: value.exponent,
    verbatim: keepsText(text, whole, fraction, meaning.base, meaning.exponent),
  });
}

/**
 * The verbatim-cache rule: `ParseQuantity` remembers the input as the quantity's string when it
 * took the int64 fast path and the text "is in canonical form" by these tests:
 *
 * - decimal: `precision = maxInt64Factors - len(num+denom) >= 0`, `scale = exponent - len(denom)`
 *   with `scale >= Nano`, `scale%3 == 0 && !strings.HasSuffix(shifted, "000") && shifted[0] != '0'`;
 * - binary: no fraction digits, `15 - len(num) - int32(float32(exponent)*3/10) - 1 >= 0`,
 *   `num × 2^exponent` fits an int64, and `value&0x07 != 0`;
 *
 * where `num` is the integer digits without leading zeros (`"0"` when none are left) and
 * `shifted = num + denom`. `"0"` itself is kept too.
 */
function keepsText(text: string, whole: string, fraction: string, base: 10 | 2, exponent: number): boolean {
  if (text === '0') return true;
  // The scanner returns early when only zeros follow the sign: num "0", no fraction, no suffix.
  const num = whole.replace(/^0+/, '') || '0';
  const shifted = num + fraction;
  if (base === 10) {
    const scale = exponent - fraction.length;
    if (MAX_INT64_DIGITS - shifted.length < 0 || scale < NANO) return false;
    return scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0';
  }
  if (fraction !== '' || 15 - num.length - Math.trunc((exponent * 3) / 10) - 1 < 0) return false;
  const value = BigInt(num);
  return value << BigInt(exponent) <= MAX_INT64 && (value & 7n) !== 0n;
}

function quantityText(input: unknown): string {
  if (typeof input === 'string') return input;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw invalid(String(input), 'a quantity must be a finite number');
    return JSON.stringify(input);
  }
  throw invalid(String(input), `a quantity must be a string or a number, not ${input === null ? 'null' : typeof input}`);
}

function checkedQuantity(input: object): Quantity {
  const q = input as Partial<Record<keyof Quantity, unknown>>;
  const wellFormed =
    typeof q.text === 'string' &&
    typeof q.format === 'string' &&
    FORMATS.has(q.format) &&
    typeof q.mantissa === 'bigint' &&
    Number.isInteger(q.exponent) &&
    (q.exponent as number) >= MIN_EXPONENT &&
    (q.exponent as number) <= MAX_EXPONENT &&
    typeof q.verbatim === 'boolean' &&
    // A binary value never exceeds the cap, which also bounds the work of writing it out.
    (q.format !== 'BinarySI' || compareDecimals({ mantissa: abs(q.mantissa), exponent: q.exponent as number }, { mantissa: MAX_INT64, exponent: 0 }) <= 0);
  if (!wellFormed) throw invalid(String(q.text ?? input), 'a quantity must be a string, a number or a Quantity from parseQuantity');
  return input as Quantity;
}

function unknownSuffix(suffix: string): string {
  if (/\s/.test(suffix)) return `${JSON.stringify(suffix)} is not a quantity suffix (no whitespace is allowed)`;
  if (/^[eE][+-]?$/.test(suffix)) return `the exponent ${JSON.stringify(suffix)} needs an integer after it`;
  const hint = /^[kmgtpe]i?$/i.test(suffix)
    ? 'suffixes are case-sensitive: k M G T P E, Ki Mi Gi Ti Pi Ei'
    : 'one of n u m k M G T P E, Ki Mi Gi Ti Pi Ei, or e/E and an integer';
  return `${JSON.stringify(suffix)} is not a quantity suffix (${hint})`;
}

function invalid(text: string, reason: string): InvalidQuantityError {
  return new InvalidQuantityError(`${JSON.stringify(text)} is not a quantity: ${reason}`, { quantity: text });
}
