import { jsonEqual } from '../json/jsonEqual.js';
import type { JsonObject, JsonValue } from '../json/JsonValue.js';
import { getOwn, isJsonObject, jsonKeys, setOwn } from '../json/ownProperty.js';
import { compareLists } from './compareLists.js';
import { emptyEqualsAbsent } from './emptyEqualsAbsent.js';
import { isRealChange } from './isRealChange.js';
import type { PathSegment } from './kubernetesPath.js';
import { isQuantityField, sameQuantity } from './quantityEquivalence.js';
import type { SchemaLookup } from './SchemaLookup.js';
import { maskSecretChange } from './secretMask.js';
import type { EqualBecause, IgnoredBy, SemanticChange } from './SemanticChange.js';
import type { ResolvedNormalize } from './SemanticDiffOptions.js';
import type { WalkNode } from './WalkNode.js';
import { matchesWebhookWritten } from './webhookWritten.js';

/** What the walk needs besides the two documents. @internal */
export interface WalkSettings {
  readonly normalize: ResolvedNormalize;
  readonly schemas: SchemaLookup;
  /** Keys the server defaults filled in, by the (copied) object holding them, per side. */
  readonly filledFrom: ReadonlyMap<object, ReadonlySet<string>>;
  readonly filledTo: ReadonlyMap<object, ReadonlySet<string>>;
  /** The objects are `v1` Secrets: mask `data` and `stringData` values. */
  readonly secret: boolean;
  /** Who filled in the filled keys: the server defaults (`default`) or a CRD's schema (`crd-default`). */
  readonly filledBecause?: 'default' | 'crd-default';
  /** The webhook-written fields of the objects' kind ({@link WEBHOOK_WRITTEN_FIELDS}), when that normalization is on. */
  readonly webhookWritten?: readonly (readonly PathSegment[])[] | undefined;
}

/**
 * A copy of `value` for a change, without the fields the server defaults filled in: a change
 * shows what each side says, not what the comparison assumed (an added container is shown as
 * written). The documents are not copied up front, so this is where a reported value is copied.
 */
function copyOut(value: JsonValue, filled: ReadonlyMap<object, ReadonlySet<string>>): JsonValue {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => copyOut(item, filled));
  const skip = filled.get(value);
  const copy: JsonObject = {};
  for (const key of jsonKeys(value)) if (!skip?.has(key)) setOwn(copy, key, copyOut(value[key]!, filled));
  return copy;
}

