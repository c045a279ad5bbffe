import { abs, compareDecimals, integerValue, normalize, pow10 } from './exactDecimal.js';
import { parseQuantity } from './parseQuantity.js';
import type { Quantity, QuantityInput } from './Quantity.js';
import { BINARY_SUFFIXES, decimalSuffixFor } from './quantitySuffix.js';

/**
 * Options of {@link canonicalQuantity}.
 *
 * @example
 * ```ts
 * canonicalQuantity('1.500', { verbatim: false }); // '1500m'
 * ```
 * @public
 */
export interface CanonicalQuantityOptions {
  /**
   * Apply the verbatim-cache rule: return the text as written when Go keeps it (see
   * {@link Quantity.verbatim}). `false` gives the canonical form of the value in its format, what
   * Go writes once the remembered text is gone (after arithmetic, for instance).
   * Default: `true`.
   */
  readonly verbatim?: boolean;
}

/**
 * The string Go's `Quantity.String()` (and so `MarshalJSON`) gives for a freshly parsed quantity:
 * what the API server stores for a quantity field of a built-in kind (`resources.limits`,
 * `resources.requests`, a PVC's `storage`, …). Accepts a string, a JSON number or a
 * {@link Quantity}; throws {@link InvalidQuantityError} (`INVALID_QUANTITY`) as
 * {@link parseQuantity} does.
 *
 * 1. Verbatim cache: text that passed `ParseQuantity`'s canonical-looking test is kept as written
 *    (`"1.500"`, `"007"`, `"+1"`, `"1E3"`, `"1e0"`, `"3Ki"`, `"1025Ki"`).
 * 2. Otherwise the canonical form of the format, in which "No precision is lost", "No fractional
 *    digits will be emitted" and "The exponent (or suffix) is as large as possible"; zero is `"0"`
 *    and a negative value is `-` and the canonical magnitude:
 *    - `BinarySI`: an integer of magnitude 1024 or more is divided by 1024 while it divides
 *      (`"2048Ki"` → `"2Mi"`, `"1.5Gi"` → `"1536Mi"`, `"1.5Ki"` → `"1536"`); anything else is
 *      written as `DecimalSI` (`"0.5Ki"` → `"512"`, `"0.1Gi"` → `"107374182400m"`);
 *    - `DecimalSI`: the exponent is lowered to a multiple of 3 and written as its suffix
 *      (`"1000m"` → `"1"`, `"1.5"` → `"1500m"`, `"1000M"` → `"1G"`, `"12.5m"` → `"12500u"`);
 *    - `DecimalExponent`: the same, written `e<exponent>` (`"1e4"` → `"10e3"`, `"1.2e3"` → `"1200"`).
 *
 * A `DecimalSI` value of 10^21 or more has no suffix: it is written with an exponent, as Kubernetes
 * does since kubernetes/kubernetes#140459 (`"1000E"` → `"1e21"`). API servers built before that fix
 * (kubectl 1.32 too) write the mantissa alone (`"1"`), losing the magnitude.
 *
 * @example
 * ```ts
 * canonicalQuantity('1.5Gi'); // '1536Mi'
 * canonicalQuantity('0.5'); // '500m'
 * canonicalQuantity(1000); // '1k'
 * canonicalQuantity('1.500'); // '1.500' (kept as written)
 * canonicalQuantity('1.500', { verbatim: false }); // '1500m'
 * ```
 * @public
 */
export function canonicalQuantity(input: QuantityInput, options: CanonicalQuantityOptions = {}): string {
  const quantity = parseQuantity(input);
  if ((options.verbatim ?? true) && quantity.verbatim) return quantity.text;
  return canonicalForm(quantity);
}

/** Go's `CanonicalizeBytes`: the canonical form of the value in the quantity's format. */
function canonicalForm(quantity: Quantity): string {
  const { mantissa, exponent } = normalize(quantity);
  if (mantissa === 0n) return '0';
  const sign = mantissa < 0n ? '-' : '';
  const magnitude = { mantissa: abs(mantissa), exponent };
  if (quantity.format === 'BinarySI' && compareDecimals(magnitude, { mantissa: 1024n, exponent: 0 }) >= 0) {
    // "if rounded, exact = q.AsScale(0); !exact { format = DecimalSI }": only integers stay binary.
    let integer = integerValue(magnitude);
    if (integer !== undefined) {
      let power = 0;
      while (power < BINARY_SUFFIXES.length && integer % 1024n === 0n) {
        integer /= 1024n;
        power++;
      }
      return `${sign}${integer}${power === 0 ? '' : BINARY_SUFFIXES[power - 1]}`;
    }
  }
  // AsCanonicalBytes: "move all factors of 10 into the exponent", then "make sure exponent is a
  // multiple of 3" by moving it down into the mantissa.
  const shift = ((exponent % 3) + 3) % 3;
  const digits = `${sign}${magnitude.mantissa * pow10(shift)}`;
  const power = exponent - shift;
  const suffix = quantity.format === 'DecimalExponent' ? undefined : decimalSuffixFor(power);
  if (suffix !== undefined) return digits + suffix;
  return power === 0 ? digits : `${digits}e${power}`;
}
