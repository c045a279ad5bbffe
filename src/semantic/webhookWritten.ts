import { parseKubernetesPath, type PathSegment } from './kubernetesPath.js';

/**
 * A field that something other than the manifest's author writes into the live object when the
 * manifest leaves it out: a CA injector, a controller, an admission plugin or one of the API
 * server's allocators. {@link semanticDiff} reports such a field as `equivalent` with
 * `equalBecause: 'webhook-written'` when the live (old) object has it and the manifest (new) does
 * not, or holds a value Go's `omitempty` leaves out anyway (a `caBundle: ""`); a manifest that sets
 * the field to something else is a real change.
 *
 * @example
 * ```ts
 * const row: WebhookWrittenField = { group: 'apiregistration.k8s.io', kinds: ['APIService'], path: 'spec.caBundle', writer: 'a CA injector' };
 * ```
 * @public
 */
export interface WebhookWrittenField {
  /** The API group of the kinds (`''` for the core group). */
  readonly group: string;
  readonly kinds: readonly string[];
  /** A path pattern (the syntax of {@link parseKubernetesPath}). */
  readonly path: string;
  /** Who writes it, in words, for documentation. */
  readonly writer: string;
}

const CA_INJECTOR = "a CA injector (cert-manager's cainjector, istiod, the webhook's own certificate controller)";

/**
 * The fields {@link semanticDiff} takes as written by the cluster when only the live object has
 * them (`normalize: { webhookWritten: false }` turns this off). The `caBundle`s are the class of
 * Argo CD #1487, #4326, #9071 and #20178 (Argo CD's documentation answers it with an
 * `ignoreDifferences` entry per kind); the rest are written by the API server or a built-in
 * controller on every cluster, and a manifest never sets them.
 *
 * @example
 * ```ts
 * WEBHOOK_WRITTEN_FIELDS.some((row) => row.path === 'webhooks[*].clientConfig.caBundle'); // true
 * ```
 * @public
 */
