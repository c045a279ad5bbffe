import { cloneJson } from '../json/cloneJson.js';
import type { JsonObject, JsonValue } from '../json/JsonValue.js';
import { getOwn, isJsonObject, jsonKeys, setOwn } from '../json/ownProperty.js';
import type { PatchSchema } from '../schema/PatchSchema.js';
import type { TypeRef } from '../schema/SchemaTable.js';
import type { SchemaLookup } from './SchemaLookup.js';
import type { ServerDefault, ServerDefaultContext } from './ServerDefault.js';
import { SERVER_DEFAULTS } from './serverDefaultsTable.js';

const byType = new Map<string, ServerDefault[]>();
for (const row of SERVER_DEFAULTS) byType.set(row.type, [...(byType.get(row.type) ?? []), row]);

/** A document with the server defaults filled in, and which keys were filled where. @internal */
export interface Defaulted {
  readonly value: JsonValue;
  /** The keys filled in, by the (copied) object holding them (a few per object: a list, not a set). */
  readonly filled: ReadonlyMap<object, readonly string[]>;
}

/**
 * Whether a value of type `type` may hold a struct, the only thing defaults are filled into: a
 * scalar, `unknown` or `opaque` value has no struct inside, and neither has a map or list of them
 * (a ConfigMap's `data`, labels, `resources.limits`), so the fill skips them.
 */
function mayHoldStruct(type: TypeRef): boolean {
  if (type.kind === 'list' || type.kind === 'map') return mayHoldStruct(type.elem);
  return type.kind === 'struct';
}

/** A shallow copy of `object`, without its `undefined` members (which count as absent). */
function shallowCopy(object: JsonObject): JsonObject {
  const copy: JsonObject = {};
  const keys = Object.keys(object);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const value = object[key];
    if (value !== undefined) setOwn(copy, key, value);
  }
  return copy;
}

const hasOwnProperty = Object.prototype.hasOwnProperty;

/** `getOwn`, asking whether the property is own only when there is one: defaulted fields are mostly absent. */
function ownValue(object: JsonObject, key: string): JsonValue | undefined {
  const value = object[key];
  return value === undefined || hasOwnProperty.call(object, key) ? value : undefined;
}

/** One row's default for `object`, or `undefined` when it has none there. */
function defaultOf(row: ServerDefault, object: JsonObject, context: ServerDefaultContext): JsonValue | undefined {
  return typeof row.value === 'function' ? row.value(object, context) : cloneJson(row.value);
}

/** The rows of the struct type `type` (in the order they are applied), or `undefined` when it has none. @internal */
export function defaultRowsOf(type: TypeRef): readonly ServerDefault[] | undefined {
  return type.kind === 'struct' ? byType.get(type.ref) : undefined;
}

/** Records that `key` of `object` (a copy) was filled in. @internal */
export function markFilled(marks: Map<object, string[]>, object: object, key: string): void {
  // A key is filled once per object: the rows after it find it set.
  const keys = marks.get(object);
  if (keys === undefined) marks.set(object, [key]);
  else keys.push(key);
}

/**
 * The `rows` of one struct applied in order to `node`, the struct itself and nothing below it:
 * a copy with the defaults (their keys recorded in `marks`), or `undefined` when none applies.
 * Each row sees the object as the rows before it left it, and `context` (the structs above).
 * @internal
 */
export function applyDefaultRows(
  node: JsonObject, rows: readonly ServerDefault[], context: ServerDefaultContext,
  marks: Map<object, string[]>, include?: (row: ServerDefault) => boolean,
): JsonObject | undefined {
  let copy: JsonObject | undefined;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    if (include !== undefined && !include(row)) continue;
    const current = ownValue(copy ?? node, row.field);
    const entries = row.entries === true && isJsonObject(current);
    if (current !== undefined && current !== null && !entries) continue;
    const fill = defaultOf(row, copy ?? node, context);
    if (fill === undefined) continue;
    if (entries && isJsonObject(fill)) {
      const filledEntries = fillEntries(current, fill, marks);
      if (filledEntries !== undefined) setOwn((copy ??= shallowCopy(node)), row.field, filledEntries);
      continue;
    }
    setOwn((copy ??= shallowCopy(node)), row.field, fill);
    markFilled(marks, copy, row.field);
  }
  return copy;
}

