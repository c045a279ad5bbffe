import { jsonEqual } from '../json/jsonEqual.js';
import { checkJsonAt, checkJsonContainer } from '../json/notJson.js';
import type { JsonObject, JsonValue } from '../json/JsonValue.js';
import { getOwn, isJsonObject, jsonKeys } from '../json/ownProperty.js';
import { compareLists } from './compareLists.js';
import { emptyEqualsAbsent } from './emptyEqualsAbsent.js';
import { IgnoreState } from './IgnoreState.js';
import { isRealChange } from './isRealChange.js';
import type { QuietPair } from './quietPair.js';
import type { PathSegment } from './kubernetesPath.js';
import { isQuantityField, sameQuantity } from './quantityEquivalence.js';
import { copyMade, reportedValue } from './reportedValue.js';
import type { SchemaLookup } from './SchemaLookup.js';
import { maskSecretChange } from './secretMask.js';
import type { EqualBecause, IgnoredBy, SemanticChange } from './SemanticChange.js';
import type { ResolvedNormalize } from './SemanticDiffOptions.js';
import type { SideDefaults } from './SideDefaults.js';
import type { WalkNode } from './WalkNode.js';
import { matchesWebhookWritten } from './webhookWritten.js';

/** What the walk needs besides the two documents. @internal */
export interface WalkSettings {
  readonly normalize: ResolvedNormalize;
  readonly schemas: SchemaLookup;
  /** The defaults of the old (`from`) and the new (`to`) object, filled in as the walk goes. */
  readonly from: SideDefaults;
  readonly to: SideDefaults;
  /** The objects are `v1` Secrets: mask `data` and `stringData` values. */
  readonly secret: boolean;
  /** Who filled in the filled keys: the server defaults (`default`) or a CRD's schema (`crd-default`). */
  readonly filledBecause?: 'default' | 'crd-default';
  /** Tells equal parts apart before their defaults are filled in, so that the walk skips them (not when the defaults were filled up front). */
  readonly quiet?: QuietPair | undefined;
  /** The webhook-written fields of the objects' kind ({@link WEBHOOK_WRITTEN_FIELDS}), when that normalization is on. */
  readonly webhookWritten?: readonly (readonly PathSegment[])[] | undefined;
  /**
   * The documents were not checked up front: the walk checks every value as it reads it or passes
   * it by (as `assertJsonValue` would), throwing `NOT_JSON` at the first that is not JSON.
   */
  readonly checks?: boolean;
}

