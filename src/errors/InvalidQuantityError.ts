import { KubepatchError, type KubepatchErrorContext } from './KubepatchError.js';

/**
 * A string is not a Kubernetes `resource.Quantity` (`"500m"`, `"1.5Gi"`, `"2e3"` are; `"1.5 Gi"`,
 * `"1GB"`, `"m"` are not). `quantity` is the rejected text.
 *
 * @example
 * ```ts
 * try {
 *   parseQuantity('1GB');
 * } catch (error) {
 *   if (isKubepatchError(error, 'INVALID_QUANTITY')) console.error(error.quantity);
 * }
 * ```
 * @public
 */
export class InvalidQuantityError extends KubepatchError {
  /** Always `'InvalidQuantityError'`. */
  override name = 'InvalidQuantityError' as const;
  /** The codes this class is thrown with. */
  declare readonly code: 'INVALID_QUANTITY';
  /** The text that was rejected. */
  readonly quantity: string;

  constructor(message: string, context: KubepatchErrorContext & { readonly quantity: string }) {
    super('INVALID_QUANTITY', message, context);
    this.quantity = context.quantity;
  }
}
