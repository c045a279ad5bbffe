/**
 * The three formats of a Kubernetes `resource.Quantity`, named as in apimachinery
 * (`pkg/api/resource/quantity.go`). The suffix a quantity is written with fixes its format, and
 * the format decides how it is written back:
 *
 * | format | suffixes | example |
 * | --- | --- | --- |
 * | `'DecimalSI'` | `n u m` (none) `k M G T P E`: 10^-9 … 10^18 | `"500m"`, `"1.5"`, `"2G"` |
 * | `'BinarySI'` | `Ki Mi Gi Ti Pi Ei`: 2^10 … 2^60 | `"1536Mi"` |
 * | `'DecimalExponent'` | `e` or `E` and a signed integer | `"1e3"`, `"12E-3"` |
 *
 * A plain number (`"2"`, or the JSON number `2`) is `'DecimalSI'`. A `'BinarySI'` quantity whose
 * value lies strictly between -1 and 1 becomes `'DecimalSI'` when parsed ("This avoids rounding
 * and hopefully confusion, too.").
 *
 * @example
 * ```ts
 * parseQuantity('1Gi').format; // 'BinarySI'
 * parseQuantity('1e3').format; // 'DecimalExponent'
 * parseQuantity(0.5).format; // 'DecimalSI'
 * ```
 * @public
 */
export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

/**
 * A parsed Kubernetes `resource.Quantity`: its exact value, its {@link QuantityFormat} and what
 * the API server does with the text it was written as. Build one with {@link parseQuantity}; it
 * is frozen.
 *
 * The value is `mantissa × 10^exponent`, exactly: no floating point is involved, so `"0.1"` is one
 * tenth and `"123456789012345678901234567890"` keeps every digit. The mantissa carries the sign
 * and has no trailing zero digit (`"1500m"` is `15n × 10^-1`); zero is `0n × 10^0`. As in Go, the
 * value has already been rounded away from zero to a whole number of nano units (10^-9), and a
 * `'BinarySI'` value capped at ±(2^63-1).
 *
 * @example
 * ```ts
 * const q = parseQuantity('1.5Gi');
 * // { text: '1.5Gi', format: 'BinarySI', mantissa: 1610612736n, exponent: 0, verbatim: false }
 * canonicalQuantity(q); // '1536Mi'
 * ```
 * @public
 */
export interface Quantity {
  /** The text that was parsed; for a JSON number, the text `JSON.stringify` writes for it. */
  readonly text: string;
  /** The format its suffix gave it (Go's `Quantity.Format` after `ParseQuantity`). */
  readonly format: QuantityFormat;
  /** The signed mantissa of the value, without trailing zero digits. */
  readonly mantissa: bigint;
  /** The power of ten the mantissa is multiplied by. */
  readonly exponent: number;
  /**
   * Whether Go keeps {@link Quantity.text} as the quantity's string: the verbatim-cache rule of
   * `ParseQuantity` ("if the number is in canonical form, reuse the string"), which holds for
   * `"1.500"`, `"007"`, `"+1"` or `"3Ki"`. Then the API server stores the text as written.
   */
  readonly verbatim: boolean;
}

/**
 * What the quantity functions accept: a quantity string (`"500m"`), a JSON number (`0.5`, as
 * `cpu: 0.5` in YAML gives), or a {@link Quantity} already parsed.
 *
 * @example
 * ```ts
 * const inputs: QuantityInput[] = ['500m', 0.5, parseQuantity('1Gi')];
 * ```
 * @public
 */
export type QuantityInput = string | number | Quantity;
