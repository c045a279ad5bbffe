import type { JsonValue } from '../json/JsonValue.js';
import { isJsonObject, jsonKeys, setOwn } from '../json/ownProperty.js';
import type { PathSegment } from './kubernetesPath.js';
import type { SemanticChange } from './SemanticChange.js';

/**
 * The masks of Secret values, as `kubectl diff` writes them (its `Masker`, pkg/cmd/diff): a value
 * present on one side only, or the same on both, is `***`; a changed value is `*** (before)` in
 * `from` and `*** (after)` in `to`, so equal values stay equal and changed ones visibly change
 * without showing what they hold.
 *
 * @example
 * ```ts
 * SECRET_MASK.before; // '*** (before)'
 * ```
 * @public
 */
export const SECRET_MASK = Object.freeze({ value: '***', before: '*** (before)', after: '*** (after)' });

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * Whether the value at `path` in a Secret is secret: a value of `data` or `stringData`, or the
 * last-applied annotation, which holds the applied `data` in clear (Argo CD masks it too).
 */
function isSecretLeaf(path: readonly PathSegment[]): boolean {
  const [first, second, third] = path;
  if (first?.type !== 'field') return false;
  if (first.name === 'data' || first.name === 'stringData') return path.length === 2;
  return (
    path.length === 3 && first.name === 'metadata' &&
    second?.type === 'field' && second.name === 'annotations' && third?.type === 'field' && third.name === LAST_APPLIED
  );
}

/** `value` (found at `path`) with every secret leaf inside it replaced by `mask`. */
function maskInside(value: JsonValue, path: readonly PathSegment[], mask: string): JsonValue {
  if (isSecretLeaf(path)) return mask;
  if (!isJsonObject(value) || path.length > 2) return value;
  const copy: { [key: string]: JsonValue } = {};
  for (const key of jsonKeys(value)) setOwn(copy, key, maskInside(value[key]!, [...path, { type: 'field', name: key }], mask));
  return copy;
}

/**
 * The change with its Secret values masked (`path` is where it is). A change to a secret value
 * itself gets the before/after masks; secret values inside a larger added, removed or changed
 * value are `***`.
 * @internal
 */
export function maskSecretChange(change: SemanticChange, path: readonly PathSegment[]): SemanticChange {
  const leaf = isSecretLeaf(path);
  const changed = change.kind === 'changed';
  const masked: { -readonly [K in keyof SemanticChange]: SemanticChange[K] } = { ...change };
  if (change.from !== undefined) masked.from = maskInside(change.from, path, leaf && changed ? SECRET_MASK.before : SECRET_MASK.value);
  if (change.to !== undefined) masked.to = maskInside(change.to, path, leaf && changed ? SECRET_MASK.after : SECRET_MASK.value);
  return masked;
}
