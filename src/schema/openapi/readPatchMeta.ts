import { InvalidSchemaError } from '../../errors/InvalidSchemaError.js';
import type { PatchMeta, PatchStrategy, TypeRef } from '../SchemaTable.js';

const strategies: ReadonlySet<string> = new Set<PatchStrategy>(['merge', 'replace', 'retainKeys']);
const listTypes: ReadonlySet<string> = new Set(['atomic', 'set', 'map']);
const mapTypes: ReadonlySet<string> = new Set(['atomic', 'granular']);
const noStrategies: readonly PatchStrategy[] = Object.freeze([]);

/**
 * The patch metadata a schema's Kubernetes extensions declare for the value it describes, whose
 * type is `type`:
 *
 * - `x-kubernetes-patch-strategy`: a comma list, as the `patchStrategy` struct tag
 *   (`"merge,retainKeys"`);
 * - `x-kubernetes-patch-merge-key`;
 * - `x-kubernetes-list-type` and `x-kubernetes-list-map-keys`;
 * - `x-kubernetes-map-type`, which kube-openapi writes for both `+mapType` and `+structType`, so
 *   it is the struct type of a struct and the map type of anything else.
 *
 * Like Go's `PatchMetaFromOpenAPI`, only the schema itself is read, not the one a `$ref` or
 * `allOf` leads to: the Kubernetes OpenAPI puts a field's extensions beside its reference.
 *
 * @internal
 */
export function readPatchMeta(schema: unknown, type: TypeRef, pointer: string, input: string): PatchMeta {
  if (typeof schema !== 'object' || schema === null) return { patchStrategies: noStrategies };
  const s = schema as { readonly [key: string]: unknown };
  const fail = (key: string, expected: string): never => {
    throw new InvalidSchemaError(`${key} must be ${expected}, found ${JSON.stringify(s[key])} (at ${pointer})`, {
      path: `${pointer}/${key}`,
      input,
    });
  };
  const meta: { -readonly [K in keyof PatchMeta]: PatchMeta[K] } = { patchStrategies: noStrategies };

  const strategy = s['x-kubernetes-patch-strategy'];
  if (strategy !== undefined) {
    if (typeof strategy !== 'string') fail('x-kubernetes-patch-strategy', 'a string');
    const list = (strategy as string).split(',').map((part) => part.trim()).filter((part) => part !== '');
    if (!list.every((part) => strategies.has(part))) {
      fail('x-kubernetes-patch-strategy', 'a comma list of merge, replace and retainKeys');
    }
    meta.patchStrategies = Object.freeze(list as PatchStrategy[]);
  }
  const mergeKey = s['x-kubernetes-patch-merge-key'];
  if (mergeKey !== undefined) {
    if (typeof mergeKey !== 'string') fail('x-kubernetes-patch-merge-key', 'a string');
    meta.patchMergeKey = mergeKey as string;
  }
  const listType = s['x-kubernetes-list-type'];
  if (listType !== undefined) {
    if (typeof listType !== 'string' || !listTypes.has(listType)) fail('x-kubernetes-list-type', 'atomic, set or map');
    meta.listType = listType as PatchMeta['listType'];
  }
  const listMapKeys = s['x-kubernetes-list-map-keys'];
  if (listMapKeys !== undefined) {
    if (!Array.isArray(listMapKeys) || !listMapKeys.every((key) => typeof key === 'string')) {
      fail('x-kubernetes-list-map-keys', 'a list of strings');
    }
    meta.listMapKeys = Object.freeze([...(listMapKeys as string[])]);
  }
  const mapType = s['x-kubernetes-map-type'];
  if (mapType !== undefined) {
    if (typeof mapType !== 'string' || !mapTypes.has(mapType)) fail('x-kubernetes-map-type', 'atomic or granular');
    if (type.kind === 'struct') meta.structType = mapType as PatchMeta['structType'];
    else meta.mapType = mapType as PatchMeta['mapType'];
  }
  return meta;
}
