import { jsonEqual } from '../json/jsonEqual.js';
import type { JsonObject, JsonValue } from '../json/JsonValue.js';
import { getOwn, isJsonObject, jsonKeys, setOwn } from '../json/ownProperty.js';
import { formatJsonPointer } from '../json/pointer.js';
import type { PatchSchema } from '../schema/PatchSchema.js';
import type { PatchMeta } from '../schema/SchemaTable.js';
import { compareLists } from './compareLists.js';
import { emptyEqualsAbsent } from './emptyEqualsAbsent.js';
import type { IgnoreMatcher } from './ignoreRules.js';
import { isRealChange } from './isRealChange.js';
import { formatKubernetesPath, type PathSegment } from './kubernetesPath.js';
import { isQuantityField, sameQuantity } from './quantityEquivalence.js';
import { maskSecretChange } from './secretMask.js';
import type { EqualBecause, SemanticChange } from './SemanticChange.js';
import type { ResolvedNormalize } from './SemanticDiffOptions.js';

/**
 * Where the walk is: the Kubernetes-style path, the JSON Pointer tokens on each side (a keyed list
 * element can sit at different positions), the schema of the value, and the schema of the object
 * or list holding it with the member's name and patch metadata.
 * @internal
 */
export interface WalkNode {
  readonly segments: readonly PathSegment[];
  readonly from: readonly string[];
  readonly to: readonly string[];
  readonly schema: PatchSchema | undefined;
  readonly parent: PatchSchema | undefined;
  readonly key: string;
  readonly meta: PatchMeta | undefined;
}

/** What the walk needs besides the two documents. @internal */
export interface WalkSettings {
  readonly normalize: ResolvedNormalize;
  readonly ignore: IgnoreMatcher;
  /** Keys the server defaults filled in, by the (copied) object holding them, per side. */
  readonly filledFrom: ReadonlyMap<object, ReadonlySet<string>>;
  readonly filledTo: ReadonlyMap<object, ReadonlySet<string>>;
  /** The objects are `v1` Secrets: mask `data` and `stringData` values. */
  readonly secret: boolean;
}

/** Whether the node is an object member (a list element absent on one side is never "empty"). */
function isField(node: WalkNode): boolean {
  return node.segments[node.segments.length - 1]?.type === 'field';
}

/**
 * `value` without the fields the server defaults filled in: a change shows what each side says,
 * not what the comparison assumed (an added container is shown as written).
 */
function withoutFilled(value: JsonValue, filled: ReadonlyMap<object, ReadonlySet<string>>): JsonValue {
  if (filled.size === 0 || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => withoutFilled(item, filled));
  const skip = filled.get(value);
  const copy: JsonObject = {};
  for (const key of jsonKeys(value)) if (!skip?.has(key)) setOwn(copy, key, withoutFilled(value[key]!, filled));
  return copy;
}

type MutableChange = { -readonly [K in keyof SemanticChange]: SemanticChange[K] };

/**
 * Compares two documents that have been through the server defaults, depth first, and collects
 * the changes in document order (the new object's member order, then members only the old one has).
 * @internal
 */
export class SemanticWalker {
  constructor(readonly settings: WalkSettings) {}

  /** The changes between `a` and `b`, both present, at `node`. */
  compare(a: JsonValue, b: JsonValue, node: WalkNode, out: SemanticChange[]): void {
    // Objects and lists are always walked, even when equal as JSON: a default filled in on one
    // side only must still be reported as `equivalent`.
    if (Array.isArray(a) && Array.isArray(b)) return compareLists(this, a, b, node, out);
    if (isJsonObject(a) && isJsonObject(b)) return this.compareObjects(a, b, node, out);
    if (jsonEqual(a, b)) return;
    const { normalize } = this.settings;
    if (
      normalize.emptyEqualsAbsent && isField(node) &&
      emptyEqualsAbsent(a, node.parent, node.key) && emptyEqualsAbsent(b, node.parent, node.key)
    ) {
      return this.emit(out, node, 'equivalent', a, b, 'empty-equals-absent');
    }
    if (normalize.quantity && isQuantityField(node.schema, node.segments) && sameQuantity(a, b)) {
      return this.emit(out, node, 'equivalent', a, b, 'quantity');
    }
    // IntOrString: "10" and 10 are not the same value (a port name and a port number; "10" is no
    // valid percentage), so a type change is a change; see docs/normalizations/int-or-string.md.
    this.emit(out, node, 'changed', a, b);
  }

