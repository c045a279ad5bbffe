import type { JsonObject } from 'kubepatch';
import { isJsonObject } from '../json/ownProperty.js';
import type { ClientRequestOptions } from './ClientRequestOptions.js';
import type { KubeConfigLike } from './KubeConfigLike.js';
import { referenceOf } from './resourcePath.js';
import { sendPatch } from './sendPatch.js';
import { wireJson } from './wireJson.js';

/**
 * Options of {@link applyObject}.
 * @example
 * ```ts
 * const options: ApplyObjectOptions = { fieldManager: 'deploy-bot', force: true };
 * ```
 * @public
 */
export interface ApplyObjectOptions extends ClientRequestOptions {
  /** Who owns the fields in this configuration. Required by the server for every apply. */
  readonly fieldManager: string;
  /** Take over fields another manager owns instead of failing with 409 (`force=true`). Default: not sent (false). */
  readonly force?: boolean;
  /** Ask the server to validate and answer without storing (`dryRun=All`). */
  readonly dryRun?: boolean;
  /**
   * Keep `metadata.resourceVersion` in the body, which makes the apply conditional: 409 when the
   * object changed since. Default `false`: it is removed, as an applied configuration normally has none.
   */
  readonly keepResourceVersion?: boolean;
  /**
   * `'status'`: apply to the object's status subresource (`…/status`), as a controller owning its
   * status does. The server then takes only `.status` from the configuration (a Deployment's or a
   * custom resource's spec, labels and annotations stay as they are) and records the manager with
   * `subresource: status`; the object must exist. Default: the object itself, where the server
   * leaves `.status` alone for kinds that have the subresource.
   */
  readonly subresource?: 'status';
}

/**
 * Server-side apply: sends `object` as the configuration `fieldManager` owns (PATCH
 * `application/apply-patch+yaml`, `?fieldManager=…&force=…`) and resolves with the object the
 * server stored, which it creates when it does not exist. `metadata.managedFields` is removed from
 * the body, since the server refuses an apply that carries it ("metadata.managedFields must be
 * nil"), and so is `metadata.resourceVersion` unless `keepResourceVersion` is set. The body is
 * JSON, which is YAML. The input is not changed.
 *
 * @example
 * ```ts
 * const applied = await applyObject(kc, {
 *   apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout',
 *   metadata: { name: 'web', namespace: 'shop', annotations: { 'team.example.com/owner': 'checkout' } },
 * }, { fieldManager: 'team-annotator' });
 *
 * // Fields another manager owns: ApplyConflictError, unless force takes them over.
 * try {
 *   await applyObject(kc, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop' }, spec: { replicas: 5 } },
 *     { fieldManager: 'deployer' });
 * } catch (error) {
 *   if (!(error instanceof ApplyConflictError)) throw error;
 *   error.conflicts; // [{ manager: 'kube-controller-manager', operation: 'Update', apiVersion: 'apps/v1', serverPath: '.spec.replicas', path: […] }]
 * }
 *
 * // The status subresource: only .status is applied, owned by 'web-status' (subresource: status).
 * await applyObject(kc, { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name: 'web', namespace: 'shop' },
 *   status: { phase: 'Paused', message: 'waiting for analysis' } }, { fieldManager: 'web-status', subresource: 'status' });
 * ```
 * @throws `ApplyConflictError` (409: fields other managers own, without `force`; its message the
 * server's, its `conflicts` one per field), `ConflictError` (409: a stale `resourceVersion` with
 * `keepResourceVersion`), `ImmutableFieldError` (422 "field is immutable"), `ApiError` (any
 * other refusal, 404 for `subresource: 'status'` of an object that does not exist);
 * `InvalidPatchError` without a `fieldManager`; `InvalidDocumentError` when `object`
 * names no object; a `RangeError` for a `subresource` other than `'status'`.
 * @public
 */
export async function applyObject(client: KubeConfigLike, object: object, options: ApplyObjectOptions): Promise<JsonObject> {
  const body = wireJson(object, 'object');
  const ref = referenceOf(body, 'object');
  if (isJsonObject(body.metadata)) {
    delete body.metadata.managedFields;
    if (options.keepResourceVersion !== true) delete body.metadata.resourceVersion;
  }
  return sendPatch(client, ref, { type: 'apply', patch: body }, options);
}
