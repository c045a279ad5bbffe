// Exact decimal arithmetic on `mantissa × 10^exponent` pairs, the representation of a Quantity.
// Exponents can be as large as Go's int32 scale allows, so nothing here writes out 10^exponent
// unless the digits of the operands bound it.

/**
 * A decimal value `mantissa × 10^exponent`.
 * @internal
 */
export interface ExactDecimal {
  readonly mantissa: bigint;
  readonly exponent: number;
}

/** @internal */
export const abs = (n: bigint): bigint => (n < 0n ? -n : n);

/**
 * How many decimal digits `n` has (`0n` has 1).
 * @internal
 */
export const digitCount = (n: bigint): number => abs(n).toString().length;

/**
 * `10n ** BigInt(power)`, for a power bounded by the digits of some operand.
 * @internal
 */
export const pow10 = (power: number): bigint => 10n ** BigInt(power);

/**
 * The same value with the trailing zeros of the mantissa moved into the exponent; zero becomes
 * `0n × 10^0`.
 * @internal
 */
export function normalize({ mantissa, exponent }: ExactDecimal): ExactDecimal {
  if (mantissa === 0n) return { mantissa: 0n, exponent: 0 };
  const digits = mantissa.toString();
  let end = digits.length;
  while (digits[end - 1] === '0') end--;
  if (end === digits.length) return { mantissa, exponent: exponent || 0 }; // never -0
  return { mantissa: BigInt(digits.slice(0, end)), exponent: exponent + (digits.length - end) };
}

/**
 * -1, 0 or 1 as `a` is below, equal to or above `b`. Settles what the orders of magnitude decide
 * before aligning the exponents, so the alignment never needs more digits than the operands have.
 * @internal
 */
export function compareDecimals(a: ExactDecimal, b: ExactDecimal): -1 | 0 | 1 {
  const signA = a.mantissa < 0n ? -1 : a.mantissa > 0n ? 1 : 0;
  const signB = b.mantissa < 0n ? -1 : b.mantissa > 0n ? 1 : 0;
  if (signA !== signB) return signA < signB ? -1 : 1;
  if (signA === 0) return 0;
  const magnitude = compareMagnitudes(abs(a.mantissa), a.exponent, abs(b.mantissa), b.exponent);
  // `0 - magnitude`, not `-magnitude`, which makes -0 of a 0.
  return (signA > 0 ? magnitude : 0 - magnitude) as -1 | 0 | 1;
}

function compareMagnitudes(a: bigint, exponentA: number, b: bigint, exponentB: number): -1 | 0 | 1 {
  // 10^(order-1) <= value < 10^order for a non-zero value.
  const orderA = digitCount(a) + exponentA;
  const orderB = digitCount(b) + exponentB;
  if (orderA !== orderB) return orderA < orderB ? -1 : 1;
  // Same order: the exponents differ by no more than the digit counts do.
  if (exponentA > exponentB) a *= pow10(exponentA - exponentB);
  else b *= pow10(exponentB - exponentA);
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The value rounded away from zero to a multiple of 10^`exponent` (`1.1n` → `2n` at -9), as
 * inf.Dec's `Round(x, s, inf.RoundUp)` does; unchanged when it is already one. Normalized.
 * @internal
 */
export function roundAwayFromZero(value: ExactDecimal, exponent: number): ExactDecimal {
  const { mantissa } = value;
  if (mantissa === 0n || value.exponent >= exponent) return normalize(value);
  const sign = mantissa < 0n ? -1n : 1n;
  const magnitude = abs(mantissa);
  const dropped = exponent - value.exponent;
  // Every digit is dropped: 0 < |value| < 10^exponent rounds to one unit.
  if (digitCount(magnitude) <= dropped) return { mantissa: sign, exponent };
  const unit = pow10(dropped);
  const quotient = magnitude / unit;
  const rounded = magnitude % unit === 0n ? quotient : quotient + 1n;
  return normalize({ mantissa: sign * rounded, exponent });
}

/**
 * The value as an integer when it is one, else `undefined`; for values bounded by parsing (a
 * binary quantity is capped at 2^63-1).
 * @internal
 */
export function integerValue({ mantissa, exponent }: ExactDecimal): bigint | undefined {
  if (exponent >= 0) return mantissa * pow10(exponent);
  const unit = pow10(-exponent);
  return mantissa % unit === 0n ? mantissa / unit : undefined;
}
