import { InvalidSchemaError } from '../../../errors/InvalidSchemaError.js';
import type { ApplyAtomicity, ApplyTypeRef } from '../ApplyType.js';

type Schema = { readonly [key: string]: unknown };

/**
 * A list's type and keys, as kube-openapi's schemaconv reads them (`getListElementRelationship`):
 *
 * - `x-kubernetes-list-type` first: `atomic`; `set` (associative, no keys); `map`, associative
 *   with the keys of `x-kubernetes-list-map-keys` ("missing map keys" is an error); any other
 *   value is an error ("unknown list type");
 * - else `x-kubernetes-patch-strategy`: `merge` or `merge,retainKeys` is associative, keyed by
 *   `x-kubernetes-patch-merge-key` when there is one ("it's not an error for
 *   x-kubernetes-patch-merge-key to be absent, it means it's a set"); `retainKeys` is atomic; any
 *   other value is an error ("unknown patch strategy"), `replace` included;
 * - else atomic ("Treat as atomic by default").
 *
 * kube-openapi drops non-string keys silently; here they are an error.
 *
 * @internal
 */
export function readListType(
  schema: Schema,
  pointer: string,
  input: string,
): { readonly listType: 'atomic' | 'set' | 'map'; readonly keys?: readonly string[] } {
  const fail = (key: string, message: string): never => {
    throw new InvalidSchemaError(`${key}: ${message} (at ${pointer})`, { path: `${pointer}/${key}`, input });
  };
  const listType = schema['x-kubernetes-list-type'];
  if (listType !== undefined) {
    if (listType === 'atomic' || listType === 'set') return { listType };
    if (listType !== 'map') return fail('x-kubernetes-list-type', `unknown list type ${JSON.stringify(listType)}`);
    const keys = schema['x-kubernetes-list-map-keys'];
    if (keys === undefined) return fail('x-kubernetes-list-map-keys', 'missing map keys for x-kubernetes-list-type map');
    if (!Array.isArray(keys) || !keys.every((key) => typeof key === 'string')) {
      return fail('x-kubernetes-list-map-keys', 'must be a list of strings');
    }
    return { listType: 'map', keys: Object.freeze([...(keys as string[])]) };
  }
  const strategy = schema['x-kubernetes-patch-strategy'];
  if (strategy === undefined) return { listType: 'atomic' };
  if (strategy === 'retainKeys') return { listType: 'atomic' };
  if (strategy !== 'merge' && strategy !== 'merge,retainKeys') {
    return fail('x-kubernetes-patch-strategy', `unknown patch strategy ${JSON.stringify(strategy)} on a list`);
  }
  const mergeKey = schema['x-kubernetes-patch-merge-key'];
  if (mergeKey === undefined) return { listType: 'set' };
  if (typeof mergeKey !== 'string') return fail('x-kubernetes-patch-merge-key', 'must be a string');
  return { listType: 'map', keys: Object.freeze([mergeKey]) };
}

/**
 * `x-kubernetes-map-type` (kube-openapi's `getMapElementRelationship`): `atomic`, or `granular`
 * (structured-merge-diff's `separable`); `undefined` when unset; any other value is an error
 * ("unknown map type"). kube-openapi writes both `+mapType` and `+structType` as this extension.
 *
 * @internal
 */
export function readMapType(schema: Schema, pointer: string, input: string): ApplyAtomicity | undefined {
  const mapType = schema['x-kubernetes-map-type'];
  if (mapType === undefined || mapType === 'atomic' || mapType === 'granular') return mapType;
  throw new InvalidSchemaError(`x-kubernetes-map-type: unknown map type ${JSON.stringify(mapType)} (at ${pointer})`, {
    path: `${pointer}/x-kubernetes-map-type`,
    input,
  });
}

/**
 * A referenced type with the referring schema's `x-kubernetes-map-type` applied: kube-openapi
 * puts it on the reference ("the field ElementRelationship override"), so it changes this field
 * only. It has no effect on lists and scalars.
 *
 * @internal
 */
export function withMapTypeOverride(type: ApplyTypeRef, override: ApplyAtomicity | undefined): ApplyTypeRef {
  if (override === undefined) return type;
  if (type.kind === 'struct') return { ...type, structType: override };
  if (type.kind === 'map') return { ...type, mapType: override };
  return type;
}
