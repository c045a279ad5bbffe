import { InvalidDocumentError } from '../errors/InvalidDocumentError.js';
import { readTypeMeta, type GroupVersionKind, type TypeMeta } from './GroupVersionKind.js';
import { PATCH_CONTENT_TYPES } from './PatchType.js';
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
 * do not name a kind (no string `apiVersion` and `kind`).
 *
 * @example
 * ```ts
 * patchTypeFor({ apiVersion: 'apps/v1', kind: 'Deployment' }).type; // 'strategic'
 * patchTypeFor('v1', 'ConfigMap').contentType; // 'application/strategic-merge-patch+json'
 * patchTypeFor({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout' });
 * // { type: 'merge', contentType: 'application/merge-patch+json',
 * //   reason: 'argoproj.io/v1alpha1 Rollout is not a built-in kind of Kubernetes 1.33 …' }
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