/** `null`, `""`, `{}` or `[]`. */
function isEmpty(value: JsonValue): boolean {
  if (value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return isJsonObject(value) && jsonKeys(value).length === 0;
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
    // side only must still be reported as `equivalent`, and a duplicate key as `duplicate-key`.
    if (Array.isArray(a) && Array.isArray(b)) return compareLists(this, a, b, node, out);
    if (isJsonObject(a) && isJsonObject(b)) return this.compareObjects(a, b, node, out);
    if (jsonEqual(a, b)) return;
    const { normalize } = this.settings;
    if (
      normalize.emptyEqualsAbsent && node.isField &&
      emptyEqualsAbsent(a, node.parent, node.key) && emptyEqualsAbsent(b, node.parent, node.key)
    ) {
      return this.emit(out, node, 'equivalent', a, b, 'empty-equals-absent');
    }
    if (normalize.quantity && isQuantityField(node.schema, node.segments()) && sameQuantity(a, b)) {
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
    if (node.ignore.matched) {
      if (!jsonEqual(a, b)) this.emit(out, node, 'equivalent', undefined, undefined, 'ignored', node.ignore.matchedBy());
      return;
    }
    // A field the cluster writes that the manifest leaves out (or leaves empty): the live value stays.
    if (a !== undefined && !filledA && !filledB && this.webhookWritten(a, b, node)) return this.emit(out, node, 'equivalent', a, b, 'webhook-written');
    // Absent on both sides: a default the server would fill in either way is no difference.
    if ((a === undefined || filledA) && (b === undefined || filledB)) return;
    if (a === undefined || b === undefined) {
      const present = (a !== undefined ? a : b)!;
      if (this.settings.normalize.emptyEqualsAbsent && node.isField && emptyEqualsAbsent(present, node.parent, node.key)) {
        return this.emit(out, node, 'equivalent', a, b, 'empty-equals-absent');
      }
      if (isJsonObject(present)) {
        // An object on one side only may hold ignored fields (annotations holding only the
        // last-applied one): walk it against `{}` and, if anything inside is ignored, report
        // member by member so that the ignored part stays out of the real changes.
        const inner: SemanticChange[] = [];
        if (a === undefined) this.compare({}, present, node, inner);
        else this.compare(present, {}, node, inner);
        if (inner.some((change) => change.equalBecause === 'ignored' || change.equalBecause === 'webhook-written')) return void out.push(...inner);
      }
      return this.emit(out, node, a === undefined ? 'added' : 'removed', a, b);
    }
    if (!filledA && !filledB) return this.compare(a, b, node, out);
    // One side left the member out and the server would fill in its default: equal when the
    // default matches what the other side says; otherwise the differences inside are real.
    const inner: SemanticChange[] = [];
    this.compare(a, b, node, inner);
    if (inner.some(isRealChange)) out.push(...inner);
    else this.emit(out, node, 'equivalent', filledA ? undefined : a, filledB ? undefined : b, this.settings.filledBecause ?? 'default');
  }

  /**
   * Whether the live `a` holds a value at `node` that the cluster writes and the manifest's `b`
   * leaves out (or leaves empty). An empty live value is none the cluster wrote (a
   * `storageClassName: ""` is the user's own).
   */
  private webhookWritten(a: JsonValue, b: JsonValue | undefined, node: WalkNode): boolean {
    const patterns = this.settings.webhookWritten;
    if (patterns === undefined || !node.isField) return false;
    // Most members hold a value on both sides: out before any schema lookup.
    if (b !== undefined && b !== 0 && b !== false && !isEmpty(b)) return false;
    if (isEmpty(a) || (b !== undefined && !emptyEqualsAbsent(b, node.parent, node.key))) return false;
    return matchesWebhookWritten(patterns, node.segments());
  }

  /**
   * The members of `b` in its order, then those only `a` has. A member holding the same scalar on
   * both sides, filled in by neither, can give no change (not even an ignored one): it is skipped
   * before any node is made for it.
   */
  private compareObjects(a: JsonObject, b: JsonObject, node: WalkNode, out: SemanticChange[]): void {
    const filledA = this.settings.filledFrom.get(a);
    const filledB = this.settings.filledTo.get(b);
    const keysA = Object.keys(a);
    let shared = 0;
    for (const key of Object.keys(b)) {
      const valueB = b[key];
      if (valueB === undefined) continue;
      const valueA = getOwn(a, key);
      if (valueA !== undefined) shared++;
      const fromA = filledA?.has(key) ?? false;
      const fromB = filledB?.has(key) ?? false;
      if (valueA === valueB && (typeof valueB !== 'object' || valueB === null) && !fromA && !fromB) continue;
      this.member(valueA, valueB, this.child(node, key), out, fromA, fromB);
    }
    // Every key of `a` was met above: none is left for `a` alone.
    if (shared === keysA.length) return;
    for (const key of keysA) {
      const valueA = a[key];
      if (valueA === undefined || getOwn(b, key) !== undefined) continue;
      this.member(valueA, undefined, this.child(node, key), out, filledA?.has(key) ?? false, filledB?.has(key) ?? false);
    }
  }

  private child(node: WalkNode, key: string): WalkNode {
    return node.field(key, this.settings.schemas.field(node.schema, key));
  }

  /** Records one change, with its Secret values masked. */
  emit(
    out: SemanticChange[],
    node: WalkNode,
    kind: SemanticChange['kind'],
    from: JsonValue | undefined,
    to: JsonValue | undefined,
    equalBecause?: EqualBecause,
    ignoredBy?: IgnoredBy,
  ): void {
    const change: MutableChange = {
      path: node.path(),
      pointer: node.pointer(kind === 'removed' || (to === undefined && from !== undefined) ? 'from' : 'to'),
      kind,
    };
    if (from !== undefined) change.from = copyOut(from, this.settings.filledFrom);
    if (to !== undefined) change.to = copyOut(to, this.settings.filledTo);
    if (equalBecause !== undefined) change.equalBecause = equalBecause;
    if (ignoredBy !== undefined) change.ignoredBy = ignoredBy;
    out.push(this.settings.secret ? maskSecretChange(change, node.segments()) : change);
  }
}
