import { InvalidDocumentError } from '../errors/InvalidDocumentError.js';
import { formatJsonPointer, parseJsonPointer } from '../json/pointer.js';
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

/** A compiled ignore rule: a pattern over path segments, or an exact JSON Pointer. */
type CompiledRule =
  | { readonly kind?: string; readonly pattern: readonly PathSegment[] }
  | { readonly kind?: string; readonly pointer: string };

/** Matches nodes of the walk against the built-in and caller-given ignore rules. @internal */
export class IgnoreMatcher {
  private constructor(private readonly rules: readonly CompiledRule[]) {}

  /**
   * Compiles the rules that apply to an object of kind `kind`. A string starting with `/` is a
   * JSON Pointer (`""`, the whole object, is refused: ignoring everything is surely a mistake).
   */
  static compile(rules: readonly IgnoreRule[], builtIn: boolean, kind: string | undefined): IgnoreMatcher {
    const compiled: CompiledRule[] = builtIn ? IGNORED_FIELDS.map((p) => ({ pattern: parseKubernetesPath(p) })) : [];
    rules.forEach((rule, i) => {
      const input = `options.ignore[${i}]`;
      const text = typeof rule === 'string' ? rule : rule?.path;
      const ruleKind = typeof rule === 'string' ? undefined : rule.kind;
      if (typeof text !== 'string' || (ruleKind !== undefined && typeof ruleKind !== 'string')) {
        throw new InvalidDocumentError(`${input}: an ignore rule is a string or { kind?: string, path: string }`, { input });
      }
      if (ruleKind !== undefined && ruleKind !== kind) return;
      if (text.startsWith('/')) {
        // Parsed only to reject a malformed pointer early; stored in its canonical form.
        compiled.push({ pointer: formatJsonPointer(parseJsonPointer(text)) });
      } else {
        compiled.push({ pattern: parseKubernetesPath(text, input) });
      }
    });
    return new IgnoreMatcher(compiled);
  }

  /** Whether the node at `segments`, found at `pointers` (old side, new side) is ignored. */
  matches(segments: readonly PathSegment[], pointers: readonly (string | undefined)[]): boolean {
    for (const rule of this.rules) {
      if ('pointer' in rule ? pointers.includes(rule.pointer) : matchPattern(rule.pattern, 0, segments, 0)) return true;
    }
    return false;
  }
}

function matchPattern(pattern: readonly PathSegment[], p: number, path: readonly PathSegment[], s: number): boolean {
  if (p === pattern.length) return s === path.length;
  const step = pattern[p]!;
  if (step.type === 'any-depth') {
    for (let k = s; k <= path.length; k++) if (matchPattern(pattern, p + 1, path, k)) return true;
    return false;
  }
  if (s === path.length || !matchStep(step, path[s]!)) return false;
  return matchPattern(pattern, p + 1, path, s + 1);
}

function matchStep(step: PathSegment, actual: PathSegment): boolean {
  switch (step.type) {
    case 'any':
      return true;
    case 'field':
      return actual.type === 'field' && actual.name === step.name;
    case 'index':
      return (actual.type === 'index' || actual.type === 'key') && actual.index === step.index;
    case 'key':
      return (
        actual.type === 'key' &&
        step.keys.every(([name, value]) => actual.keys.some(([k, v]) => k === name && v === value))
      );
    default:
      return false;
  }
}
