import type { PatchSchema } from '../schema/PatchSchema.js';

/**
 * A field to leave out of a {@link semanticDiff}: a JSON Pointer (`'/spec/replicas'`, matched
 * against the position of the value in either object) or a path pattern
 * (`'spec.template.metadata.annotations.*'`, see {@link parseKubernetesPath} for the syntax),
 * for every kind or, in the object form, only for objects whose `kind` is `kind`.
 *
 * @example
 * ```ts
 * const rules: IgnoreRule[] = [
 *   '/spec/replicas',
 *   { kind: 'Deployment', path: 'spec.template.metadata.annotations["kubectl.kubernetes.io/restartedAt"]' },
 *   'spec.template.spec.containers[*].env[name=BUILD_ID]',
 * ];
 * ```
 * @public
 */
export type IgnoreRule = string | { readonly kind?: string; readonly path: string };

/**
 * Which normalizations {@link semanticDiff} applies; each is on unless set to `false`. See
 * `docs/normalizations/` for the rule of each.
 *
 * @example
 * ```ts
 * const strict: SemanticNormalizeOptions = { defaults: false, emptyEqualsAbsent: false };
 * ```
 * @public
 */
export interface SemanticNormalizeOptions {
  /** `resource.Quantity` values compare by value: `1000m` equals `1`, `1Gi` equals `1024Mi`. */
  readonly quantity?: boolean;
  /** `null`, and where Go's `omitempty` drops them `{}`, `[]`, `""`, `0`, `false`, equal an absent field. */
  readonly emptyEqualsAbsent?: boolean;
  /** A field the API server fills in when absent equals its default (`protocol: TCP`, …). */
  readonly defaults?: boolean;
  /** `status`, `metadata.managedFields`, `resourceVersion`, `generation`, `uid`, `creationTimestamp`, the last-applied annotation. */
  readonly ignoredFields?: boolean;
}

/**
 * Options of {@link semanticDiff}.
 *
 * @example
 * ```ts
 * semanticDiff(live, desired, { normalize: { defaults: false }, ignore: ['/spec/replicas'] });
 * ```
 * @public
 */
export interface SemanticDiffOptions {
  /**
   * The schema of the two objects. Without it: {@link schemaFor} of `b` for built-in kinds,
   * {@link rolloutSchema} for `argoproj.io/v1alpha1` Rollout, else none (plain JSON comparison,
   * lists compared by position).
   */
  readonly schema?: PatchSchema;
  /** Which normalizations to apply (each on by default). */
  readonly normalize?: SemanticNormalizeOptions;
  /** Fields to leave out, by JSON Pointer or path pattern, optionally per kind. */
  readonly ignore?: readonly IgnoreRule[];
}

/** The normalizations with every default filled in. @internal */
export type ResolvedNormalize = { readonly [K in keyof SemanticNormalizeOptions]-?: boolean };

/** Fills in the defaults (every normalization on). @internal */
export function resolveNormalize(options: SemanticNormalizeOptions | undefined): ResolvedNormalize {
  return {
    quantity: options?.quantity !== false,
    emptyEqualsAbsent: options?.emptyEqualsAbsent !== false,
    defaults: options?.defaults !== false,
    ignoredFields: options?.ignoredFields !== false,
  };
}
