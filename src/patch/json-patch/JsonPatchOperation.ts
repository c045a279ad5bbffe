import type { JsonValue } from '../../json/JsonValue.js';

/**
 * RFC 6902 §4.1 `add`: inserts into an array at `path` (or appends with `-`), or sets an object member.
 *
 * @example
 * ```ts
 * const op: AddOperation = { op: 'add', path: '/spec/template/spec/containers/-', value: { name: 'sidecar', image: 'envoy:1' } };
 * ```
 * @public
 */
export type AddOperation = {
  /** The operation. */
  readonly op: 'add';
  /** Where to add: an object member, an array index, or `-` for the end of an array. */
  readonly path: string;
  /** The value to add. */
  readonly value: JsonValue;
};

/**
 * RFC 6902 §4.2 `remove`: removes the value at `path`, which must exist.
 *
 * @example
 * ```ts
 * const op: RemoveOperation = { op: 'remove', path: '/metadata/annotations/deprecated' };
 * ```
 * @public
 */
export type RemoveOperation = {
  /** The operation. */
  readonly op: 'remove';
  /** The value to remove. */
  readonly path: string;
};

/**
 * RFC 6902 §4.3 `replace`: replaces the value at `path`, which must exist.
 *
 * @example
 * ```ts
 * const op: ReplaceOperation = { op: 'replace', path: '/spec/replicas', value: 5 };
 * ```
 * @public
 */
export type ReplaceOperation = {
  /** The operation. */
  readonly op: 'replace';
  /** The value to replace. */
  readonly path: string;
  /** The new value. */
  readonly value: JsonValue;
};

/**
 * RFC 6902 §4.4 `move`: removes the value at `from` and adds it at `path`.
 *
 * @example
 * ```ts
 * const op: MoveOperation = { op: 'move', from: '/spec/paused', path: '/metadata/annotations/was-paused' };
 * ```
 * @public
 */
export type MoveOperation = {
  /** The operation. */
  readonly op: 'move';
  /** The value to move. */
  readonly from: string;
  /** Where to add it, evaluated after it has been removed from `from`. */
  readonly path: string;
};

/**
 * RFC 6902 §4.5 `copy`: adds a copy of the value at `from` at `path`.
 *
 * @example
 * ```ts
 * const op: CopyOperation = { op: 'copy', from: '/metadata/labels/app', path: '/spec/selector/matchLabels/app' };
 * ```
 * @public
 */
export type CopyOperation = {
  /** The operation. */
  readonly op: 'copy';
  /** The value to copy. */
  readonly from: string;
  /** Where to add the copy. */
  readonly path: string;
};

/**
 * RFC 6902 §4.6 `test`: fails the whole patch unless the value at `path` equals `value`.
 *
 * @example
 * ```ts
 * const op: TestOperation = { op: 'test', path: '/spec/template/spec/containers/0/name', value: 'app' };
 * ```
 * @public
 */
export type TestOperation = {
  /** The operation. */
  readonly op: 'test';
  /** The value to compare. */
  readonly path: string;
  /** The value it must equal (JSON equality: `1` is not `"1"`). */
  readonly value: JsonValue;
};

/**
 * One JSON Patch operation. Structurally the same as the `Operation` type of the `rfc6902` package,
 * so patches pass between the two without conversion, and a JSON value itself (a patch can be
 * stored or sent wherever a {@link JsonValue} is expected).
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
