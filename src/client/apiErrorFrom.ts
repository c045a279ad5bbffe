import { ApiError, ConflictError, ImmutableFieldError, UnsupportedMediaTypeError, type ApiRefusal, type ApplyConflictError } from 'kubepatch';
import { isJsonObject } from '../json/ownProperty.js';
import { applyConflictFrom } from './applyConflictFrom.js';
import { immutableFieldChanges, saysFieldIsImmutable } from './immutableFieldChanges.js';

/**
 * An answer the API server refused a request with: an `ApiRefusal` (`statusCode` and the
 * `Status` object), or an `ApiException` of `@kubernetes/client-node` (`code` and `body`, the
 * `Status` as an object or as JSON text).
 * @example
 * ```ts
 * const answer: ApiAnswer = { code: 415, body: '{"kind":"Status","reason":"UnsupportedMediaType","code":415}' };
 * ```
 * @public
 */
export type ApiAnswer = ApiRefusal | { readonly code: number; readonly body?: unknown };

/**
 * The request an {@link ApiAnswer} answered, for the error message.
 * @example
 * ```ts
 * const request: ApiRequestDescription = { method: 'PATCH', path: '/apis/argoproj.io/v1alpha1/namespaces/shop/rollouts/web' };
 * ```
 * @public
 */
export interface ApiRequestDescription {
  /** The HTTP method. */
  readonly method: string;
  /** The URL path. */
  readonly path: string;
  /**
   * The body sent, when there was one. For a server-side apply, the configuration: apply conflicts
   * name fields by a path in which a `.` inside a name (a label key such as
   * `app.kubernetes.io/name`) looks like the start of the next field, and the configuration tells
   * them apart (see `parseFieldPath`).
   */
  readonly body?: unknown;
}

const ACCEPTED = /accepted media types include:\s*(.*)$/s;

/**
 * Turns the API server's refusal into kubepatch's typed error:
 *
 * - 409 of a server-side apply that would take fields other managers own (`reason: Conflict`, every
 *   cause a `FieldManagerConflict`) → `ApplyConflictError` (`APPLY_CONFLICT`), its message the
 *   server's word for word, with one conflict per cause: the manager (its name, `Apply` or
 *   `Update` and apiVersion, subresource) as the cause's message names it, and the field, parsed
 *   (`path`) and as the server printed it (`serverPath`), in the order of the server's message;
 * - any other 409 (a stale `resourceVersion`) → `ConflictError` (`API_CONFLICT`);
 * - 415 → `UnsupportedMediaTypeError` (`UNSUPPORTED_MEDIA_TYPE`), with the media types the
 *   server listed in its message (`accepted media types include: …`) as `acceptedMediaTypes`;
 * - 422 whose `details.causes` (or, without causes, its message) say a field is immutable
 *   ("field is immutable", "may not change once set", or a CRD rule's "… is immutable") →
 *   `ImmutableFieldError` (`IMMUTABLE_FIELD`), one change per such cause, with the field, its JSON
 *   Pointer, the refused value when the server printed it as JSON (a string, a number; not the Go
 *   syntax kube-apiserver 1.33 prints a struct or a list in, nor the schema type a CRD rule prints)
 *   and the server's words;
 * - anything else → `ApiError` (`API_ERROR`) with `statusCode` and the `Status`.
 *
 * kubepatch's client functions throw these already; use this for the `ApiException` that a typed
 * `@kubernetes/client-node` call rejects with.
 *
 * @example
 * ```ts
 * try {
 *   await apps.replaceNamespacedReplicaSet({ name, namespace, body });
 * } catch (error) {
 *   if (error instanceof ApiException) throw apiErrorFrom(error); // client-node's ApiException
 *   throw error;
 * }
 * // A server-side apply through client-node: the configuration sent helps read the conflicts' paths.
 * try {
 *   await objects.patch(config, undefined, undefined, 'deployer', undefined, PatchStrategy.ServerSideApply);
 * } catch (error) {
 *   if (error instanceof ApiException) {
 *     throw apiErrorFrom(error, { method: 'PATCH', path: '/apis/apps/v1/namespaces/shop/deployments/web', body: config });
 *   }
 *   throw error;
 * }
 * ```
 * @public
 */
export function apiErrorFrom(answer: ApiAnswer, request?: ApiRequestDescription): ApiError | ImmutableFieldError | ApplyConflictError {
  const statusCode = 'statusCode' in answer ? answer.statusCode : answer.code;
  const status = 'statusCode' in answer ? answer.status : statusOf(answer.body);
  const said = typeof status?.message === 'string' && status.message !== '' ? status.message : textOf(answer);
  const reason = typeof status?.reason === 'string' ? ` ${status.reason}` : '';
  const where = request === undefined ? '' : `${request.method} ${request.path}: `;
  const message = `${where}${statusCode}${reason}: ${said}`;
  const context = status === undefined ? { statusCode } : { statusCode, status };
  if (statusCode === 409) return applyConflictFrom(status, request?.body) ?? new ConflictError(message, context);
  if (statusCode === 415) {
    const accepted = ACCEPTED.exec(said)?.[1] ?? '';
    const acceptedMediaTypes = accepted.split(',').map((type) => type.trim()).filter((type) => type !== '');
    return new UnsupportedMediaTypeError(message, { ...context, acceptedMediaTypes });
  }
  if (statusCode === 422 && saysFieldIsImmutable(status)) {
    return new ImmutableFieldError(message, { changes: immutableFieldChanges(status ?? {}) });
  }
  return new ApiError(message, context);
}

function statusOf(body: unknown): ApiRefusal['status'] {
  if (isJsonObject(body)) return body;
  if (typeof body !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(body);
    return isJsonObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function textOf(answer: ApiAnswer): string {
  const body = 'statusCode' in answer ? undefined : answer.body;
  if (typeof body === 'string' && body !== '') return body.length > 500 ? `${body.slice(0, 500)}…` : body;
  return 'the API server refused the request';
}
