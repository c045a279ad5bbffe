// Random quantity strings built from the grammar of apimachinery's ParseQuantity, and an exact
// value computed for each independently of kubepatch (a fraction, from the parts the generator
// chose), so the property tests never check kubepatch against itself.
import fc from 'fast-check';

/** A generated quantity string and the parts it was built from. */
export interface GeneratedQuantity {
  readonly text: string;
  readonly sign: '' | '+' | '-';
  readonly whole: string;
  readonly fraction: string;
  readonly suffix: string;
}

/** An exact rational `numerator / denominator` (denominator > 0). */
export interface Fraction {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

const digits = (maxLength: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength });
/** Digit strings of every length that matters: short, around 18 (the int64 fast path), long. */
const digitRun = fc.oneof(
  { weight: 4, arbitrary: digits(4) },
  { weight: 2, arbitrary: digits(20) },
  { weight: 1, arbitrary: digits(40) },
  { weight: 2, arbitrary: fc.constantFrom('0', '00', '1', '5', '8', '1000', '1024', '1500', '2048', '999', '7') },
);

const exponentSuffix = fc
  .tuple(fc.constantFrom('e', 'E'), fc.constantFrom('', '+', '-'), fc.integer({ min: 0, max: 40 }), fc.constantFrom('', '0', '00'))
  .map(([e, sign, value, zeros]) => `${e}${sign}${zeros}${value}`);

/** A suffix: decimal SI, binary SI or an exponent. */
export const quantitySuffix = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...Object.keys(DECIMAL)) },
  { weight: 3, arbitrary: fc.constantFrom(...Object.keys(BINARY)) },
  { weight: 2, arbitrary: exponentSuffix },
);

/** A valid quantity string, any format, with leading zeros, signs, trailing dots and long digit runs. */
export const generatedQuantity: fc.Arbitrary<GeneratedQuantity> = fc
  .record({
    sign: fc.constantFrom<'' | '+' | '-'>('', '', '+', '-'),
    whole: digitRun,
    dot: fc.boolean(),
    fraction: digitRun,
    suffix: quantitySuffix,
  })
  .filter(({ whole, dot, fraction }) => whole !== '' || (dot && fraction !== ''))
  .map(({ sign, whole, dot, fraction, suffix }) => ({
    sign,
    whole,
    fraction: dot ? fraction : '',
    suffix,
    text: `${sign}${whole}${dot ? '.' : ''}${dot ? fraction : ''}${suffix}`,
  }));

const MAX_INT64 = 2n ** 63n - 1n;
const NANO_PER_UNIT = 10n ** 9n;

/**
 * The value Go gives a generated quantity, as a fraction: the written number times the suffix,
 * then rounded away from zero to a whole number of nano units, then (binary SI) capped at 2^63-1.
 */
export function expectedValue({ sign, whole, fraction, suffix }: GeneratedQuantity): Fraction {
  let numerator = BigInt(whole + fraction || '0');
  let denominator = 10n ** BigInt(fraction.length);
  const binary = BINARY[suffix];
  const power10 = binary !== undefined ? 0 : (DECIMAL[suffix] ?? Number(suffix.slice(1)));
  if (binary !== undefined) numerator *= 2n ** BigInt(binary);
  if (power10 >= 0) numerator *= 10n ** BigInt(power10);
  else denominator *= 10n ** BigInt(-power10);
  // Round the magnitude up to a multiple of 10^-9.
  const nanos = (numerator * NANO_PER_UNIT + denominator - 1n) / denominator;
  let magnitude: Fraction = { numerator: nanos, denominator: NANO_PER_UNIT };
  if (binary !== undefined && nanos > MAX_INT64 * NANO_PER_UNIT) magnitude = { numerator: MAX_INT64, denominator: 1n };
  return { numerator: sign === '-' ? -magnitude.numerator : magnitude.numerator, denominator: magnitude.denominator };
}

/** The exact value of a decimal text such as `JSON.stringify` writes for a number (`-1.5e-7`). */
export function decimalTextValue(text: string): Fraction {
  const match = /^(-?)([0-9]+)(?:\.([0-9]+))?(?:e([+-]?[0-9]+))?$/.exec(text);
  if (match === null) throw new Error(`not a decimal text: ${text}`);
  const [, sign, whole = '', fraction = '', exponent = '0'] = match;
  const power = Number(exponent) - fraction.length;
  let numerator = BigInt(whole + fraction) * (sign === '-' ? -1n : 1n);
  let denominator = 1n;
  if (power >= 0) numerator *= 10n ** BigInt(power);
  else denominator = 10n ** BigInt(-power);
  return { numerator, denominator };
}

/** -1, 0 or 1 as `a` is less than, equal to or greater than `b`. */
export function compareFractions(a: Fraction, b: Fraction): -1 | 0 | 1 {
  const left = a.numerator * b.denominator;
  const right = b.numerator * a.denominator;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** A value rounded away from zero to nano units, as parsing rounds it. */
export function roundedToNano({ numerator, denominator }: Fraction): Fraction {
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const nanos = (magnitude * NANO_PER_UNIT + denominator - 1n) / denominator;
  return { numerator: negative ? -nanos : nanos, denominator: NANO_PER_UNIT };
}
