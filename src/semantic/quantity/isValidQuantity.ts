import { isKubepatchError } from '../../errors/isKubepatchError.js';
import { parseQuantity } from './parseQuantity.js';
import type { QuantityInput } from './Quantity.js';

/**
 * Whether {@link parseQuantity} accepts `input`: a quantity string (`"500m"`, `"1.5Gi"`,
 * `"2e3"`), a finite number, or a {@link Quantity}. Never throws.
 *
 * @example
 * ```ts
 * isValidQuantity('1.5Gi'); // true
 * isValidQuantity(0.5); // true
 * isValidQuantity('1GB'); // false
 * isValidQuantity('1.5 Gi'); // false
 * ```
 * @public
 */
export function isValidQuantity(input: unknown): input is QuantityInput {
  try {
    parseQuantity(input as QuantityInput);
    return true;
  } catch (error) {
    if (isKubepatchError(error, 'INVALID_QUANTITY')) return false;
    throw error;
  }
}
