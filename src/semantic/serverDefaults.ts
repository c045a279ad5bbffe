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
  /** The keys filled in, by the (copied) object holding them. */
  readonly filled: ReadonlyMap<object, ReadonlySet<string>>;
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
  for (const key of jsonKeys(object)) setOwn(copy, key, object[key]!);
  return copy;
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
  const filled = new Map<object, Set<string>>();
  const visit = (node: JsonObject | JsonValue[], at: PatchSchema, ancestors: ServerDefaultContext['ancestors']): JsonValue => {
    if (!mayHoldStruct(at.type)) return node;
    if (Array.isArray(node)) {
      const items = schemas.items(at)!;
      let copy: JsonValue[] | undefined;
      for (let i = 0; i < node.length; i++) {
        const item = node[i]!;
        if (typeof item !== 'object' || item === null) continue;
        const result = visit(item, items, ancestors);
        if (result !== item) (copy ??= node.slice())[i] = result;
      }
      return copy ?? node;
    }
    let copy: JsonObject | undefined;
    const mark = (object: JsonObject, key: string) => {
      let keys = filled.get(object);
      if (keys === undefined) filled.set(object, (keys = new Set()));
      keys.add(key);
    };
    const rows = at.type.kind === 'struct' ? byType.get(at.type.ref) : undefined;
    for (const row of rows ?? []) {
      if (include !== undefined && !include(row)) continue;
      const current = getOwn(copy ?? node, row.field);
      if (current !== undefined && current !== null && !(row.entries === true && isJsonObject(current))) continue;
      const fill = typeof row.value === 'function' ? row.value(copy ?? node, { ancestors }) : cloneJson(row.value);
      if (fill === undefined) continue;
      if (row.entries === true && isJsonObject(current) && isJsonObject(fill)) {
        const missing = jsonKeys(fill).filter((key) => getOwn(current, key) === undefined || getOwn(current, key) === null);
        if (missing.length === 0) continue;
        const entries = shallowCopy(current);
        for (const key of missing) {
          setOwn(entries, key, cloneJson(fill[key]!));
          mark(entries, key);
        }
        setOwn((copy ??= shallowCopy(node)), row.field, entries);
        continue;
      }
      setOwn((copy ??= shallowCopy(node)), row.field, fill);
      mark(copy, row.field);
    }
    const target = copy ?? node;
    const below = at.type.kind === 'struct' ? [...ancestors, { type: at.type.ref, value: target }] : ancestors;
    for (const key of Object.keys(target)) {
      const child = target[key];
      if (typeof child !== 'object' || child === null) continue;
      const field = schemas.field(at, key);
      if (field === undefined) continue;
      const result = visit(child, field.schema, below);
      if (result !== child) setOwn((copy ??= shallowCopy(node)), key, result);
    }
    return copy ?? node;
  };
  return { value: typeof value === 'object' && value !== null ? visit(value, schema, []) : value, filled };
}
