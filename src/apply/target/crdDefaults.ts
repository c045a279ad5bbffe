import type { JsonObject, JsonValue } from '../../json/JsonValue.js';
import { cloneJson } from '../../json/cloneJson.js';
import { getOwn, isJsonObject, jsonKeys, setOwn } from '../../json/ownProperty.js';

type Schema = { readonly [key: string]: unknown };

const asSchema = (value: unknown): Schema | undefined => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Schema) : undefined);

/**
 * A custom resource with the `default`s of its CRD's structural schema filled in, as apiextensions'
 * `structuraldefaulting.Default` does when it decodes a request or reads from storage: a property
 * that is absent, or `null` where the schema is not `nullable`, gets a copy of its default, which
 * is then defaulted inside; the walk goes through `properties`, `items` and
 * `additionalProperties`. Pure: what gets a default is copied, with everything above it.
 *
 * `sealed`: the schema is part of a CRD that cannot change (deep-frozen, `isSealedCrd`), so what
 * it learns of the schema's nodes is kept across calls and the walk follows only the paths to a
 * default. Any other schema can change between calls, and is walked whole where the document is.
 * @internal
 */
export function crdDefaults(value: JsonValue, schema: unknown, options: { readonly sealed?: boolean } = {}): JsonValue {
  return fill(value, asSchema(schema), options.sealed === true ? sealedPlan : wholePlan());
}

/**
 * What of a schema node can fill a default, in the schema's order. A CRD schema has defaults in
 * a few places among hundreds of properties: a sealed schema's plan lists only the paths that lead
 * to one, instead of every property of every object.
 */
interface DefaultsPlan {
  /** Properties that may get a default, or hold one below them, in `properties` order. */
  readonly properties: readonly { readonly name: string; readonly schema: Schema }[];
  /** Every name in `properties`: additional properties are the other keys. */
  readonly names: Schema | undefined;
  readonly items: Schema | undefined;
  readonly additional: Schema | undefined;
}

/** The plan of a schema node, or `undefined` when nothing at or below it can be filled. */
type Planner = (schema: Schema | undefined) => DefaultsPlan | undefined;

/** A plan that leaves nothing out, for a schema that can change: made once per node and call. */
function wholePlan(): Planner {
  const plans = new Map<Schema, DefaultsPlan>();
  return (schema) => {
    if (schema === undefined) return undefined;
    let plan = plans.get(schema);
    if (plan === undefined) {
      plan = planFor(schema, () => true);
      plans.set(schema, plan);
    }
    return plan;
  };
}

/** Plans of the nodes of sealed schemas, which cannot change; `null`: nothing at or below it to fill. */
const sealedPlans = new WeakMap<Schema, DefaultsPlan | null>();

const sealedPlan: Planner = (schema) => {
  if (schema === undefined) return undefined;
  const known = sealedPlans.get(schema);
  if (known !== undefined) return known ?? undefined;
  const plan = planFor(schema, (node) => node.default !== undefined || holdsDefaults(node, 0));
  const useful = plan.properties.length > 0 || plan.items !== undefined || plan.additional !== undefined;
  sealedPlans.set(schema, useful ? plan : null);
  return useful ? plan : undefined;
};

function planFor(schema: Schema, worthWalking: (node: Schema) => boolean): DefaultsPlan {
  const names = asSchema(schema.properties);
  const properties: { name: string; schema: Schema }[] = [];
  if (names !== undefined) {
    for (const name of Object.keys(names)) {
      const property = asSchema(names[name]);
      if (property !== undefined && worthWalking(property)) properties.push({ name, schema: property });
    }
  }
  // A node's own `default` is filled by its parent: below `items` and `additionalProperties` only
  // what they hold counts.
  const items = asSchema(schema.items);
  const additional = asSchema(schema.additionalProperties);
  return {
    properties,
    names,
    items: items !== undefined && worthWalking(items) ? items : undefined,
    additional: additional !== undefined && worthWalking(additional) ? additional : undefined,
  };
}

/** Whether a default is below a sealed schema node (in its properties, items or additional properties, at any depth). */
const holding = new WeakMap<Schema, boolean>();
/**
 * Below this depth a schema is taken to hold defaults, and the walk goes by the document, as deep
 * as it is: so neither a very deep nor a cyclic schema makes this recurse without end. A wrong
 * "holds" costs a walk that fills nothing; "holds none" is only said of a subtree seen whole.
 */
const holdsDepthLimit = 200;

function holdsDefaults(schema: Schema, depth: number): boolean {
  const known = holding.get(schema);
  if (known !== undefined) return known;
  if (depth > holdsDepthLimit) return true;
  const holds = (child: unknown): boolean => {
    const node = asSchema(child);
    return node !== undefined && (node.default !== undefined || holdsDefaults(node, depth + 1));
  };
  const names = asSchema(schema.properties);
  const result = (names !== undefined && Object.keys(names).some((name) => holds(names[name]))) || holds(schema.items) || holds(schema.additionalProperties);
  holding.set(schema, result);
  return result;
}

function fill(value: JsonValue, schema: Schema | undefined, planner: Planner): JsonValue {
  const plan = planner(schema);
  if (plan === undefined) return value;
  if (Array.isArray(value)) {
    const items = plan.items;
    if (items === undefined) return value;
    let copy: JsonValue[] | undefined;
    value.forEach((item, i) => {
      const next = fill(item, items, planner);
      if (next !== item) (copy ??= value.slice())[i] = next;
    });
    return copy ?? value;
  }
  if (!isJsonObject(value)) return value;
  let copy: JsonObject | undefined;
  for (const { name, schema: property } of plan.properties) {
    let current = getOwn(copy ?? value, name);
    if (property.default !== undefined && (current === undefined || (current === null && property.nullable !== true))) {
      current = cloneJson(property.default as JsonValue);
      setOwn((copy ??= { ...value }), name, current);
    }
    if (current === undefined) continue;
    const next = fill(current, property, planner);
    if (next !== current) setOwn((copy ??= { ...value }), name, next);
  }
  const additional = plan.additional;
  if (additional !== undefined) {
    const names = plan.names;
    for (const key of jsonKeys(copy ?? value)) {
      if (names !== undefined && Object.hasOwn(names, key)) continue;
      const current = (copy ?? value)[key]!;
      const next = fill(current, additional, planner);
      if (next !== current) setOwn((copy ??= { ...value }), key, next);
    }
  }
  return copy ?? value;
}
