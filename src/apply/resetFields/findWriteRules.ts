import { InvalidDocumentError } from '../../errors/InvalidDocumentError.js';
import { customResourceKind } from './customResourceKind.js';
import type { StatusSubresourceKind, WriteRules } from './ResetRules.js';
import { builtinStatusKind } from './statusSubresourceKinds.js';

/**
 * Which endpoint a write goes to: the kind (by apiVersion and kind), the subresource (absent or
 * `''` for the resource itself) and, for a custom resource, its CustomResourceDefinition.
 * @public
 */
export interface WriteTarget {
  /** The apiVersion of the request: `apps/v1`, `v1`, `argoproj.io/v1alpha1`. */
  readonly apiVersion: string;
  readonly kind: string;
  /** `'status'`, or another subresource the kind's entry models; absent for the resource itself. */
  readonly subresource?: string;
  /** The CustomResourceDefinition of a custom resource (apiextensions.k8s.io v1 or v1beta1). */
  readonly crd?: object;
}

/** What {@link findWriteRules} finds. @internal */
export interface FoundRules {
  readonly apiVersion: string;
  /** The kind's entry; `undefined` for a kind with no status subresource (and no CRD given). */
  readonly entry: StatusSubresourceKind | undefined;
  /** The endpoint's rules; `undefined` when the kind has none (the main resource of such a kind). */
  readonly rules: WriteRules | undefined;
}

/**
 * The rules of the endpoint `target` names. A subresource the kind does not have, or one these
 * rules do not model (`scale`, `binding`, …), throws `InvalidDocumentError` (`input: 'options'`);
 * so do a missing apiVersion or kind. A CRD that does not define the kind throws
 * `InvalidSchemaError` (`input: 'crd'`).
 * @internal
 */
export function findWriteRules(target: WriteTarget): FoundRules {
  const { apiVersion, kind, subresource, crd } = target;
  if (typeof apiVersion !== 'string' || apiVersion === '' || typeof kind !== 'string' || kind === '') {
    throw new InvalidDocumentError('apiVersion and kind must be non-empty strings', { input: 'options' });
  }
  const slash = apiVersion.lastIndexOf('/');
  const group = slash === -1 ? '' : apiVersion.slice(0, slash);
  const version = apiVersion.slice(slash + 1);
  const entry = crd !== undefined ? customResourceKind(crd, group, version, kind) : builtinStatusKind(group, kind);
  if (subresource === undefined || subresource === '') return { apiVersion, entry, rules: entry?.main };
  if (entry !== undefined && Object.prototype.hasOwnProperty.call(entry.subresources, subresource)) {
    return { apiVersion, entry, rules: entry.subresources[subresource] };
  }
  throw new InvalidDocumentError(noSuchSubresource(entry, apiVersion, kind, subresource, crd !== undefined), { input: 'options' });
}

function noSuchSubresource(entry: StatusSubresourceKind | undefined, apiVersion: string, kind: string, subresource: string, hasCrd: boolean): string {
  const what = `${kind} ${apiVersion}`;
  if (entry?.unmodelled?.includes(subresource)) {
    return `the ${JSON.stringify(subresource)} subresource of ${what} is not modelled: it takes another kind or is not a write of the ${kind}`;
  }
  if (entry === undefined) {
    const hint = hasCrd ? '' : ' (it is no built-in kind with a status subresource; for a custom resource pass its CRD as crd)';
    return `${what} has no ${JSON.stringify(subresource)} subresource${hint}`;
  }
  const has = Object.keys(entry.subresources);
  return `${what} has no ${JSON.stringify(subresource)} subresource; its modelled subresources: ${has.length === 0 ? 'none' : has.join(', ')}`;
}
