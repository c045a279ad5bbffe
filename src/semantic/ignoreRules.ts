import { InvalidDocumentError } from '../errors/InvalidDocumentError.js';
import { parseJsonPointer } from '../json/pointer.js';
import { IgnoreState } from './IgnoreState.js';
import { parseKubernetesPath, type PathSegment } from './kubernetesPath.js';
import type { IgnoreRule } from './SemanticDiffOptions.js';

/**
 * The fields the `ignoredFields` normalization leaves out: what the API server writes and a
 * manifest never means to set. `status` is what Argo CD ignores by default
 * (`ignoreResourceStatusField: all`); the metadata fields are the ones `kubectl diff` and dyff's
 * `purgeWellKnownMetadataEntries` drop.
 *
 * @example
 * ```ts
 * IGNORED_FIELDS.includes('metadata.managedFields'); // true
 * ```
 * @public
 */
export const IGNORED_FIELDS: readonly string[] = Object.freeze([
  'status',
  'metadata.managedFields',
  'metadata.resourceVersion',
  'metadata.generation',
  'metadata.uid',
  'metadata.creationTimestamp',
  'metadata.annotations["kubectl.kubernetes.io/last-applied-configuration"]',
]);

/** {@link IGNORED_FIELDS} parsed, once. */
let builtInPatterns: readonly (readonly PathSegment[])[] | undefined;

/**
 * Compiles the built-in ignored fields (when `builtIn`) and the caller's rules that apply to an
 * object of kind `kind` into the ignore state at the root of the walk. A string starting with `/`
 * is a JSON Pointer (`""`, the whole object, is refused: ignoring everything is surely a mistake).
 * @internal
 */
export function compileIgnoreRules(rules: readonly IgnoreRule[], builtIn: boolean, kind: string | undefined): IgnoreState {
  const patterns: (readonly PathSegment[])[] = builtIn ? [...(builtInPatterns ??= IGNORED_FIELDS.map((p) => parseKubernetesPath(p)))] : [];
  const pointers: (readonly string[])[] = [];
  rules.forEach((rule, i) => {
    const input = `options.ignore[${i}]`;
    const text = typeof rule === 'string' ? rule : rule?.path;
    const ruleKind = typeof rule === 'string' ? undefined : rule?.kind;
    if (typeof text !== 'string' || (ruleKind !== undefined && typeof ruleKind !== 'string')) {
      throw new InvalidDocumentError(`${input}: an ignore rule is a string or { kind?: string, path: string }`, { input });
    }
    if (ruleKind !== undefined && ruleKind !== kind) return;
    if (text.startsWith('/')) pointers.push(parseJsonPointer(text));
    else patterns.push(parseKubernetesPath(text, input));
  });
  return IgnoreState.start({ patterns, pointers });
}
