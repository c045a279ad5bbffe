import { InvalidDocumentError } from '../../errors/InvalidDocumentError.js';
import { assertJsonValue } from '../../json/assertJsonValue.js';
import type { JsonObject } from '../../json/JsonValue.js';
import { isJsonObject } from '../../json/ownProperty.js';
import { findWriteRules, type WriteTarget } from './findWriteRules.js';
import type { RequestUser } from './ResetRules.js';
import { runSteps } from './runSteps.js';

/**
 * What {@link resetObject} takes: the endpoint, the operation, and the objects.
 * @public
 */
export interface ResetObjectInput extends WriteTarget {
  /** `create` (main resource only) or `update` (any write to an existing object: update, patch, apply). */
  readonly operation: 'create' | 'update';
  /** The object as stored before the write; `null` on create (ignored there). */
  readonly live: JsonObject | null;
  /**
   * The object the write would store before the registry's strategy runs: the request's body
   * (create, update) or the live object with the patch or apply merged in, after defaulting.
   */
  readonly written: JsonObject;
  /**
   * The time the server would stamp, RFC 3339 in seconds (`2026-12-07T10:00:00Z`): a new
   * PersistentVolume's `lastPhaseTransitionTime`, a scheduling-gated Pod's condition, CSR
   * condition times, a local APIService's condition. Without it those members are left out.
   */
  readonly now?: string;
  /** The authenticated user of the request, which a CertificateSigningRequest's create copies into spec. */
  readonly user?: RequestUser;
}

/**
 * The object as the API server's registry stores it after the kind's strategy ran
 * `PrepareForCreate` or `PrepareForUpdate`, as far as resetting goes: on a write to the main
 * resource `status` comes back from the live object (and is cleared on create where the strategy
 * does so: `{}`, or Go's zero status of the version); on a `status` write `spec` comes back from
 * the live object and, for the kinds whose strategy does so, metadata (`ResetObjectMetaForStatus`:
 * labels, annotations, finalizers, ownerReferences, deletionTimestamp, generation, selfLink), with
 * each kind's further rules of {@link statusSubresourceKinds} (a Deployment's status write keeps
 * the old labels, a Pod's keeps its ownerReferences, a Namespace's create adds the `kubernetes`
 * finalizer, a Pod's create computes its QoS class, …). A custom resource follows its CRD: with
 * `subresources.status`, the main resource never sets status and a status write keeps everything
 * of the live object but `status` and `metadata.managedFields`.
 *
 * Pure: neither input is changed; the result shares unchanged members with them and is `written`
 * itself when nothing changes (a kind without a status subresource, for one). Not modelled: the
 * generic `rest.BeforeCreate`/`BeforeUpdate` metadata (uid, creationTimestamp, generation),
 * defaulting, validation, and each kind's `notModelled` list.
 *
 * Throws `InvalidDocumentError`: `input: 'options'` for a subresource the kind does not have or
 * that is not modelled, or a create through a subresource; `input: 'live'` for an update without
 * the live object; `input: 'written'` / `'live'` when they are not JSON objects.
 * `InvalidSchemaError` (`input: 'crd'`) for a CRD that does not define the kind.
 *
 * @example
 * ```ts
 * const stored = resetObject({
 *   apiVersion: 'apps/v1', kind: 'Deployment', subresource: 'status', operation: 'update',
 *   live, written: { ...live, spec: { ...live.spec, replicas: 9 }, status: { replicas: 3 } },
 * });
 * stored.spec === live.spec; // true: "status changes are not allowed to update spec"
 * ```
 * @public
 */
export function resetObject(input: ResetObjectInput): JsonObject {
  const { operation, live, written, subresource } = input;
  if (operation !== 'create' && operation !== 'update') {
    throw new InvalidDocumentError(`operation must be 'create' or 'update', not ${JSON.stringify(operation)}`, { input: 'options' });
  }
  assertJsonValue(written, 'written');
  if (!isJsonObject(written)) throw new InvalidDocumentError('the written object must be a JSON object', { path: '', input: 'written' });
  const found = findWriteRules(input);
  if (operation === 'create' && subresource !== undefined && subresource !== '') {
    throw new InvalidDocumentError(`a create goes to the resource itself, not to its ${JSON.stringify(subresource)} subresource`, { input: 'options' });
  }
  if (operation === 'update') {
    if (live === null || live === undefined) throw new InvalidDocumentError('an update needs the live object', { path: '', input: 'live' });
    assertJsonValue(live, 'live');
    if (!isJsonObject(live)) throw new InvalidDocumentError('the live object must be a JSON object', { path: '', input: 'live' });
  }
  if (found.entry === undefined || found.rules === undefined) return written;
  const steps = operation === 'create' ? (found.rules.create ?? []) : found.rules.update;
  return runSteps(steps, {
    entry: found.entry,
    apiVersion: found.apiVersion,
    written,
    live: operation === 'create' ? null : live,
    now: input.now,
    user: input.user,
  });
}