/** `null`, `""`, `{}` or `[]`. */
function isEmpty(value: JsonValue): boolean {
  if (value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return isJsonObject(value) && jsonKeys(value).length === 0;
}

type MutableChange = { -readonly [K in keyof SemanticChange]: SemanticChange[K] };

/** Whether a change says that something was left out of the comparison (ignored, or written by the cluster). */
function anyKeptOut(changes: readonly SemanticChange[]): boolean {
  for (const change of changes) if (change.equalBecause === 'ignored' || change.equalBecause === 'webhook-written') return true;
  return false;
}

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
    if (jsonEqual(a, b)) {
      // Two equal scalars (`Infinity` is equal to itself).
      if (this.settings.checks === true) checkJsonAt(a, node.depth);
      return;
    }
    const { normalize } = this.settings;
    if (
      normalize.emptyEqualsAbsent && node.isField &&
      emptyEqualsAbsent(a, node.parent, node.key) && emptyEqualsAbsent(b, node.parent, node.key)
    ) {
      return this.emit(out, node, 'equivalent', a, b, 'empty-equals-absent');
    }
    if (normalize.quantity && isQuantityField(node) && sameQuantity(a, b)) {
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
      if (this.settings.checks === true) {
        // Ignored values are compared whole, not walked: checked here.
        if (a !== undefined) checkJsonAt(a, node.depth);
        if (b !== undefined) checkJsonAt(b, node.depth);
      }
      if (a === undefined || b === undefined ? a !== b : !this.sameWhole(a, b, node)) {
        this.emit(out, node, 'equivalent', undefined, undefined, 'ignored', node.ignore.matchedBy());
      }
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
      // Only where a rule can match inside, or a field the cluster writes can be left out.
      if (isJsonObject(present) && (node.ignore !== IgnoreState.NONE || (a !== undefined && this.settings.webhookWritten !== undefined))) {
        // An object on one side only may hold ignored fields (annotations holding only the
        // last-applied one): walk it against `{}` and, if anything inside is ignored, report
        // member by member so that the ignored part stays out of the real changes.
        const inner: SemanticChange[] = [];
        if (a === undefined) this.compare({}, present, node, inner);
        else this.compare(present, {}, node, inner);
        if (anyKeptOut(inner)) return void out.push(...inner);
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

  /** Whether `a` and `b`, both present at `node`, are equal as JSON once every default inside them is filled in. */
  private sameWhole(a: JsonValue, b: JsonValue, node: WalkNode): boolean {
    const { from, to } = this.settings;
    return jsonEqual(from.whole(a, node.schema), to.whole(b, node.schema));
  }

  /**
   * The members of `b` in its order, then those only `a` has. A member holding the same scalar on
   * both sides, filled in by neither, can give no change (not even an ignored one): it is skipped
   * before any node is made for it, and so is one both sides left to its default where no ignore
   * rule can match. Each object member gets its own defaults before it is compared.
   */
  private compareObjects(a: JsonObject, b: JsonObject, node: WalkNode, out: SemanticChange[]): void {
    const { from, to, schemas } = this.settings;
    const checks = this.settings.checks === true;
    if (checks) {
      checkJsonContainer(a, node.depth);
      checkJsonContainer(b, node.depth);
    }
    const filledA = from.marks.get(a);
    const filledB = to.marks.get(b);
    const unignored = node.ignore === IgnoreState.NONE;
    // Equal members need no walk where no ignore rule can match (their pairs: see QuietPair).
    const quiet = unignored ? this.settings.quiet : undefined;
    from.enter(node.schema, a);
    to.enter(node.schema, b);
    const keysA = Object.keys(a);
    let shared = 0;
    const keysB = Object.keys(b);
    for (let i = 0; i < keysB.length; i++) {
      const key = keysB[i]!;
      let valueB = b[key];
      if (valueB === undefined) continue;
      // The same keys in the same order (the usual case) need no lookup on `a`.
      let valueA = keysA[i] === key ? a[key] : getOwn(a, key);
      if (valueA !== undefined) shared++;
      const fromA = filledA !== undefined && filledA.includes(key);
      const fromB = filledB !== undefined && filledB.includes(key);
      if (fromA || fromB) {
        // Both left to the server: no difference, whatever each default is (unless a rule ignores it).
        if (fromA && fromB && unignored) continue;
      } else if (valueA === valueB && (typeof valueB !== 'object' || valueB === null)) {
        if (checks) checkJsonAt(valueB, node.depth + 1);
        continue;
      }
      const field = schemas.field(node.schema, key);
      // (Not a map the defaults filled entry by entry: that is no value as written, and holds marks.)
      if (
        quiet !== undefined && !fromA && !fromB && typeof valueB === 'object' && valueB !== null &&
        !from.marks.has(valueA as object) && !to.marks.has(valueB) && quiet.quiet(valueA!, valueB, field?.schema, field?.meta, node.depth + 1)
      ) continue;
      const child = node.field(key, field);
      if (valueA !== undefined && isJsonObject(valueA)) valueA = from.object(valueA, child.schema);
      if (isJsonObject(valueB)) valueB = to.object(valueB, child.schema);
      this.member(valueA, valueB, child, out, fromA, fromB);
    }
    // Every key of `a` was met above: none is left for `a` alone.
    if (shared !== keysA.length) {
      for (let i = 0; i < keysA.length; i++) {
        const key = keysA[i]!;
        let valueA = a[key];
        if (valueA === undefined || getOwn(b, key) !== undefined) continue;
        const child = this.child(node, key);
        if (isJsonObject(valueA)) valueA = from.object(valueA, child.schema);
        this.member(valueA, undefined, child, out, filledA !== undefined && filledA.includes(key), filledB !== undefined && filledB.includes(key));
      }
    }
    to.leave(node.schema);
    from.leave(node.schema);
  }

  private child(node: WalkNode, key: string): WalkNode {
    return node.field(key, this.settings.schemas.field(node.schema, key));
  }

  /**
   * Records one change, with its Secret values masked. `from` and `to` are values of the documents
   * at `node` (objects through their side's defaults), reported as {@link reportedValue} copies them.
   */
  emit(
    out: SemanticChange[],
    node: WalkNode,
    kind: SemanticChange['kind'],
    from: JsonValue | undefined,
    to: JsonValue | undefined,
    equalBecause?: EqualBecause,
    ignoredBy?: IgnoredBy,
    /** The values were made by the walk (list keys), not read from the documents. */
    made = false,
  ): void {
    const change: MutableChange = {
      path: node.path(),
      pointer: node.pointer(kind === 'removed' || (to === undefined && from !== undefined) ? 'from' : 'to'),
      kind,
    };
    const { schemas } = this.settings;
    const checks = this.settings.checks === true ? node.depth : 0;
    if (from !== undefined) change.from = made ? copyMade(from) : reportedValue(from, node.schema, this.settings.from, schemas, checks);
    if (to !== undefined) change.to = made ? copyMade(to) : reportedValue(to, node.schema, this.settings.to, schemas, checks);
    if (equalBecause !== undefined) change.equalBecause = equalBecause;
    if (ignoredBy !== undefined) change.ignoredBy = ignoredBy;
    out.push(this.settings.secret ? maskSecretChange(change, node.segments()) : change);
  }
}
