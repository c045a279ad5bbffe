/**
 * Which metadata keys a helper works on: exact keys, key prefixes, or a predicate. Built with
 * {@link annotationKeys} or {@link labelKeys}; the two are different types, so a set of label keys
 * cannot be handed to an annotation helper by mistake (the Argo Rollouts 1.7 fallback read
 * `scale-down-deadline` from the labels).
 *
 * @example
 * ```ts
 * const owned = annotationKeys({ exact: ['scale-down-deadline'], prefixes: ['rollout.argoproj.io/'] });
 * owned.matches('rollout.argoproj.io/revision'); // true
 * ```
 * @public
 */
export interface MetadataKeys<Kind extends 'annotations' | 'labels'> {
  /** Whether these keys are for annotations or labels. */
  readonly kind: Kind;
  /** True for a key in the set. */
  matches(key: string): boolean;
}

/**
 * Annotation keys: see {@link MetadataKeys}.
 * @example
 * ```ts
 * const keys: AnnotationKeys = annotationKeys({ exact: ['scale-down-deadline'] });
 * ```
 * @public
 */
export type AnnotationKeys = MetadataKeys<'annotations'>;

/**
 * Label keys: see {@link MetadataKeys}.
 * @example
 * ```ts
 * const keys: LabelKeys = labelKeys({ exact: ['rollouts-pod-template-hash'] });
 * ```
 * @public
 */
export type LabelKeys = MetadataKeys<'labels'>;

/**
 * How to select keys: any key that equals one of `exact`, starts with one of `prefixes`, or
 * satisfies `predicate`.
 * @example
 * ```ts
 * const selection: KeySelection = { prefixes: ['argo-rollouts.argoproj.io/'], predicate: (key) => key.endsWith('-hash') };
 * ```
 * @public
 */
export interface KeySelection {
  /** Keys selected by their exact name. */
  readonly exact?: readonly string[];
  /** Keys selected by prefix, e.g. `rollout.argoproj.io/`. */
  readonly prefixes?: readonly string[];
  /** Keys selected by a test of your own. */
  readonly predicate?: (key: string) => boolean;
}

/**
 * A set of annotation keys, for {@link preserveAnnotations} and {@link buildFallbackPatch}.
 * @example
 * ```ts
 * preserveAnnotations(liveReplicaSet, desiredReplicaSet, annotationKeys({ exact: ['scale-down-deadline'] }));
 * ```
 * @public
 */
export function annotationKeys(selection: KeySelection | readonly string[]): AnnotationKeys {
  return keySet('annotations', selection);
}

/**
 * A set of label keys, for {@link preserveLabels} and {@link buildFallbackPatch}.
 * @example
 * ```ts
 * preserveLabels(liveReplicaSet, desiredReplicaSet, labelKeys(['rollouts-pod-template-hash']));
 * ```
 * @public
 */
export function labelKeys(selection: KeySelection | readonly string[]): LabelKeys {
  return keySet('labels', selection);
}

function keySet<Kind extends 'annotations' | 'labels'>(kind: Kind, selection: KeySelection | readonly string[]): MetadataKeys<Kind> {
  const { exact = [], prefixes = [], predicate } = isKeyList(selection) ? { exact: selection } : selection;
  const exactKeys = new Set(exact);
  const prefixList = [...prefixes];
  return Object.freeze({
    kind,
    matches: (key: string) => exactKeys.has(key) || prefixList.some((prefix) => key.startsWith(prefix)) || (predicate?.(key) ?? false),
  });
}

function isKeyList(selection: KeySelection | readonly string[]): selection is readonly string[] {
  return Array.isArray(selection);
}

/**
 * The label and annotation keys the Argo Rollouts controller owns on a ReplicaSet: the pod
 * template hash label, the `scale-down-deadline` annotation (no prefix), and everything under
 * `rollout.argoproj.io/`, `argo-rollouts.argoproj.io/` and `experiment.argoproj.io/`.
 * @example
 * ```ts
 * ARGO_ROLLOUTS_OWNED_ANNOTATIONS.matches('scale-down-deadline'); // true
 * ARGO_ROLLOUTS_OWNED_LABELS.matches('rollouts-pod-template-hash'); // true
 * ```
 * @public
 */
export const ARGO_ROLLOUTS_OWNED_ANNOTATIONS: AnnotationKeys = annotationKeys({
  exact: ['scale-down-deadline', 'rollouts-pod-template-hash'],
  prefixes: ['rollout.argoproj.io/', 'argo-rollouts.argoproj.io/', 'experiment.argoproj.io/'],
});

/**
 * The label keys Argo Rollouts owns on a ReplicaSet; see {@link ARGO_ROLLOUTS_OWNED_ANNOTATIONS}.
 * @example
 * ```ts
 * buildFallbackPatch(desired, live, { labels: ARGO_ROLLOUTS_OWNED_LABELS });
 * ```
 * @public
 */
export const ARGO_ROLLOUTS_OWNED_LABELS: LabelKeys = labelKeys({
  exact: ['rollouts-pod-template-hash', 'scale-down-deadline'],
  prefixes: ['rollout.argoproj.io/', 'argo-rollouts.argoproj.io/', 'experiment.argoproj.io/'],
});
