import { KubepatchError, type KubepatchErrorContext } from './KubepatchError.js';
import type { KubepatchErrorCode } from './KubepatchErrorCode.js';

/**
 * What the API server said when it refused a request: its HTTP status and, when it sent one, its
 * `Status` object (`reason`, `message`, `details`).
 * @example
 * ```ts
 * const refusal: ApiRefusal = { statusCode: 404, status: { kind: 'Status', reason: 'NotFound', message: 'rollouts.argoproj.io "web" not found' } };
 * ```
 * @public
 */
export interface ApiRefusal {
  /** The HTTP status code. */
  readonly statusCode: number;
  /** The body: a `Status` object when the server sent one. */
  readonly status?: { readonly reason?: string; readonly message?: string; readonly details?: unknown; readonly [key: string]: unknown };
}

/**
 * The API server refused a request with an answer kubepatch has no more specific error for.
 * {@link ConflictError} (409), {@link UnsupportedMediaTypeError} (415) and
 * {@link ImmutableFieldError} (422 "field is immutable") cover the answers a caller branches on.
 *
 * @example
 * ```ts
 * if (isKubepatchError(error, 'API_ERROR') && error.statusCode === 404) return undefined;
 * ```
 * @public
 */
export class ApiError extends KubepatchError {
  override name: string = 'ApiError';
  /** The HTTP status code. */
  readonly statusCode: number;
  /** The server's `Status` object, when it sent one. */
  readonly status: ApiRefusal['status'];

  constructor(message: string, context: KubepatchErrorContext & ApiRefusal & { readonly code?: KubepatchErrorCode }) {
    super(context.code ?? 'API_ERROR', message, context);
    this.statusCode = context.statusCode;
    this.status = context.status;
  }
}

/**
 * 409 Conflict: the object changed since it was read (a stale `resourceVersion`), and retries did
 * not get through.
 * @example
 * ```ts
 * if (error instanceof ConflictError) requeue();
 * ```
 * @public
 */
export class ConflictError extends ApiError {
  /** Always `'ConflictError'`. */
  override name = 'ConflictError' as const;
  /** The codes this class is thrown with. */
  declare readonly code: 'API_CONFLICT';

  constructor(message: string, context: KubepatchErrorContext & ApiRefusal) {
    super(message, { ...context, code: 'API_CONFLICT' });
  }
}

/**
 * 415 Unsupported Media Type: the server does not accept this patch format for this kind, e.g. a
 * strategic merge patch sent to a custom resource. `acceptedMediaTypes` lists what it accepts.
 * @example
 * ```ts
 * if (error instanceof UnsupportedMediaTypeError) console.error(error.acceptedMediaTypes);
 * ```
 * @public
 */
export class UnsupportedMediaTypeError extends ApiError {
  /** Always `'UnsupportedMediaTypeError'`. */
  override name = 'UnsupportedMediaTypeError' as const;
  /** The codes this class is thrown with. */
  declare readonly code: 'UNSUPPORTED_MEDIA_TYPE';
  /** The media types the server listed as accepted. */
  readonly acceptedMediaTypes: readonly string[];

  constructor(message: string, context: KubepatchErrorContext & ApiRefusal & { readonly acceptedMediaTypes: readonly string[] }) {
    super(message, { ...context, code: 'UNSUPPORTED_MEDIA_TYPE' });
    this.acceptedMediaTypes = context.acceptedMediaTypes;
  }
}
