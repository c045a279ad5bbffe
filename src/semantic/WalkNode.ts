import type { JsonObject } from '../json/JsonValue.js';
import { escapePointerToken } from '../json/pointer.js';
import { listKeys } from '../patch/json-patch/diffKeyedList.js';
import type { PatchSchema, SchemaField } from '../schema/PatchSchema.js';
import type { PatchMeta } from '../schema/SchemaTable.js';
import type { IgnoreState } from './IgnoreState.js';
import { appendPathSegment, type PathSegment } from './kubernetesPath.js';
import { keyFields } from './listElementKeys.js';

/**
 * Where the walk is: the schema of the value, the schema of the object or list holding it with
 * the member's name and patch metadata, and how far the ignore rules have matched. A node is made
 * for every member visited, so it only links to its parent: the Kubernetes-style path and the
 * JSON Pointers (a keyed list element can sit at different positions on each side) are built
 * from the links for the few nodes that are reported.
 * @internal
 */
export class WalkNode {
  readonly ignore: IgnoreState;
  /** How deeply the value nests, the root being 1 (as `MAX_DEPTH` counts). */
  readonly depth: number;
  private segmentCache: PathSegment | undefined;
  private segmentsCache: readonly PathSegment[] | undefined;
  private pathCache: string | undefined;
  private fromPointer: string | undefined;
  private toPointer: string | undefined;

  private constructor(
    private readonly up: WalkNode | undefined,
    /** A field name, a list element's position in the path, or `undefined` at the root. */
    private readonly step: string | number | undefined,
    /** The list element whose key fields name it in the path (`undefined`: named by position). */
    private readonly keyed: JsonObject | undefined,
    /** The token this node adds to the old side's JSON Pointer (`undefined`: none, absent there). */
    private readonly fromToken: string | number | undefined,
    private readonly toToken: string | number | undefined,
    readonly schema: PatchSchema | undefined,
    readonly parent: PatchSchema | undefined,
    readonly key: string,
    readonly meta: PatchMeta | undefined,
    ignore: IgnoreState,
  ) {
    this.ignore = up === undefined ? ignore : up.ignore.next(this, fromToken, toToken);
    this.depth = up === undefined ? 1 : up.depth + 1;
  }

  static root(schema: PatchSchema | undefined, ignore: IgnoreState): WalkNode {
    return new WalkNode(undefined, undefined, undefined, undefined, undefined, schema, undefined, '', undefined, ignore);
  }

  /** The member `key` of the object at this node, whose schema lookup found `field`. */
  field(key: string, field: SchemaField | undefined): WalkNode {
    return new WalkNode(this, key, undefined, key, key, field?.schema, this.schema, key, field?.meta, this.ignore);
  }

  /**
   * An element of the (keyed, when `keyed` is given) list at this node, at position `from` in the
   * old list and `to` in the new one (`undefined` where absent), named in the path by `index` or
   * by the key fields of `keyed`.
   */
  element(index: number, keyed: JsonObject | undefined, from: number | undefined, to: number | undefined, items: PatchSchema | undefined): WalkNode {
    return new WalkNode(this, index, keyed, from, to, items, this.schema, '', undefined, this.ignore);
  }

  /** Whether the node is an object member (a list element absent on one side is never "empty"). */
  get isField(): boolean {
    return typeof this.step === 'string';
  }

  /** The last step of the path to this node (not for the root). */
  segment(): PathSegment {
    if (this.segmentCache !== undefined) return this.segmentCache;
    const step = this.step!;
    if (typeof step === 'string') return (this.segmentCache = { type: 'field', name: step });
    if (this.keyed === undefined) return (this.segmentCache = { type: 'index', index: step });
    return (this.segmentCache = { type: 'key', keys: keyFields(this.keyed, listKeys(this.up!.meta)!), index: step });
  }

  /** The steps from the root to this node. */
  segments(): readonly PathSegment[] {
    if (this.segmentsCache !== undefined) return this.segmentsCache;
    const path: PathSegment[] = [];
    for (let node: WalkNode | undefined = this; node?.up !== undefined; node = node.up) path.push(node.segment());
    return (this.segmentsCache = path.reverse());
  }

  /** The path as {@link formatKubernetesPath} writes it, from the parent's (kept for its siblings). */
  path(): string {
    return (this.pathCache ??= this.up === undefined ? '' : appendPathSegment(this.up.path(), this.segment()));
  }

  /** The JSON Pointer of this node in the old (`from`) or new (`to`) object, from the parent's. */
  pointer(side: 'from' | 'to'): string {
    if (side === 'from') return (this.fromPointer ??= this.extend(this.up?.pointer(side), this.fromToken));
    return (this.toPointer ??= this.extend(this.up?.pointer(side), this.toToken));
  }

  private extend(pointer: string | undefined, token: string | number | undefined): string {
    if (token === undefined) return pointer ?? '';
    return `${pointer}/${typeof token === 'number' ? token : escapePointerToken(token)}`;
  }
}
