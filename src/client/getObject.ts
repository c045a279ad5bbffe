import type { JsonObject } from 'kubepatch';
import type { ClientRequestOptions } from './ClientRequestOptions.js';
import type { KubeConfigLike } from './KubeConfigLike.js';
import { kubeRequest } from './kubeRequest.js';
import type { ObjectTarget } from './ObjectReference.js';
import { referenceOf, resourcePath } from './resourcePath.js';

/**
 * Reads one object (GET) and resolves with it as the server sent it: plain JSON, timestamps as
 * strings, every field kept, also those a client-node model does not know.
 *
 * @example
 * ```ts
 * const live = await getObject(kc, { apiVersion: 'apps/v1', kind: 'ReplicaSet', namespace: 'shop', name: 'web-7d9f8' });
 * live.metadata; // { name: 'web-7d9f8', resourceVersion: '48213', … }
 * ```
 * @throws `ApiError` with `statusCode` 404 when there is no such object, and the typed error
 * of any other refusal ({@link apiErrorFrom}); `InvalidDocumentError` when `target` names no object.
 * @public
 */
export async function getObject(client: KubeConfigLike, target: ObjectTarget, options: ClientRequestOptions = {}): Promise<JsonObject> {
  const ref = referenceOf(target, 'target');
  return kubeRequest(client, { method: 'GET', path: resourcePath(ref, options.plural), signal: options.signal });
}
