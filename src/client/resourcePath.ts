import { InvalidDocumentError } from 'kubepatch';
import type { ObjectReference, ObjectTarget } from './ObjectReference.js';

/** Kinds whose plural is not the English plural of the lower-cased kind. */
const IRREGULAR_PLURALS: Readonly<Record<string, string>> = { endpoints: 'endpoints' };

/** The resource name of a kind: `ReplicaSet` → `replicasets`, `Ingress` → `ingresses`, `NetworkPolicy` → `networkpolicies`. */
export function guessPlural(kind: string): string {
  const lower = kind.toLowerCase();
  const irregular = IRREGULAR_PLURALS[lower];
  if (irregular !== undefined) return irregular;
  if (/(s|x|z|ch|sh)$/.test(lower)) return `${lower}es`;
  if (/[^aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ies`;
  return `${lower}s`;
}

/** The reference a target names; throws InvalidDocumentError when it names none. */
export function referenceOf(target: ObjectTarget, input: string): ObjectReference {
  const record = target as Partial<ObjectReference> & { metadata?: { name?: unknown; namespace?: unknown } };
  const metadata = typeof record.metadata === 'object' && record.metadata !== null ? record.metadata : undefined;
  const name = typeof record.name === 'string' ? record.name : metadata?.name;
  const namespace = typeof record.namespace === 'string' ? record.namespace : metadata?.namespace;
  const { apiVersion, kind } = record;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string' || typeof name !== 'string' || name === '' || apiVersion === '' || kind === '') {
    throw new InvalidDocumentError(`${input} does not name an object: it needs a string apiVersion, kind and name (metadata.name)`, { input });
  }
  if (namespace !== undefined && (typeof namespace !== 'string' || namespace === '')) {
    throw new InvalidDocumentError(`${input} has an invalid namespace: ${JSON.stringify(namespace)}`, { input, path: '/metadata/namespace' });
  }
  return namespace === undefined ? { apiVersion, kind, name } : { apiVersion, kind, name, namespace };
}

/** The subresources kubepatch/client writes: the status of an object. */
export type Subresource = 'status';

/**
 * The URL path of an object: `/apis/apps/v1/namespaces/shop/replicasets/web` or `/api/v1/…` for
 * the core group; without `name`, the collection; with `subresource`, the object's subresource
 * (`…/replicasets/web/status`).
 */
export function resourcePath(
  ref: Omit<ObjectReference, 'name'> & { readonly name?: string },
  plural?: string,
  subresource?: Subresource,
): string {
  const segment = encodeURIComponent;
  const base = ref.apiVersion.includes('/') ? `/apis/${ref.apiVersion}` : `/api/${ref.apiVersion}`;
  const scope = ref.namespace === undefined ? '' : `/namespaces/${segment(ref.namespace)}`;
  const collection = `${base}${scope}/${segment(plural ?? guessPlural(ref.kind))}`;
  if (ref.name === undefined) return collection;
  return `${collection}/${segment(ref.name)}${subresourceSegment(subresource)}`;
}

/** `/status`, or nothing for the main resource; a RangeError for any other value (from JavaScript). */
function subresourceSegment(subresource: unknown): string {
  if (subresource === undefined) return '';
  if (subresource !== 'status') {
    throw new RangeError(`kubepatch/client: subresource must be 'status' (or absent for the object itself), not ${JSON.stringify(subresource)}`);
  }
  return `/${subresource}`;
}
