import type { JsonObject } from 'kubepatch';
import type { ClientRequestOptions } from './ClientRequestOptions.js';
import type { KubeConfigLike } from './KubeConfigLike.js';
import { kubeRequest } from './kubeRequest.js';
import { referenceOf, resourcePath } from './resourcePath.js';
import { wireJson } from './wireJson.js';

/**
 * Options of {@link replaceObject}.
 * @example
 * ```ts
 * const options: ReplaceObjectOptions = { fieldManager: 'rollouts-controller' };
 * ```
 * @public
 */
export interface ReplaceObjectOptions extends ClientRequestOptions {
  /** The `fieldManager` the server records for this write. */
  readonly fieldManager?: string;
  /**
   * `'status'`: replace the object's status subresource (PUT `…/status`). The server then takes
   * only `.status` from the object (a Deployment's or a custom resource's spec, labels and
   * annotations stay as they are) and records the `fieldManager` with `subresource: status`.
   * Default: the object itself, where the server leaves `.status` alone for kinds that have the
   * subresource.
   */
  readonly subresource?: 'status';
}

/**
 * Replaces an object (PUT) and resolves with what the server stored. The object's
 * `metadata.resourceVersion` makes the write conditional: the server answers 409 when the object
 * changed since that version was read, and kubepatch rejects with `ConflictError`. Without a
 * `resourceVersion` the write is unconditional, which silently overwrites concurrent changes.
 *
 * @example
 * ```ts
 * const rs = await getObject(kc, ref);
 * const desired = { ...rs, spec: { ...rs.spec, replicas: 5 } };
 * await replaceObject(kc, desired); // 409 → ConflictError if someone wrote in between
 * // A controller reporting progress: only .status is written.
 * await replaceObject(kc, { ...rs, status: { ...rs.status, observedGeneration: 4 } }, { subresource: 'status', fieldManager: 'my-controller' });
 * ```
 * @throws `ConflictError` (409), `ImmutableFieldError` (422 "field is immutable"),
 * `ApiError` (any other refusal); `InvalidDocumentError` when `object` names no object; a
 * `RangeError` for a `subresource` other than `'status'`.
 * @public
 */
export async function replaceObject(client: KubeConfigLike, object: object, options: ReplaceObjectOptions = {}): Promise<JsonObject> {
  const body = wireJson(object, 'object');
  const ref = referenceOf(body, 'object');
  return kubeRequest(client, {
    method: 'PUT',
    path: resourcePath(ref, options.plural, options.subresource),
    query: { fieldManager: options.fieldManager },
    body,
    signal: options.signal,
  });
}
