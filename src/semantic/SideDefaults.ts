import type { JsonObject, JsonValue } from '../json/JsonValue.js';
import { getOwn } from '../json/ownProperty.js';
import { isPlainObject } from '../json/assertJsonValue.js';
import { NOT_JSON } from '../json/notJson.js';
import type { PatchSchema } from '../schema/PatchSchema.js';
import type { SchemaLookup } from './SchemaLookup.js';
import type { ServerDefault, ServerDefaultContext } from './ServerDefault.js';
import { applyDefaultRows, DefaultsFill, defaultRowsOf } from './serverDefaults.js';

/**
 * The defaults of one side (the old or the new object) of a {@link semanticDiff} walk, as the
 * walk sees them: `object` gives an object of the document with its own defaults filled in (its
 * members as they are: the walk fills each member when it gets to it), `marks` the keys that were
 * filled, by the (copied) object holding them. The walk tells the side which structs it is inside
 * (`enter`/`leave`): some defaults depend on them (a Pod's own spec, a container on the host
 * network).
 *
 * Invariant of the walk: an object it passes to a comparison has been through `object` at its
 * schema; lists are passed as they are, and their elements go through `object` when the list is
 * compared.
 * @internal
 */
export interface SideDefaults {
  readonly marks: ReadonlyMap<object, readonly string[]>;
  /** `object`, a value of this side's document at `schema`, with its own defaults filled in. */
  object(object: JsonObject, schema: PatchSchema | undefined): JsonObject;
  /** The walk goes into the object `value` at `schema` (an ancestor of what it visits next, if a struct). */
  enter(schema: PatchSchema | undefined, value: JsonObject): void;
  /** The walk leaves what it last entered. */
  leave(schema: PatchSchema | undefined): void;
  /** `value` (an object already through `object`, or a list) with every default inside it filled in, for comparing it whole. */
  whole(value: JsonValue, schema: PatchSchema | undefined): JsonValue;
  /** Whether `object` may fill the field `field` of an object at `schema`. */
  mayFill(schema: PatchSchema | undefined, field: string): boolean;
}

const NO_MARKS: ReadonlyMap<object, readonly string[]> = new Map();

/**
 * A side whose defaults, if any, were filled in before the walk (a custom resource's CRD
 * defaults), or that gets none: every object is as it is.
 * @internal
 */
export class PrefilledSide implements SideDefaults {
  constructor(readonly marks: ReadonlyMap<object, readonly string[]> = NO_MARKS) {}

  object(object: JsonObject): JsonObject {
    return object;
  }

  enter(): void {}

  leave(): void {}

  whole(value: JsonValue): JsonValue {
    return value;
  }

  mayFill(): boolean {
    return false;
  }
}

/**
 * The {@link SERVER_DEFAULTS} of one side, filled in object by object as the walk reaches them
 * instead of over the whole document first: each object is read once, by the comparison, and
 * nothing above a defaulted object is copied. The result is the one `fillServerDefaults` gives:
 * the same rows, applied to the same objects in the same order, with the same structs above them
 * (the structs as their own rows left them; the rows read scalars of their ancestors only, such as
 * `hostNetwork`, which no default fills).
 * @internal
 */
export class LazyServerDefaults implements SideDefaults {
  readonly marks = new Map<object, string[]>();
  /** The structs the walk is inside, root first, each as its own rows left it. */
  readonly ancestors: { type: string; value: JsonObject }[] = [];
  private readonly context: ServerDefaultContext = { ancestors: this.ancestors };

  constructor(
    private readonly schemas: SchemaLookup,
    /** The document was not checked up front: an object is checked before it is copied (the copy would hide a class instance). */
    private readonly checks = false,
  ) {}

  object(object: JsonObject, schema: PatchSchema | undefined): JsonObject {
    if (schema === undefined) return object;
    const rows = defaultRowsOf(schema.type);
    if (rows === undefined) return object;
    if (this.checks) checkCopied(object, rows);
    return applyDefaultRows(object, rows, this.context, this.marks) ?? object;
  }

  enter(schema: PatchSchema | undefined, value: JsonObject): void {
    if (schema === undefined || schema.type.kind !== 'struct') return;
    // The entries are reused level by level: the rows read them during their call only.
    const depth = this.ancestors.length;
    const entry = this.pool[depth];
    if (entry === undefined) this.pool.push({ type: schema.type.ref, value });
    else {
      entry.type = schema.type.ref;
      entry.value = value;
    }
    this.ancestors.push(this.pool[depth]!);
  }

  private readonly pool: { type: string; value: JsonObject }[] = [];

  leave(schema: PatchSchema | undefined): void {
    if (schema !== undefined && schema.type.kind === 'struct') this.ancestors.pop();
  }

  mayFill(schema: PatchSchema | undefined, field: string): boolean {
    const rows = schema === undefined ? undefined : defaultRowsOf(schema.type);
    if (rows !== undefined) for (const row of rows) if (row.field === field) return true;
    return false;
  }

  whole(value: JsonValue, schema: PatchSchema | undefined): JsonValue {
    if (schema === undefined || typeof value !== 'object' || value === null) return value;
    // Filling an object a second time adds nothing: its own rows find their fields set.
    return new DefaultsFill(this.schemas, this.marks, this.ancestors).visit(value, schema);
  }
}

/** Throws `NOT_JSON` unless `object`, and each map a row fills entry by entry, is a plain object: what the rows may copy. */
function checkCopied(object: JsonObject, rows: readonly ServerDefault[]): void {
  if (!isPlainObject(object)) throw NOT_JSON;
  for (const row of rows) {
    if (row.entries !== true) continue;
    const entries = getOwn(object, row.field);
    if (typeof entries === 'object' && entries !== null && !Array.isArray(entries) && !isPlainObject(entries)) throw NOT_JSON;
  }
}
