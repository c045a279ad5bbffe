import { compareQuantities } from './compareQuantities.js';
import type { QuantityInput } from './Quantity.js';

/**
 * Whether two quantities have the same value, as Go's `Quantity.Equal` (and
 * `apiequality.Semantic.DeepEqual`) decides: `"1Gi"` and `"1024Mi"` are equal, `"1"` and
 * `"1000m"` are, `0.5` and `"500m"` are; `"1G"` and `"1Gi"` are not. The format does not count.
 * Throws {@link InvalidQuantityError} (`INVALID_QUANTITY`) as {@link parseQuantity} does.
 *
 * @example
 * ```ts
 * quantitiesEqual('1Gi', '1024Mi'); // true
 * quantitiesEqual('100m', 0.1); // true
 * quantitiesEqual('1G', '1Gi'); // false
 * ```
 * @public
 */
export function quantitiesEqual(a: QuantityInput, b: QuantityInput): boolean {
  return compareQuantities(a, b) === 0;
}
