import { buildFallbackPatch, ConflictError, InvalidDocumentError, type FallbackPatchOptions, type JsonObject } from 'kubepatch';
import { isJsonObject } from '../json/ownProperty.js';
import { callerChanges, changesNothing } from './callerChanges.js';
import type { ClientRequestOptions } from './ClientRequestOptions.js';
import { getObject } from './getObject.js';
import type { KubeConfigLike } from './KubeConfigLike.js';
import { replaceObject } from './replaceObject.js';
import { referenceOf } from './resourcePath.js';
import { retryDelay, retrySettings, sleep, type RetryOptions } from './RetryOptions.js';
import { sendPatch } from './sendPatch.js';
import { wireJson } from './wireJson.js';

/**
 * Options of {@link updateWithFallbackToPatch}.
 * @example
 * ```ts
 * const options: UpdateWithFallbackOptions = {
 *   original: cachedReplicaSet,
 *   fallback: { type: 'strategic' },
 *   retry: { retries: 8, initialDelayMs: 20 },
 * };
 * ```
 * @public
 */
export interface UpdateWithFallbackOptions extends ClientRequestOptions {
  /**
   * The object `desired` was made from (your cached copy, before your changes). Given, the
   * fallback patch carries only what you changed: a field `desired` merely carries over from a
   * stale copy (a replica count a scaler changed since, an owned annotation another writer added
   * since) is left out, so the patch cannot revert another writer's change. Without it, every
   * field the fallback patch covers is set to its value in `desired`, as Argo Rollouts did.
   */
  readonly original?: object;
  /** How the fallback patch is built: owned metadata keys, `merge` (default) or `strategic`, a `resourceVersion` precondition. */
  readonly fallback?: FallbackPatchOptions;
  /** Retries after a 409 (each one re-reads the object). Default: 5 retries, from 10 ms, doubling, at most 1 s. */
  readonly retry?: RetryOptions;
  /** The `fieldManager` the server records for the PUT and the patch. */
  readonly fieldManager?: string;
}

/**
 * Writes `desired` the way Argo Rollouts' `updateReplicaSetFallbackToPatch` meant to, without its
 * bugs. First a replace (PUT) conditional on `desired`'s `metadata.resourceVersion`. When the
 * server answers 409 (someone wrote in between), it re-reads the live object and sends the
 * fallback patch of `buildFallbackPatch` (from `kubepatch`) — `spec.replicas`, the pod template's labels and
 * annotations, and the metadata labels and annotations you own, with `null` for owned keys you
 * removed — under its own `Content-Type` (`application/merge-patch+json` by default), so the write
 * lands on the latest version without reverting anyone else's fields. A 409 on the patch (with a
 * `resourceVersion` precondition) re-reads and tries again, with backoff, up to `retry.retries`
 * times. Resolves with the object the server stored (the live object when nothing was left to
 * patch). Inputs are not changed.
 *
 * Only the fields the fallback patch covers survive a conflict: a change elsewhere in `desired`
 * (say in `spec.template.spec`) is not written on the fallback path. Compare the result with
 * `desired` when that matters.
 *
 * @example
 * ```ts
 * import { KubeConfig } from '@kubernetes/client-node';
 * import { updateWithFallbackToPatch } from 'kubepatch/client';
 *
 * const kc = new KubeConfig();
 * kc.loadFromDefault();
 * const desired = structuredClone(cachedReplicaSet);
 * desired.metadata.annotations['scale-down-deadline'] = new Date(Date.now() + 30_000).toISOString().replace(/\.\d+Z$/, 'Z');
 * const stored = await updateWithFallbackToPatch(kc, desired, { original: cachedReplicaSet });
 * ```
 * @throws `ConflictError` when every retry met a 409; `ImmutableFieldError` (422
 * "field is immutable", e.g. a changed selector); `UnsupportedMediaTypeError` (415, a patch format
 * the server does not take for this kind); `ApiError` (any other refusal); `InvalidPatchError`
 * from `buildFallbackPatch` for `fallback.type: 'strategic'` on a kind that is not built in;
 * `InvalidDocumentError` when `desired` names no object or has no `metadata.resourceVersion`
 * (a PUT without one would silently overwrite concurrent writes); a `RangeError` for bad retry options.
 * @public
 */
export async function updateWithFallbackToPatch(
  client: KubeConfigLike,
  desired: object,
  options: UpdateWithFallbackOptions = {},
): Promise<JsonObject> {
  const settings = retrySettings(options.retry);
  const body = wireJson(desired, 'desired');
  const ref = referenceOf(body, 'desired');
  const resourceVersion = isJsonObject(body.metadata) ? body.metadata.resourceVersion : undefined;
  if (typeof resourceVersion !== 'string' || resourceVersion === '') {
    const message =
      'desired has no metadata.resourceVersion: replace it from an object read from the server, since a PUT without one ' +
      'is unconditional and overwrites concurrent writes';
    throw new InvalidDocumentError(message, { input: 'desired', path: '/metadata/resourceVersion' });
  }
  const original = options.original === undefined ? undefined : wireJson(options.original, 'original');
  const request = { plural: options.plural, signal: options.signal, fieldManager: options.fieldManager };

  let conflict: ConflictError;
  try {
    return await replaceObject(client, body, request);
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    conflict = error;
  }
  for (let attempt = 1; attempt <= settings.retries; attempt++) {
    if (attempt > 1) await sleep(retryDelay(settings, attempt - 1), options.signal);
    const live = await getObject(client, ref, request);
    const fallback = buildFallbackPatch(body, live, options.fallback);
    const patch = original === undefined ? fallback.patch : callerChanges(fallback.patch, original, body);
    if (fallback.empty || changesNothing(patch)) return live;
    try {
      return await sendPatch(client, ref, { type: fallback.type, patch }, request);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      conflict = error;
    }
  }
  const tries = settings.retries === 0 ? 'no retries allowed' : `${settings.retries} fallback patch attempts`;
  throw new ConflictError(`gave up after ${tries}; last answer: ${conflict.message}`, {
    statusCode: conflict.statusCode,
    status: conflict.status,
  });
}
