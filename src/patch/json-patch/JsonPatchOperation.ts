import type { JsonValue } from '../../json/JsonValue.js';

/**
 * RFC 6902 §4.1 `add`: inserts into an array at `path` (or appends with `-`), or sets an object member.
 * @public
 */
export interface AddOperation {
  readonly op: 'add';
  readonly path: string;
  readonly value: JsonValue;
}

/**
 * RFC 6902 §4.2 `remove`: removes the value at `path`, which must exist.
 * @public
 */
export interface RemoveOperation {
  readonly op: 'remove';
  readonly path: string;
}

/**
 * RFC 6902 §4.3 `replace`: replaces the value at `path`, which must exist.
 * @public
 */
export interface ReplaceOperation {
  readonly op: 'replace';
  readonly path: string;
  readonly value: JsonValue;
}

/**
 * RFC 6902 §4.4 `move`: removes the value at `from` and adds it at `path`.
 * @public
 */
export interface MoveOperation {
  readonly op: 'move';
  readonly from: string;
  readonly path: string;
}

/**
 * RFC 6902 §4.5 `copy`: adds a copy of the value at `from` at `path`.
 * @public
 */
export interface CopyOperation {
  readonly op: 'copy';
  readonly from: string;
  readonly path: string;
}

/**
 * RFC 6902 §4.6 `test`: fails the whole patch unless the value at `path` equals `value`.
 * @public
 */
export interface TestOperation {
  readonly op: 'test';
  readonly path: string;
  readonly value: JsonValue;
}

/**
 * One JSON Patch operation. Structurally the same as the `Operation` type of the `rfc6902` package,
 * so patches pass between the two without conversion.
 *
 * @example
 * ```ts
 * const op: JsonPatchOperation = { op: 'replace', path: '/spec/replicas', value: 5 };
 * ```
 * @public
 */
export type JsonPatchOperation =
  | AddOperation
  | RemoveOperation
  | ReplaceOperation
  | MoveOperation
  | CopyOperation
  | TestOperation;

/**
 * A JSON Patch document (RFC 6902, `application/json-patch+json`): operations applied in order.
 *
 * @example
 * ```ts
 * const patch: JsonPatch = [
 *   { op: 'test', path: '/spec/replicas', value: 3 },
 *   { op: 'replace', path: '/spec/replicas', value: 5 },
 * ];
 * ```
 * @public
 */
export type JsonPatch = readonly JsonPatchOperation[];
