import { InvalidDocumentError } from '../errors/InvalidDocumentError.js';
import { readTypeMeta, type GroupVersionKind, type TypeMeta } from './GroupVersionKind.js';
import { PATCH_CONTENT_TYPES } from './PatchType.js';
import { removedApiVersion } from './removedApiVersions.js';
import { isBuiltinKind } from './schemaFor.js';

/**
 * The patch format to send for a kind, what `kubectl apply` chooses: see {@link patchTypeFor}.
 *
 * @example
 * ```ts
 * const choice: PatchTypeChoice = { type: 'merge', contentType: 'application/merge-patch+json', reason: '…' };
 * ```
 * @public
 */
export interface PatchTypeChoice {
  /** `'strategic'` for built-in kinds, `'merge'` for everything else. */
  readonly type: 'strategic' | 'merge';
  /** The `Content-Type` of the PATCH request. */
  readonly contentType: (typeof PATCH_CONTENT_TYPES)['strategic' | 'merge'];
  /** Why, in a sentence fit for a log line or a CLI message. */
  readonly reason: string;
}

/**
 * Which patch to send for an object, as `kubectl apply` decides: a strategic merge patch for the
 * built-in kinds of Kubernetes 1.33 (those in k8s.io/api), a JSON merge patch for
 * everything else. The API server answers a strategic merge patch to a custom resource (an Argo
 * `Rollout`, say) with 415 Unsupported Media Type: custom resources have no Go types to carry
 * patch strategies. kubectl makes the same choice when the kind's OpenAPI does not list the
 * strategic content type for PATCH. The few kinds the server defines outside k8s.io/api
 * (`apiextensions.k8s.io` CustomResourceDefinition, `apiregistration.k8s.io` APIService) would
 * take a strategic merge patch, but kubepatch has no schema for them, so they get the merge patch,
 * which is always accepted.
 *
 * Takes the same arguments as {@link schemaFor}: `apiVersion` and `kind`, a manifest, or a
 * {@link GroupVersionKind}. Throws {@link InvalidDocumentError} (`INVALID_DOCUMENT`) when they
 * do not name a kind (no string `apiVersion` and `kind`), and (path `/apiVersion`) when they name
 * a built-in kind under a group version that Kubernetes 1.33 no longer serves, such as
 * `apps/v1beta2`, `extensions/v1beta1` or `policy/v1beta1`: the API server answers any request for
 * it with 404 Not Found, whatever the patch format, so no choice would be right. The message names
 * the release that removed it and the served apiVersion to convert to (`apps/v1` for an
 * `extensions/v1beta1` Deployment), or says that the kind itself is gone (PodSecurityPolicy).
 * {@link schemaFor} still answers for these kinds, to read and diff old manifests.
 *
 * @example
 * ```ts
 * patchTypeFor({ apiVersion: 'apps/v1', kind: 'Deployment' }).type; // 'strategic'
 * patchTypeFor('v1', 'ConfigMap').contentType; // 'application/strategic-merge-patch+json'
 * patchTypeFor({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout' });
 * // { type: 'merge', contentType: 'application/merge-patch+json',
 * //   reason: 'argoproj.io/v1alpha1 Rollout is not a built-in kind of Kubernetes 1.33 …' }
 * patchTypeFor('extensions/v1beta1', 'Deployment');
 * // throws InvalidDocumentError INVALID_DOCUMENT: '… removed in 1.22 … convert the object to apps/v1 …'
 * ```
 * @public
 */
export function patchTypeFor<T extends TypeMeta | GroupVersionKind>(
  ...args: [apiVersion: string, kind: string] | [object: T]
): PatchTypeChoice {
  const typeMeta = readTypeMeta(args);
  if (typeMeta === undefined) {
    const message = 'cannot choose a patch type: the object needs a string apiVersion and kind';
    throw new InvalidDocumentError(message, { input: 'object' });
  }
  const name = `${typeMeta.apiVersion} ${typeMeta.kind}`;
  const removed = removedApiVersion(typeMeta);
  if (removed !== undefined) {
    const instead =
      removed.servedAs.length > 0
        ? `convert the object to ${removed.servedAs.join(' or ')} (the \`kubectl convert\` plugin does) and patch that`
        : `no served version has a ${typeMeta.kind}: the kind itself was removed`;
    throw new InvalidDocumentError(
      `${name} is not served by Kubernetes 1.33: ${typeMeta.apiVersion} was removed in ${removed.removedIn}, and the API server answers 404 Not Found for it; ${instead}`,
      { input: 'object', path: '/apiVersion' },
    );
  }
  if (isBuiltinKind(typeMeta)) {
    return {
      type: 'strategic',
      contentType: PATCH_CONTENT_TYPES.strategic,
      reason:
        `${name} is a built-in Kubernetes kind, so the API server accepts a strategic merge patch, ` +
        'which merges lists such as containers by key',
    };
  }
  return {
    type: 'merge',
    contentType: PATCH_CONTENT_TYPES.merge,
    reason:
      `${name} is not a built-in kind of Kubernetes 1.33 (k8s.io/api), so there are no patch strategies for it: ` +
      'send a JSON merge patch, which every kind accepts; the API server refuses a strategic merge patch to a custom resource ' +
      '(415 Unsupported Media Type)',
  };
}
