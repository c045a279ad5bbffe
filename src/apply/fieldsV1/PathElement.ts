import type { JsonValue } from '../../json/JsonValue.js';

/**
 * One field of the key of an associative-list element (`k:{"name":"app"}` has one, `name`).
 *
 * @example
 * ```ts
 * const field: KeyField = { name: 'containerPort', value: 80 };
 * ```
 * @public
 */
export interface KeyField {
  /** The key field's name. */
  readonly name: string;
  /** Its value, as JSON. */
  readonly value: JsonValue;
}

/**
 * One step of a field path, as structured-merge-diff's `PathElement`: "Exactly one of the
 * following fields should be non-nil" — a field name (`f:`), the key of an associative-list
 * element (`k:`), the value of a set element (`v:`) or the index of a list element (`i:`).
 *
 * @example
 * ```ts
 * const steps: PathElement[] = [
 *   { kind: 'field', name: 'containers' },
 *   { kind: 'key', fields: [{ name: 'name', value: 'app' }] },
 *   { kind: 'field', name: 'image' },
 * ];
 * ```
 * @public
 */
export type PathElement =
  | { readonly kind: 'field'; readonly name: string }
  /** Key fields sorted by name ("They are sorted alphabetically"), as a FieldSet gives them. */
  | { readonly kind: 'key'; readonly fields: readonly KeyField[] }
  | { readonly kind: 'value'; readonly value: JsonValue }
  | { readonly kind: 'index'; readonly index: number };

/**
 * A path from the object's root to one field: the steps of a `fieldsV1` trie from its top.
 *
 * @example
 * ```ts
 * const replicas: FieldPath = [{ kind: 'field', name: 'spec' }, { kind: 'field', name: 'replicas' }];
 * ```
 * @public
 */
export type FieldPath = readonly PathElement[];
