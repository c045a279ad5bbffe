import type { JsonObject, JsonValue } from '../../json/JsonValue.js';

/**
 * A field path as registry strategies write it for `GetResetFields`:
 * `fieldpath.MakePathOrDie("metadata", "labels")` is `['metadata', 'labels']`. Field names only:
 * no strategy resets a list element or a map key.
 * @public
 */
export type ResetPath = readonly string[];

/**
 * What one strategy's `GetResetFields()` returns: for each apiVersion (a
 * `fieldpath.APIVersion`, compared as a string with the request's group/version), the paths the
 * field manager leaves out of the writer's ownership. Structured-merge-diff drops each path
 * and everything under it (`NewExcludeSetFilter`: `set.RecursiveDifference(resetFields)`).
 * A request in an apiVersion that is not a key gets no reset fields at all.
 * @public
 */
export type VersionedResetPaths = Readonly<Record<string, readonly ResetPath[]>>;

/**
 * Code for what a strategy does beyond restoring and clearing members; each is one small
 * function that cites its Go source (see `specialRules.ts`).
 * @public
 */
export type SpecialRuleName =
  | 'podCreateStatus'
  | 'podStatusQosClass'
  | 'podResize'
  | 'namespaceCreate'
  | 'nodeCreate'
  | 'nodeConfigSource'
  | 'nodeStatusConfig'
  | 'persistentVolumeCreateStatus'
  | 'persistentVolumePhaseTransition'
  | 'csrCreate'
  | 'csrStatusConditions'
  | 'csrApproval'
  | 'crdStoredVersions'
  | 'apiServiceCreate';

/**
 * One step of a `PrepareForCreate` or `PrepareForUpdate`, as data.
 *
 * - `restore`: `new.X = old.X`, the member at `path` taken from the live object, or removed
 *   when the live object has none (Go's nil).
 * - `restoreBut`: the member at `path` taken from the live object except the members at
 *   `except` (relative to `path`), which stay as written. `path: []` is the whole object (the
 *   custom-resource status strategy: `*new = *old.DeepCopy()`, then status and managedFields put back).
 * - `resetObjectMetaForStatus`: `metav1.ResetObjectMetaForStatus(&new.ObjectMeta, &old.ObjectMeta)`,
 *   which restores `deletionTimestamp`, `generation`, `selfLink`, `labels`, `annotations`,
 *   `finalizers` and `ownerReferences`.
 * - `zeroStatus`: `new.Status = XStatus{}`, written as the JSON of Go's zero value of the
 *   version's status struct (`{}` for most kinds, `{"replicas":0}` for a ReplicaSet).
 * - `removeStatus`: `delete(obj, "status")` (custom resources, which have no Go struct).
 * - `special`: kind-specific code.
 * @public
 */
export type ResetStep =
  | { readonly op: 'restore'; readonly path: ResetPath }
  | { readonly op: 'restoreBut'; readonly path: ResetPath; readonly except: readonly ResetPath[] }
  | { readonly op: 'resetObjectMetaForStatus' }
  | { readonly op: 'zeroStatus' }
  | { readonly op: 'removeStatus' }
  | { readonly op: 'special'; readonly rule: SpecialRuleName };

/**
 * How the registry treats a write through one endpoint (the main resource or a subresource):
 * the strategy's reset fields and its `PrepareForCreate` / `PrepareForUpdate` steps.
 * @public
 */
export interface WriteRules {
  /**
   * `GetResetFields()` of the strategy the endpoint's REST storage reports to the field manager;
   * `undefined` when that storage reports none (no `GetResetFields` on it), so the writer owns
   * every field it sets.
   */
  readonly resetFields: VersionedResetPaths | undefined;
  /** `PrepareForCreate` (main resource only; subresources never create). */
  readonly create?: readonly ResetStep[];
  /** `PrepareForUpdate`. */
  readonly update: readonly ResetStep[];
}

/**
 * A kind the API server serves with a `status` subresource, and what its registry strategies do
 * to writes: one row of {@link statusSubresourceKinds}.
 * @public
 */
export interface StatusSubresourceKind {
  /** The API group, `''` for the core group. */
  readonly group: string;
  readonly kind: string;
  /** The resource (plural) in URLs: `deployments`. */
  readonly resource: string;
  readonly namespaced: boolean;
  /** The versions a 1.33 kube-apiserver serves by default (others need `--runtime-config`); for a custom resource, the version asked for. */
  readonly served: readonly string[];
  /** The Go files the rules are read from, as paths in the Go module cache (`$GOMODCACHE/k8s.io/kubernetes@v1.33.13/…`). */
  readonly source: readonly string[];
  /** Writes to the resource itself. */
  readonly main: WriteRules;
  /** Writes through subresources that take the kind itself: `status`, and for some kinds more. */
  readonly subresources: Readonly<Record<string, WriteRules>>;
  /**
   * Subresources the server has that these rules do not model: they take another kind
   * (`scale` takes an autoscaling/v1 Scale, `binding` a Binding) or are not writes (`log`, `proxy`).
   */
  readonly unmodelled?: readonly string[];
  /**
   * Go's zero status as JSON, for `zeroStatus`, by apiVersion; `default` for the versions not
   * listed. Written by `encoding/json` from the k8s.io/api v0.33.13 types.
   */
  readonly zeroStatus?: Readonly<Record<string, JsonValue>>;
  /** What the strategies do that these rules leave out, in a few words each. */
  readonly notModelled?: readonly string[];
}

/**
 * The authenticated user of a request, which a CertificateSigningRequest's create copies into
 * its spec (`genericapirequest.UserFrom(ctx)`).
 * @public
 */
export interface RequestUser {
  readonly username: string;
  readonly uid?: string;
  readonly groups?: readonly string[];
  readonly extra?: Readonly<Record<string, readonly string[]>>;
}

/** What a special rule sees. @internal */
export interface SpecialRuleContext {
  /** The object so far: written, with the earlier steps applied. */
  readonly object: JsonObject;
  /** The live object; `null` on create. */
  readonly live: JsonObject | null;
  readonly apiVersion: string;
  readonly now: string | undefined;
  readonly user: RequestUser | undefined;
}