export const WEBHOOK_WRITTEN_FIELDS: readonly WebhookWrittenField[] = Object.freeze([
  { group: 'admissionregistration.k8s.io', kinds: ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'], path: 'webhooks[*].clientConfig.caBundle', writer: CA_INJECTOR },
  { group: 'apiregistration.k8s.io', kinds: ['APIService'], path: 'spec.caBundle', writer: CA_INJECTOR },
  { group: 'apiextensions.k8s.io', kinds: ['CustomResourceDefinition'], path: 'spec.conversion.webhook.clientConfig.caBundle', writer: CA_INJECTOR },
  { group: 'apps', kinds: ['Deployment'], path: 'metadata.annotations["deployment.kubernetes.io/revision"]', writer: 'the deployment controller, counting rollouts' },
  { group: 'apps', kinds: ['DaemonSet'], path: 'metadata.annotations["deprecated.daemonset.template.generation"]', writer: "the API server's DaemonSet strategy, counting template changes" },
  { group: '', kinds: ['Namespace'], path: 'metadata.labels["kubernetes.io/metadata.name"]', writer: 'the API server (the label holds the name)' },
  { group: '', kinds: ['Service'], path: 'spec.clusterIP', writer: "the API server's IP allocator" },
  { group: '', kinds: ['Service'], path: 'spec.clusterIPs', writer: "the API server's IP allocator" },
  { group: '', kinds: ['Service'], path: 'spec.ipFamilies', writer: "the API server, from the cluster's service CIDRs" },
  { group: '', kinds: ['Service'], path: 'spec.ipFamilyPolicy', writer: "the API server, from the cluster's service CIDRs" },
  { group: '', kinds: ['Service'], path: 'spec.ports[*].nodePort', writer: "the API server's node port allocator" },
  { group: '', kinds: ['Service'], path: 'spec.healthCheckNodePort', writer: "the API server's node port allocator" },
  { group: '', kinds: ['ServiceAccount'], path: 'secrets', writer: 'the token controller (Kubernetes before 1.24)' },
  { group: '', kinds: ['PersistentVolumeClaim'], path: 'spec.volumeName', writer: 'the persistent volume controller, binding the claim' },
  { group: '', kinds: ['PersistentVolumeClaim'], path: 'spec.storageClassName', writer: 'the DefaultStorageClass admission plugin' },
  { group: '', kinds: ['PersistentVolumeClaim'], path: 'metadata.annotations["pv.kubernetes.io/bind-completed"]', writer: 'the persistent volume controller' },
  { group: '', kinds: ['PersistentVolumeClaim'], path: 'metadata.annotations["pv.kubernetes.io/bound-by-controller"]', writer: 'the persistent volume controller' },
  { group: '', kinds: ['PersistentVolumeClaim'], path: 'metadata.annotations["volume.beta.kubernetes.io/storage-provisioner"]', writer: 'the persistent volume controller' },
  { group: '', kinds: ['PersistentVolumeClaim'], path: 'metadata.annotations["volume.kubernetes.io/storage-provisioner"]', writer: 'the persistent volume controller' },
  { group: '', kinds: ['PersistentVolumeClaim'], path: 'metadata.annotations["volume.kubernetes.io/selected-node"]', writer: 'the scheduler (WaitForFirstConsumer binding)' },
  { group: '', kinds: ['Pod'], path: 'spec.nodeName', writer: 'the scheduler' },
  { group: 'batch', kinds: ['Job'], path: 'spec.selector', writer: "the API server's Job strategy, from the Job's uid" },
  { group: 'batch', kinds: ['Job'], path: 'spec.template.metadata.labels["controller-uid"]', writer: "the API server's Job strategy" },
  { group: 'batch', kinds: ['Job'], path: 'spec.template.metadata.labels["batch.kubernetes.io/controller-uid"]', writer: "the API server's Job strategy" },
  { group: 'batch', kinds: ['Job'], path: 'spec.template.metadata.labels["job-name"]', writer: "the API server's Job strategy" },
  { group: 'batch', kinds: ['Job'], path: 'spec.template.metadata.labels["batch.kubernetes.io/job-name"]', writer: "the API server's Job strategy" },
].map((row) => Object.freeze({ ...row, kinds: Object.freeze(row.kinds) })));

/** The parsed patterns, by `group/kind`, built once. */
let byKind: Map<string, (readonly PathSegment[])[]> | undefined;

/**
 * The patterns of {@link WEBHOOK_WRITTEN_FIELDS} for objects of `apiVersion`/`kind`, or
 * `undefined` when there are none (most kinds).
 * @internal
 */
export function webhookWrittenPatterns(apiVersion: string | undefined, kind: string | undefined): readonly (readonly PathSegment[])[] | undefined {
  if (apiVersion === undefined || kind === undefined) return undefined;
  if (byKind === undefined) {
    byKind = new Map();
    for (const row of WEBHOOK_WRITTEN_FIELDS) {
      for (const rowKind of row.kinds) {
        const key = `${row.group}/${rowKind}`;
        byKind.set(key, [...(byKind.get(key) ?? []), parseKubernetesPath(row.path)]);
      }
    }
  }
  // The same kind as the call before (the usual case): no key to build.
  if (apiVersion === last.apiVersion && kind === last.kind) return last.patterns;
  const slash = apiVersion.lastIndexOf('/');
  const patterns = byKind.get(`${slash < 0 ? '' : apiVersion.slice(0, slash)}/${kind}`);
  last = { apiVersion, kind, patterns };
  return patterns;
}

let last: { apiVersion?: string; kind?: string; patterns?: readonly (readonly PathSegment[])[] | undefined } = {};

/** Whether `path` (a walk's path, without wildcards) matches one of `patterns` (fields, `*`, `[*]` only). @internal */
export function matchesWebhookWritten(patterns: readonly (readonly PathSegment[])[], path: readonly PathSegment[]): boolean {
  return patterns.some(
    (pattern) =>
      pattern.length === path.length &&
      pattern.every((step, i) => step.type === 'any' || (step.type === 'field' && path[i]!.type === 'field' && (path[i] as { name: string }).name === step.name)),
  );
}
