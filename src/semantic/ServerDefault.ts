import type { JsonObject, JsonValue } from '../json/JsonValue.js';

/**
 * One value the API server fills in when a field is absent (or `null`), from the defaulting
 * functions of k8s.io/kubernetes `pkg/apis/<group>/v1/defaults.go` (`SetDefaults_*`).
 *
 * @example
 * ```ts
 * const row: ServerDefault = { type: 'io.k8s.api.core.v1.ContainerPort', field: 'protocol', value: 'TCP', condition: 'always' };
 * ```
 * @public
 */
export interface ServerDefault {
  /** The struct type id whose field it is (`io.k8s.api.core.v1.Container`). */
  readonly type: string;
  /** The field's JSON name. */
  readonly field: string;
  /**
   * The default, or how to compute it from the object holding the field and the structs above it
   * (`undefined`: no default there).
   */
  readonly value: JsonValue | ((object: JsonObject, context: ServerDefaultContext) => JsonValue | undefined);
  /**
   * `true` when the default is a map whose entries are filled one by one: a field holding an
   * object gets the entries it lacks (`resources.requests` from `resources.limits`).
   */
  readonly entries?: boolean;
  /** When it applies, in words, for documentation. */
  readonly condition: string;
}

/**
 * Where a defaulted struct sits, for defaults that depend on it (a Pod's own spec gets
 * `enableServiceLinks`, a pod template does not).
 * @example
 * ```ts
 * const insidePod = (context: ServerDefaultContext) => context.ancestors.some((a) => a.type === 'io.k8s.api.core.v1.Pod');
 * ```
 * @public
 */
export interface ServerDefaultContext {
  /** The structs holding it, from the document's root down to its parent, with their type ids (a Pod's container: the Pod, then its PodSpec). */
  readonly ancestors: readonly { readonly type: string; readonly value: JsonObject }[];
}
