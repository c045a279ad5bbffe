import { predictApply } from '../apply/predictApply.js';
import type { WriteResult } from '../apply/ServerSideApplyOptions.js';
import type { ApplyConflict } from '../errors/ApplyConflictError.js';
import { InvalidDocumentError } from '../errors/InvalidDocumentError.js';
import { assertJsonValue } from '../json/assertJsonValue.js';
import type { JsonInput, JsonObject } from '../json/JsonValue.js';
import { getOwn, isJsonObject } from '../json/ownProperty.js';
import { schemaFromCRD } from '../schema/schemaFromCRD.js';
import type { SemanticChange } from './SemanticChange.js';
import type { SemanticDiffOptions } from './SemanticDiffOptions.js';
import { semanticDiff } from './semanticDiff.js';
import { argoCdApplyConfig } from './serverSideDiffConfig.js';

/**
 * Options of {@link serverSideDiff}.
 *
 * @example
 * ```ts
 * const options: ServerSideDiffOptions = { manager: 'argocd-controller', crds: [rolloutCrd], semantic: { ignore: ['/spec/replicas'] } };
 * ```
 * @public
 */
export interface ServerSideDiffOptions {
  /** The field manager of the apply; Argo CD's is `argocd-controller`. */
  readonly manager: string;
  /** The CustomResourceDefinitions of custom kinds (as for {@link serverSideApply}). */
  readonly crds?: readonly object[];
  /** The time written into changed `managedFields` entries; default: now. */
  readonly now?: Date;
  /**
   * How the predicted object is compared with the live one ({@link semanticDiff}'s options). Without
   * `semantic.schema`, a custom kind is compared by the schema of its CRD in `crds`
   * ({@link schemaFromCRD}), the one the apply follows.
   */
  readonly semantic?: SemanticDiffOptions;
}

/**
 * What {@link serverSideDiff} finds.
 *
 * @example
 * ```ts
 * const { predicted, changes, conflicts }: ServerSideDiffResult = serverSideDiff(live, manifest, { manager: 'argocd-controller' });
 * ```
 * @public
 */
export interface ServerSideDiffResult {
  /** What the server would store after the (forced) apply: the object and its `managedFields`. */
  readonly predicted: WriteResult;
  /**
   * How `predicted.object` differs from the live object ({@link semanticDiff} of the two); for a
   * `live` of `null`, one `added` change of the whole object at the path `(object)`.
   */
  readonly changes: readonly SemanticChange[];
  /** The fields of other managers the apply takes (it is forced, as Argo CD forces it); empty when none. */
  readonly conflicts: readonly ApplyConflict[];
}

/**
 * Argo CD's Server-Side Diff without a server: the object a server-side apply of `desired` by
 * `options.manager` would store, predicted offline ({@link predictApply}, kube-apiserver 1.33's
 * rules), and how it differs from `live`. Argo CD's choices, as gitops-engine makes them
 * (`pkg/diff/diff.go` `Diff` → `ServerSideDiff` → `serverSideDiff`; the dry run is
 * `K8sServerSideDryRunner.Run`, an `ApplyResource` whose `newApplyOptions` sets `ForceConflicts`):
 *
 * - the manifest is first normalized as Argo CD normalizes it before its dry run (remarshalled
 *   through its Go struct, `metadata.creationTimestamp` removed, a Secret's `stringData` folded
 *   into `data`), then applied by the manager with **force**, as
 *   `kubectl apply --server-side --force-conflicts --dry-run=server`
 *   (`?dryRun=All&force=true`): a conflict never stops it,
 *   and the fields it takes from other managers are reported in `conflicts`;
 * - the predicted object is compared with `live` (a custom kind by its CRD's schema); Argo CD
 *   removes `managedFields` and `resourceVersion` from both first, and {@link semanticDiff} leaves
 *   out those and the other server-set fields (unless `semantic.normalize.ignoredFields` is
 *   `false`);
 * - `live` `null` is a creation: Argo CD does not ask the server then and shows the manifest as the
 *   new object; here `predicted` is what the create stores and `changes` the one `added` object.
 *
 * Where it does not follow Argo CD: no webhook runs offline, so there are no webhook mutations
 * for Argo CD's `IgnoreMutationWebhook` step (`removeWebhookMutation`: every field of the dry-run
 * result that the manager does not own set back to its live value) to take out; the server
 * defaults inside new list elements, which that step also drops, stay in `predicted` and in the
 * `to` of the element's `added` change. Argo CD compares the two JSON documents byte for byte; the
 * changes here are semantic ones, and its `ignoreDifferences` are `semantic.ignore` rules.
 *
 * Throws as {@link serverSideApply} does for what the server would refuse (`InvalidDocumentError`,
 * `InvalidSchemaError` for a custom kind without its CRD). Inputs are never changed.
 *
 * @example
 * ```ts
 * const live = await getObject(kubeConfig, { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'web' });
 * const { changes, conflicts } = serverSideDiff(live, manifest, { manager: 'argocd-controller' });
 * const outOfSync = changes.some(isRealChange);
 * for (const c of conflicts) console.log(`takes ${c.serverPath} from ${c.manager}`);
 * ```
 * @public
 */
export function serverSideDiff(live: JsonInput | null, desired: JsonInput, options: ServerSideDiffOptions): ServerSideDiffResult {
  if (typeof options !== 'object' || options === null) throw new InvalidDocumentError('options: must be an object', { input: 'options' });
  if (options.semantic !== undefined && (typeof options.semantic !== 'object' || options.semantic === null)) {
    throw new InvalidDocumentError('options.semantic: must be an object', { input: 'options.semantic' });
  }
  assertJsonValue(desired, 'desired');
  if (!isJsonObject(desired)) throw new InvalidDocumentError('desired must be an object', { path: '', input: 'desired' });
  if (live !== null) assertJsonValue(live, 'live');
  const config = argoCdApplyConfig(desired);
  const prediction = predictApply(live, config, {
    manager: options.manager,
    ...(options.crds === undefined ? {} : { crds: options.crds }),
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  const predicted = prediction.result;
  const changes: readonly SemanticChange[] =
    live === null
      ? Object.freeze([Object.freeze<SemanticChange>({ path: '(object)', pointer: '', kind: 'added', to: predicted.object })])
      : semanticDiff(live, predicted.object, semanticOptions(desired, options));
  return Object.freeze({ predicted, changes, conflicts: prediction.conflicts });
}

/** `options.semantic`, with the schema of the object's CRD when it names none and `crds` has one. */
function semanticOptions(desired: JsonObject, options: ServerSideDiffOptions): SemanticDiffOptions {
  const given = options.semantic ?? {};
  if (given.schema !== undefined || options.crds === undefined) return given;
  const apiVersion = getOwn(desired, 'apiVersion');
  if (typeof apiVersion !== 'string') return given;
  const slash = apiVersion.lastIndexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const crd = options.crds.find((candidate) => {
    const spec = isJsonObject(candidate) ? getOwn(candidate, 'spec') : undefined;
    const names = isJsonObject(spec) ? getOwn(spec, 'names') : undefined;
    return isJsonObject(spec) && getOwn(spec, 'group') === group && isJsonObject(names) && getOwn(names, 'kind') === getOwn(desired, 'kind');
  });
  return crd === undefined ? given : { ...given, schema: schemaFromCRD(crd, apiVersion.slice(slash + 1)) };
}
