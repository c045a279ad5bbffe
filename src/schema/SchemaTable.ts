/**
 * How a list, map or struct is patched, from the Go struct tags `patchStrategy`/`patchMergeKey`
 * (or the OpenAPI extensions `x-kubernetes-patch-strategy`/`x-kubernetes-patch-merge-key`) and the
 * server-side-apply markers `+listType`, `+listMapKey`, `+mapType`, `+structType`
 * (`x-kubernetes-list-type`, `x-kubernetes-list-map-keys`, `x-kubernetes-map-type`).
 *
 * @example
 * ```ts
 * const containers: PatchMeta = {
 *   patchStrategies: ['merge'], patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'],
 * };
 * ```
 * @public
 */
export interface PatchMeta {
  /**
   * The patch strategies, in the order written (`"merge,retainKeys"` gives `['merge', 'retainKeys']`).
   * Empty means the default: maps merge, lists are replaced.
   */
  readonly patchStrategies: readonly PatchStrategy[];
  /** The key that identifies elements of a merge list of objects, e.g. `name` for containers. */
  readonly patchMergeKey?: string;
  /** Server-side apply: how list elements are identified. */
  readonly listType?: 'atomic' | 'set' | 'map';
  /** Server-side apply: the keys of a `listType: map` list, in order. */
  readonly listMapKeys?: readonly string[];
  /** Server-side apply: whether a map is replaced whole (`atomic`) or merged key by key. */
  readonly mapType?: 'atomic' | 'granular';
  /** Server-side apply: whether a struct is replaced whole (`atomic`) or merged field by field. */
  readonly structType?: 'atomic' | 'granular';
}

/**
 * One strategic-merge-patch strategy.
 *
 * @example
 * ```ts
 * const strategies: PatchStrategy[] = ['merge', 'retainKeys'];
 * ```
 * @public
 */
export type PatchStrategy = 'merge' | 'replace' | 'retainKeys';

/**
 * The shape of a value, as a schema table describes it. Structs are referenced by id, so that
 * recursive types (a `MergeItem` holding a list of `MergeItem`) and shared types (`ObjectMeta`)
 * are described once.
 *
 * - `struct`: an object with known fields, described in the table under `ref`;
 * - `list`: an array of `elem`;
 * - `map`: an object with arbitrary keys whose values are `elem` (`map[string]T`, `additionalProperties`);
 * - `scalar`: a string, number or boolean; `format` refines it (`int-or-string` and `quantity` matter
 *   to semantic comparison);
 * - `unknown`: anything, described by no schema (`x-kubernetes-preserve-unknown-fields`, or
 *   {@link PatchSchema.unknown}): maps merge, lists are replaced, every key is accepted;
 * - `opaque`: a value Go's schema cannot see into (`runtime.RawExtension`, `metav1.FieldsV1`, an
 *   OpenAPI schema with neither type nor properties): it has no fields, so, as in Go, a strategic
 *   merge patch that must merge maps inside it fails with `UNKNOWN_FIELD`.
 *
 * @example
 * ```ts
 * const env: TypeRef = { kind: 'list', elem: { kind: 'struct', ref: 'io.k8s.api.core.v1.EnvVar' } };
 * ```
 * @public
 */
export type TypeRef =
  | { readonly kind: 'struct'; readonly ref: string }
  | { readonly kind: 'list'; readonly elem: TypeRef }
  | { readonly kind: 'map'; readonly elem: TypeRef }
  | { readonly kind: 'scalar'; readonly type?: 'string' | 'integer' | 'number' | 'boolean'; readonly format?: ScalarFormat }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'opaque' };

/**
 * Refinements of a scalar that change how values compare.
 *
 * @example
 * ```ts
 * const cpu: TypeRef = { kind: 'scalar', format: 'quantity' };
 * ```
 * @public
 */
export type ScalarFormat = 'int-or-string' | 'quantity' | 'date-time' | 'int32' | 'int64' | 'byte' | 'duration' | 'float' | 'double';

/**
 * One field of a struct: its type and patch metadata, plus what Go's `encoding/json` does with it.
 *
 * @example
 * ```ts
 * const replicas: FieldDef = { type: { kind: 'scalar', type: 'integer', format: 'int32' }, patchStrategies: [], omitempty: true };
 * ```
 * @public
 */
export interface FieldDef extends PatchMeta {
  /** The shape of the field's value. */
  readonly type: TypeRef;
  /** Go `omitempty`: the zero value (`""`, `0`, `false`, empty list or map) is left out on the wire. */
  readonly omitempty?: boolean;
}

/**
 * A struct type: its fields in Go's field order (the order `encoding/json` writes them).
 *
 * @example
 * ```ts
 * const envVar: StructDef = {
 *   fields: {
 *     name: { type: { kind: 'scalar', type: 'string' }, patchStrategies: [] },
 *     value: { type: { kind: 'scalar', type: 'string' }, patchStrategies: [], omitempty: true },
 *   },
 * };
 * ```
 * @public
 */
export interface StructDef {
  /** The fields by JSON name, in Go's field order. */
  readonly fields: { readonly [jsonName: string]: FieldDef };
  /** `atomic` structs are replaced whole by server-side apply. */
  readonly structType?: 'atomic' | 'granular';
  /** Accepts fields it does not list (`x-kubernetes-preserve-unknown-fields`), which are then `unknown`. */
  readonly preserveUnknownFields?: boolean;
}

/**
 * Struct types by id: the data a {@link PatchSchema} navigates.
 *
 * @example
 * ```ts
 * const table: SchemaTable = { 'example.Item': { fields: { name: { type: { kind: 'scalar' }, patchStrategies: [] } } } };
 * ```
 * @public
 */
export interface SchemaTable {
  /** A struct type by its id, e.g. `io.k8s.api.core.v1.PodSpec`. */
  readonly [typeId: string]: StructDef;
}
