import type { PathSegment } from './kubernetesPath.js';
import type { IgnoredBy } from './SemanticChange.js';

/**
 * Ignore rules ready for matching: path patterns, and JSON Pointers split into tokens, each with
 * the rule it comes from (`patternBy`, `pointerBy`; the first of several matching rules is the one
 * reported) and, for a pointer, the side it names (`pointerSide`, default both: a pointer found by
 * evaluating an Argo CD rule on one object names a position in that object only). @internal
 */
export interface CompiledRules {
  readonly patterns: readonly (readonly PathSegment[])[];
  readonly pointers: readonly (readonly string[])[];
  readonly patternBy?: readonly RuleRef[];
  readonly pointerBy?: readonly RuleRef[];
  readonly pointerSide?: readonly ('from' | 'to' | 'both')[];
}

/** Where a compiled rule comes from: its rank (lower is reported first) and the rule. @internal */
export interface RuleRef {
  readonly rank: number;
  readonly by: IgnoredBy;
}

const MAX_FIELD_STATES = 64;

/**
 * How far each ignore rule has matched the path to one node of the walk, so that a node's state
 * comes from its parent's in one step instead of matching every rule against the whole path (and
 * formatting two JSON Pointers) at every node. Once no rule can match any more, the state is
 * {@link IgnoreState.NONE} and the walk below costs nothing. A pattern is matched as an NFA
 * (`**` may stay or move on); a pointer matches the old or the new side's tokens, each side
 * advancing only when the node has a token on it (an element absent on one side has none).
 * @internal
 */
export class IgnoreState {
  static readonly NONE = new IgnoreState({ patterns: [], pointers: [] }, [], [], []);

  /** Whether a rule matches this node. */
  readonly matched: boolean;

  /**
   * `patterns`: pairs (rule, position) of steps still to match, closed over `**` matching nothing;
   * `from`/`to`: pairs (rule, tokens matched) of the pointer rules on each side.
   */
  private constructor(
    private readonly rules: CompiledRules,
    private readonly patterns: readonly number[],
    private readonly from: readonly number[],
    private readonly to: readonly number[],
  ) {
    this.matched = this.patternDone() || this.pointerDone(from) || this.pointerDone(to);
  }

  /** The state at the root of the walk (which itself is never ignored). */
  static start(rules: CompiledRules): IgnoreState {
    const patterns: number[] = [];
    rules.patterns.forEach((_, r) => addClosed(rules, patterns, r, 0));
    const side = rules.pointerSide;
    const from = rules.pointers.flatMap((_, r) => (side?.[r] === 'to' ? [] : [r, 0]));
    const to = rules.pointers.flatMap((_, r) => (side?.[r] === 'from' ? [] : [r, 0]));
    return patterns.length === 0 && from.length === 0 && to.length === 0 ? IgnoreState.NONE : new IgnoreState(rules, patterns, from, to);
  }

  /** The rule that matches this node (the first by rank when several do), when one does and says where it comes from. */
  matchedBy(): IgnoredBy | undefined {
    if (!this.matched) return undefined;
    let best: RuleRef | undefined;
    const consider = (ref: RuleRef | undefined) => {
      if (ref !== undefined && (best === undefined || ref.rank < best.rank)) best = ref;
    };
    for (let i = 0; i < this.patterns.length; i += 2) {
      const r = this.patterns[i]!;
      if (this.patterns[i + 1] === this.rules.patterns[r]!.length) consider(this.rules.patternBy?.[r]);
    }
    for (const pairs of [this.from, this.to]) {
      for (let i = 0; i < pairs.length; i += 2) {
        const r = pairs[i]!;
        if (pairs[i + 1] === this.rules.pointers[r]!.length) consider(this.rules.pointerBy?.[r]);
      }
    }
    return best?.by;
  }

  /**
   * The state of the child `at` (whose last path step is asked only while a pattern is live),
   * which adds `fromToken`/`toToken` to the JSON Pointer of each side (`undefined`: that side's stays).
   */
  next(at: { segment(): PathSegment }, fromToken: string | number | undefined, toToken: string | number | undefined): IgnoreState {
    if (this === IgnoreState.NONE) return this;
    // Without pointer rules, the state of a field child depends on the field's name alone: kept,
    // so that the top levels of every object (where the built-in rules live) cost a lookup.
    const byName = this.from.length === 0 && this.to.length === 0 && typeof fromToken === 'string' && fromToken === toToken;
    if (byName) {
      const known = this.fieldStates?.get(fromToken);
      if (known !== undefined) return known;
    }
    const state = this.step(at, fromToken, toToken);
    if (byName && (this.fieldStates ??= new Map()).size < MAX_FIELD_STATES) this.fieldStates.set(fromToken, state);
    return state;
  }

  /** The states of field children already worked out, by field name (at most {@link MAX_FIELD_STATES}: map keys are unbounded). */
  private fieldStates: Map<string, IgnoreState> | undefined;

  private step(at: { segment(): PathSegment }, fromToken: string | number | undefined, toToken: string | number | undefined): IgnoreState {
    const patterns: number[] = [];
    if (this.patterns.length > 0) {
      const step = at.segment();
      for (let i = 0; i < this.patterns.length; i += 2) {
        const r = this.patterns[i]!;
        const p = this.patterns[i + 1]!;
        const want = this.rules.patterns[r]![p];
        if (want === undefined) continue;
        if (want.type === 'any-depth') addClosed(this.rules, patterns, r, p);
        else if (matchStep(want, step)) addClosed(this.rules, patterns, r, p + 1);
      }
    }
    const from = fromToken === undefined || this.from.length === 0 ? this.from : this.advance(this.from, String(fromToken));
    const to = toToken === undefined || this.to.length === 0 ? this.to : this.advance(this.to, String(toToken));
    if (patterns.length === 0 && from.length === 0 && to.length === 0) return IgnoreState.NONE;
    return new IgnoreState(this.rules, patterns, from, to);
  }

  private advance(pairs: readonly number[], token: string): number[] {
    const out: number[] = [];
    for (let i = 0; i < pairs.length; i += 2) {
      const r = pairs[i]!;
      const k = pairs[i + 1]!;
      if (this.rules.pointers[r]![k] === token) out.push(r, k + 1);
    }
    return out;
  }

  private patternDone(): boolean {
    for (let i = 0; i < this.patterns.length; i += 2) {
      if (this.patterns[i + 1] === this.rules.patterns[this.patterns[i]!]!.length) return true;
    }
    return false;
  }

  private pointerDone(pairs: readonly number[]): boolean {
    for (let i = 0; i < pairs.length; i += 2) if (pairs[i + 1] === this.rules.pointers[pairs[i]!]!.length) return true;
    return false;
  }
}

/** Adds position `p` of pattern `r`, and the positions after the `**` steps that may match nothing. */
function addClosed(rules: CompiledRules, pairs: number[], r: number, p: number): void {
  const pattern = rules.patterns[r]!;
  for (;;) {
    let seen = false;
    for (let i = 0; i < pairs.length && !seen; i += 2) seen = pairs[i] === r && pairs[i + 1] === p;
    if (!seen) pairs.push(r, p);
    if (pattern[p]?.type !== 'any-depth') return;
    p++;
  }
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
