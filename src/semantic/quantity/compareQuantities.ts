import { compareDecimals } from './exactDecimal.js';
import { parseQuantity } from './parseQuantity.js';
import type { QuantityInput } from './Quantity.js';

/**
 * Go's `Quantity.Cmp`: -1, 0 or 1 as `a` is less than, equal to or greater than `b`, by exact
 * value, whatever the formats: `"1Gi"` equals `"1024Mi"` and `"1073741824"`, `"1000m"` equals `1`,
 * `"0.5"` equals `"500m"`, but `"1G"` (10^9) is less than `"1Gi"` (2^30). A total order. The
 * values are compared after parsing rounded them (`"0.1n"` equals `"1n"`; `"8Ei"` equals
 * `"9223372036854775807"`). Accepts strings, JSON numbers and {@link Quantity} values; throws
 * {@link InvalidQuantityError} (`INVALID_QUANTITY`) as {@link parseQuantity} does.
 *
 * @example
 * ```ts
 * compareQuantities('1Gi', '1024Mi'); // 0
 * compareQuantities('1G', '1Gi'); // -1
 * compareQuantities('500m', 0.25); // 1
 * ['1Gi', '100M', '2G'].sort(compareQuantities); // ['100M', '1Gi', '2G']
 * ```
 * @public
 */
export function compareQuantities(a: QuantityInput, b: QuantityInput): -1 | 0 | 1 {
  return compareDecimals(parseQuantity(a), parseQuantity(b));
}