  /**
   * Compares one member (an object field or a list element) that may be absent on either side:
   * ignore rules first, then the server defaults and `empty-equals-absent` for a one-sided member.
   * `filledA`/`filledB`: the member was filled in by the server defaults on that side.
   */
  member(a: JsonValue | undefined, b: JsonValue | undefined, node: WalkNode, out: SemanticChange[], filledA = false, filledB = false): void {
    if (this.settings.ignore.matches(node.segments, [this.pointer(node.from), this.pointer(node.to)])) {
      if (!jsonEqual(a, b)) this.emit(out, node, 'equivalent', undefined, undefined, 'ignored');
      return;
    }
    // Absent on both sides: a default the server would fill in either way is no difference.
    if ((a === undefined || filledA) && (b === undefined || filledB)) return;
    if (a === undefined || b === undefined) {
      const present = (a !== undefined ? a : b)!;
      if (this.settings.normalize.emptyEqualsAbsent && isField(node) && emptyEqualsAbsent(present, node.parent, node.key)) {
        return this.emit(out, node, 'equivalent', a, b, 'empty-equals-absent');
      }
      if (isJsonObject(present)) {
        // An object on one side only may hold ignored fields (annotations holding only the
        // last-applied one): walk it against `{}` and, if anything inside is ignored, report
        // member by member so that the ignored part stays out of the real changes.
        const inner: SemanticChange[] = [];
        if (a === undefined) this.compare({}, present, node, inner);
        else this.compare(present, {}, node, inner);
        if (inner.some((change) => change.equalBecause === 'ignored')) return void out.push(...inner);
      }
      return this.emit(out, node, a === undefined ? 'added' : 'removed', a, b);
    }
    if (!filledA && !filledB) return this.compare(a, b, node, out);
    // One side left the member out and the server would fill in its default: equal when the
    // default matches what the other side says; otherwise the differences inside are real.
    const inner: SemanticChange[] = [];
    this.compare(a, b, node, inner);
    if (inner.some(isRealChange)) out.push(...inner);
    else this.emit(out, node, 'equivalent', filledA ? undefined : a, filledB ? undefined : b, 'default');
  }

  private compareObjects(a: JsonObject, b: JsonObject, node: WalkNode, out: SemanticChange[]): void {
    const filledA = this.settings.filledFrom.get(a);
    const filledB = this.settings.filledTo.get(b);
    const keys = jsonKeys(b);
    for (const key of jsonKeys(a)) if (getOwn(b, key) === undefined) keys.push(key);
    for (const key of keys) {
      const field = node.schema?.field(key);
      const child: WalkNode = {
        segments: [...node.segments, { type: 'field', name: key }],
        from: [...node.from, key],
        to: [...node.to, key],
        schema: field?.schema,
        parent: node.schema,
        key,
        meta: field?.meta,
      };
      this.member(getOwn(a, key), getOwn(b, key), child, out, filledA?.has(key) ?? false, filledB?.has(key) ?? false);
    }
  }

  private pointer(tokens: readonly string[]): string {
    return formatJsonPointer(tokens);
  }

  /** Records one change, with its Secret values masked. */
  emit(
    out: SemanticChange[],
    node: WalkNode,
    kind: SemanticChange['kind'],
    from: JsonValue | undefined,
    to: JsonValue | undefined,
    equalBecause?: EqualBecause,
  ): void {
    const change: MutableChange = {
      path: formatKubernetesPath(node.segments),
      pointer: this.pointer(kind === 'removed' || (to === undefined && from !== undefined) ? node.from : node.to),
      kind,
    };
    if (from !== undefined) change.from = withoutFilled(from, this.settings.filledFrom);
    if (to !== undefined) change.to = withoutFilled(to, this.settings.filledTo);
    if (equalBecause !== undefined) change.equalBecause = equalBecause;
    out.push(this.settings.secret ? maskSecretChange(change, node.segments) : change);
  }
}
