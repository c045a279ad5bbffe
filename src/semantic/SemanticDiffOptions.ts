import type { PatchSchema } from '../schema/PatchSchema.js';
import type { ArgoDiffSettings } from './argocd/index.js';

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
  /**
   * A field the API server fills in when absent equals its default (`protocol: TCP`, …), and for a
   * custom resource whose CRD is in `crds`, the `default:`s of the CRD's schema.
   */
  readonly defaults?: boolean;
  /** `status`, `metadata.managedFields`, `resourceVersion`, `generation`, `uid`, `creationTimestamp`, the last-applied annotation. */
  readonly ignoredFields?: boolean;
  /** A `v1` Secret's `stringData` is folded into `data` (base64) before comparing, as the API server stores it. */
  readonly stringData?: boolean;
  /** A field only the live object has that the cluster writes ({@link WEBHOOK_WRITTEN_FIELDS}: a webhook's `caBundle`, …). */
  readonly webhookWritten?: boolean;
}

/**
 * Options of {@link semanticDiff}.
 *
 * @example
 * ```ts
 * semanticDiff(live, desired, { normalize: { defaults: false }, ignore: ['/spec/replicas'] });
 * semanticDiff(live, desired, { argocd: { ignoreDifferences: app.spec.ignoreDifferences }, crds: [rolloutCrd] });
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
  /**
   * Argo CD's diff settings, as written: an Application's `spec.ignoreDifferences` and the
   * `argocd-cm` ConfigMap's `data` (`resource.customizations.ignoreDifferences.<group_kind>`,
   * `resource.compareoptions`). A field they leave out is `ignored`, with `ignoredBy` naming the
   * rule; `a` is taken as the live object (its `managedFields` decide `managedFieldsManagers`).
   */
  readonly argocd?: ArgoDiffSettings;
  /**
   * CustomResourceDefinitions. For an object of a kind one of them defines (matched by group and
   * kind), the CRD's schema of the object's version is the schema of the comparison (unless
   * `schema` is given), and its `default:`s are filled into both objects, as the API server fills
   * them: a field one side leaves to its default is `equivalent` with `equalBecause: 'crd-default'`.
   * A deep-frozen CRD is read once and reused across calls; one that is not frozen is read at every
   * call (see docs/normalizations/crd-defaults.md).
   */
  readonly crds?: readonly object[];
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
    stringData: options?.stringData !== false,
    webhookWritten: options?.webhookWritten !== false,
  };
}
