import type { QuantityFormat } from './Quantity.js';

// apimachinery pkg/api/resource/quantity.go:
//   <suffix>          ::= <binarySI> | <decimalExponent> | <decimalSI>
//   <binarySI>        ::= Ki | Mi | Gi | Ti | Pi | Ei
//   <decimalSI>       ::= n | u | m | "" | k | M | G | T | P | E
//   <decimalExponent> ::= "e" <signedNumber> | "E" <signedNumber>
// suffix.go looks the suffix up in the two tables first, so "E" alone is exa, and only then reads
// "e"/"E" followed by `strconv.ParseInt` of the rest as an exponent ("1E3" is 1000).

/**
 * The powers of ten of the decimal SI suffixes, in the order `constructBytes` knows them.
 * @internal
 */
export const DECIMAL_SUFFIXES: ReadonlyMap<string, number> = new Map([
  ['n', -9],
  ['u', -6],
  ['m', -3],
  ['', 0],
  ['k', 3],
  ['M', 6],
  ['G', 9],
  ['T', 12],
  ['P', 15],
  ['E', 18],
]);

/**
 * The binary SI suffixes, index k standing for 1024^(k+1) = 2^(10(k+1)).
 * @internal
 */
export const BINARY_SUFFIXES: readonly string[] = ['Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

/**
 * Go's `Scale`, and so an exponent, is an int32.
 * @internal
 */
export const MAX_EXPONENT = 2 ** 31 - 1;
/** @internal */
export const MIN_EXPONENT = -(2 ** 31);

/**
 * What a suffix means: `value = number × base^exponent` and the format it gives.
 * @internal
 */
export interface SuffixMeaning {
  readonly base: 10 | 2;
  readonly exponent: number;
  readonly format: QuantityFormat;
}

/**
 * Why a suffix was not understood.
 * @internal
 */
export type SuffixProblem = 'unknown' | 'exponent-out-of-range';

const EXPONENT = /^[eE]([+-]?[0-9]+)$/;

/**
 * `quantitySuffixer.interpret`: the meaning of a suffix, or why it has none. An exponent outside
 * the int32 range is refused: Go reads it with `strconv.ParseInt(…, 10, 64)` and then truncates it
 * to an int32, so `"1e4294967297"` would silently become `10`.
 * @internal
 */
export function interpretSuffix(suffix: string): SuffixMeaning | SuffixProblem {
  const decimal = DECIMAL_SUFFIXES.get(suffix);
  if (decimal !== undefined) return { base: 10, exponent: decimal, format: 'DecimalSI' };
  const binary = BINARY_SUFFIXES.indexOf(suffix);
  if (binary >= 0) return { base: 2, exponent: 10 * (binary + 1), format: 'BinarySI' };
  const match = EXPONENT.exec(suffix);
  if (match === null) return 'unknown';
  const exponent = BigInt(match[1]!);
  if (exponent < BigInt(MIN_EXPONENT) || exponent > BigInt(MAX_EXPONENT)) return 'exponent-out-of-range';
  return { base: 10, exponent: Number(exponent), format: 'DecimalExponent' };
}

/**
 * The decimal SI suffix of a power of ten that is a multiple of 3, if it has one.
 * @internal
 */
export function decimalSuffixFor(exponent: number): string | undefined {
  for (const [suffix, power] of DECIMAL_SUFFIXES) if (power === exponent) return suffix;
  return undefined;
}
