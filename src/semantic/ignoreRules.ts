import { InvalidDocumentError } from '../errors/InvalidDocumentError.js';
import { parseJsonPointer } from '../json/pointer.js';
import { IgnoreState, type RuleRef } from './IgnoreState.js';
import { parseKubernetesPath, type PathSegment } from './kubernetesPath.js';
import type { IgnoredBy } from './SemanticChange.js';
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
 * Ignore rules from elsewhere than `options.ignore`, already resolved for the two objects: Argo CD's
 * (`ignoreDifferences` evaluated on each object, `resource.compareoptions`). @internal
 */
export interface ExtraIgnoreRules {
  /** Path patterns, matched on either side. */
  readonly patterns?: readonly { readonly pattern: readonly PathSegment[]; readonly by: IgnoredBy }[];
  /** JSON Pointers into the old (`from`) or the new (`to`) object, or both. */
  readonly pointers?: readonly { readonly pointer: string; readonly side: 'from' | 'to' | 'both'; readonly by: IgnoredBy }[];
}

/**
 * Compiles the caller's rules that apply to an object of kind `kind`, the `extra` rules and the
 * built-in ignored fields (when `builtIn`; those of `skip` left out) into the ignore state at the
 * root of the walk, in that order of precedence (the first matching rule is the one a change names).
 * A string starting with `/` is a JSON Pointer (`""`, the whole object, is refused: ignoring
 * everything is surely a mistake).
 * @internal
 */
export function compileIgnoreRules(
  rules: readonly IgnoreRule[], builtIn: boolean, kind: string | undefined,
  extra: ExtraIgnoreRules = {}, skip: ReadonlySet<string> = new Set(),
): IgnoreState {
  // The usual call has no rules of its own: its state depends on `builtIn` alone, and is kept.
  const usual = rules.length === 0 && (extra.patterns?.length ?? 0) === 0 && (extra.pointers?.length ?? 0) === 0 && skip.size === 0;
  if (usual) return (usualStates[builtIn ? 1 : 0] ??= compileRules([], builtIn, kind, {}, skip));
  return compileRules(rules, builtIn, kind, extra, skip);
}

/** The states of calls without rules of their own, without and with the built-in ignored fields (states never change). */
const usualStates: (IgnoreState | undefined)[] = [undefined, undefined];

function compileRules(
  rules: readonly IgnoreRule[], builtIn: boolean, kind: string | undefined, extra: ExtraIgnoreRules, skip: ReadonlySet<string>,
): IgnoreState {
  const patterns: (readonly PathSegment[])[] = [];
  const patternBy: RuleRef[] = [];
  const pointers: (readonly string[])[] = [];
  const pointerBy: RuleRef[] = [];
  const pointerSide: ('from' | 'to' | 'both')[] = [];
  let rank = 0;
  rules.forEach((rule, i) => {
    const input = `options.ignore[${i}]`;
    const text = typeof rule === 'string' ? rule : rule?.path;
    const ruleKind = typeof rule === 'string' ? undefined : rule?.kind;
    if (typeof text !== 'string' || (ruleKind !== undefined && typeof ruleKind !== 'string')) {
      throw new InvalidDocumentError(`${input}: an ignore rule is a string or { kind?: string, path: string }`, { input });
    }
    if (ruleKind !== undefined && ruleKind !== kind) return;
    const ref = { rank: rank++, by: { source: 'option', index: i, rule: text } } as const;
    if (text.startsWith('/')) {
      pointers.push(parseJsonPointer(text));
      pointerBy.push(ref);
      pointerSide.push('both');
    } else {
      patterns.push(parseKubernetesPath(text, input));
      patternBy.push(ref);
    }
  });
  for (const { pattern, by } of extra.patterns ?? []) {
    patterns.push(pattern);
    patternBy.push({ rank: rank++, by });
  }
  for (const { pointer, side, by } of extra.pointers ?? []) {
    pointers.push(parseJsonPointer(pointer));
    pointerBy.push({ rank: rank++, by });
    pointerSide.push(side);
  }
  if (builtIn) {
    builtInPatterns ??= IGNORED_FIELDS.map((p) => parseKubernetesPath(p));
    builtInPatterns.forEach((pattern, i) => {
      if (skip.has(IGNORED_FIELDS[i]!)) return;
      patterns.push(pattern);
      patternBy.push({ rank: rank++, by: { source: 'defaults', index: i, rule: IGNORED_FIELDS[i]! } });
    });
  }
  return IgnoreState.start({ patterns, pointers, patternBy, pointerBy, pointerSide });
}