/** A copy of the map `current` with the entries of `fill` it lacks (or holds as `null`), or `undefined` when it lacks none. */
function fillEntries(current: JsonObject, fill: JsonObject, marks: Map<object, string[]>): JsonObject | undefined {
  let entries: JsonObject | undefined;
  const keys = jsonKeys(fill);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const held = getOwn(current, key);
    if (held !== undefined && held !== null) continue;
    entries ??= shallowCopy(current);
    setOwn(entries, key, cloneJson(fill[key]!));
    markFilled(marks, entries, key);
  }
  return entries;
}

/**
 * Fills the {@link SERVER_DEFAULTS} into `value`, top-down so that a default that is an object
 * (`strategy: {}`) is then defaulted inside. Absent and `null` fields are filled, since Go's
 * decoder reads both as the zero value the defaulting functions test for. The input is not
 * changed: an object that gets a default is copied, and so are the objects and lists above it;
 * everything else is shared with the input (the walk only reads it, and copies what it reports).
 * `include` limits the rows filled (server-side apply leaves out those the registry fills).
 * @internal
 */
export function fillServerDefaults(value: JsonValue, schema: PatchSchema, schemas: SchemaLookup, include?: (row: ServerDefault) => boolean): Defaulted {
  const fill = new DefaultsFill(schemas, new Map(), [], include);
  return { value: typeof value === 'object' && value !== null ? fill.visit(value, schema) : value, filled: fill.marks };
}

/**
 * One fill of a whole value: a class rather than closures, so that the walk allocates nothing per
 * object it merely passes through (no per-call functions, no per-level copies of the ancestors).
 * `ancestors` (root first) are the structs above the value, as the rows' functions see them.
 * @internal
 */
export class DefaultsFill {
  /** Handed to every row function: it reads `ancestors` during the call only. */
  private readonly context: ServerDefaultContext;

  constructor(
    private readonly schemas: SchemaLookup,
    readonly marks: Map<object, string[]>,
    private readonly ancestors: { type: string; value: JsonObject }[],
    private readonly include?: (row: ServerDefault) => boolean,
  ) {
    this.context = { ancestors };
  }

  visit(node: JsonObject | JsonValue[], at: PatchSchema): JsonValue {
    if (!mayHoldStruct(at.type)) return node;
    if (Array.isArray(node)) return this.visitList(node, at);
    const rows = defaultRowsOf(at.type);
    let copy = rows === undefined ? undefined : applyDefaultRows(node, rows, this.context, this.marks, this.include);
    const target = copy ?? node;
    // The struct is an ancestor of what is below it, as filled so far.
    const struct = at.type.kind === 'struct';
    if (struct) this.ancestors.push({ type: (at.type as { ref: string }).ref, value: target });
    const keys = Object.keys(target);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const child = target[key];
      if (typeof child !== 'object' || child === null) continue;
      const field = this.schemas.field(at, key);
      if (field === undefined) continue;
      const result = this.visit(child, field.schema);
      if (result !== child) setOwn((copy ??= shallowCopy(node)), key, result);
    }
    if (struct) this.ancestors.pop();
    return copy ?? node;
  }

  private visitList(node: JsonValue[], at: PatchSchema): JsonValue {
    const items = this.schemas.items(at)!;
    let copy: JsonValue[] | undefined;
    for (let i = 0; i < node.length; i++) {
      const item = node[i]!;
      if (typeof item !== 'object' || item === null) continue;
      const result = this.visit(item, items);
      if (result !== item) (copy ??= node.slice())[i] = result;
    }
    return copy ?? node;
  }
}
