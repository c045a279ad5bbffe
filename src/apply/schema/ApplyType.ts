/**
 * The shape of a value as server-side apply sees it: structured-merge-diff's schema model
 * (`sigs.k8s.io/structured-merge-diff/v4/schema`, `elements.go`), in kubepatch's notation.
 *
 * structured-merge-diff has one "atom" per type, with up to three parts (scalar, list, map) and an
 * `elementRelationship` on lists and maps:
 *
 * - a list is `atomic` ("the list is treated as a single entity, like a scalar") or `associative`,
 *   with `keys` ("the list is a map, keyed by these fields") or without (a set of scalars). Here
 *   that is `listType` `'atomic'`, `'map'` (with `keys`) or `'set'`, the names of
 *   `x-kubernetes-list-type`;
 * - a map is `separable` (the default: "each element is 100% independent") or `atomic`. Here that
 *   is `mapType` `'granular'` or `'atomic'`, the names of `x-kubernetes-map-type`. A struct is a map
 *   with fields ("structs are granular maps with fields"); `structType` says whether it is replaced
 *   whole;
 * - a scalar is `string`, `numeric`, `boolean` or `untyped` (any value, kept whole: quantities,
 *   int-or-string, times, `runtime.RawExtension`).
 *
 * kube-openapi adds two named types every schema it converts refers to, modelled here as kinds of
 * their own:
 *
 * - `deduced` (`__untyped_deduced_`): what a value with no schema is, read from the value itself:
 *   a scalar, an atomic list of `untyped`, or a granular map whose values are `deduced` again
 *   (`x-kubernetes-preserve-unknown-fields`, an object with no properties);
 * - `untyped` (`__untyped_atomic_`): a scalar, list or map, always replaced whole.
 *
 * @internal
 */
export type ApplyTypeRef =
  | {
      readonly kind: 'struct';
      readonly ref: string;
      /** A field's own `x-kubernetes-map-type` beside a `$ref`, which overrides the struct's. */
      readonly structType?: ApplyAtomicity;
    }
  | {
      readonly kind: 'list';
      readonly listType: 'atomic' | 'set' | 'map';
      /** The key fields of a `listType: 'map'` list, in order. */
      readonly keys?: readonly string[];
      readonly elem: ApplyTypeRef;
    }
  | { readonly kind: 'map'; readonly mapType: ApplyAtomicity; readonly elem: ApplyTypeRef }
  | { readonly kind: 'scalar'; readonly scalar: ApplyScalar; readonly format?: ApplyScalarFormat }
  | { readonly kind: 'deduced' }
  | { readonly kind: 'untyped' };

/**
 * structured-merge-diff's scalar types. kube-openapi reads `integer` and `number` as `numeric`,
 * `string` (no format, or `byte`) as `string`, and any other string format as `untyped`.
 * @internal
 */
export type ApplyScalar = 'string' | 'numeric' | 'boolean' | 'untyped';

/**
 * What an `untyped` scalar holds, for readers (server-side apply treats them all alike).
 * @internal
 */
export type ApplyScalarFormat = 'int-or-string' | 'quantity' | 'date-time';

/**
 * `granular` (merged member by member: structured-merge-diff's `separable`) or `atomic` (replaced whole).
 * @internal
 */
export type ApplyAtomicity = 'granular' | 'atomic';

/**
 * A struct: a map with known fields.
 * @internal
 */
export interface ApplyStructDef {
  /** The fields by JSON name. */
  readonly fields: { readonly [name: string]: ApplyTypeRef };
  /** `atomic` structs are replaced whole; absent means `granular`. */
  readonly structType?: ApplyAtomicity;
  /**
   * The type of the keys the struct does not declare: `deduced` where unknown fields are preserved
   * (`x-kubernetes-preserve-unknown-fields`), or the `additionalProperties` beside `properties`.
   * Absent: undeclared keys are not part of the schema.
   */
  readonly otherFields?: ApplyTypeRef;
  /**
   * Defaults of fields that are keys of an associative list: structured-merge-diff identifies an
   * element whose key field is missing by the field's default (`ContainerPort.protocol` → `"TCP"`).
   */
  readonly keyDefaults?: { readonly [name: string]: unknown };
  /** Marked `x-kubernetes-embedded-resource`: it was given `apiVersion`, `kind` and `metadata`. */
  readonly embeddedResource?: true;
}

/**
 * Struct types by id: the data an {@link ApplySchema} navigates.
 * @internal
 */
export interface ApplyTable {
  readonly [typeId: string]: ApplyStructDef;
}

/** The two types every converted schema shares, frozen. @internal */
export const deducedType: ApplyTypeRef = Object.freeze({ kind: 'deduced' });
/** @internal */
export const untypedType: ApplyTypeRef = Object.freeze({ kind: 'untyped' });
