import type { JsonObject, JsonValue } from '../../json/JsonValue.js';
import { isJsonObject, jsonKeys, setOwn } from '../../json/ownProperty.js';

/**
 * A value as gopkg.in/evanphx/json-patch.v4 (v4.12.0, the library of kube-apiserver 1.33 and
 * kubectl 1.32) holds it while it applies a patch. Unlike a plain JSON value it remembers what
 * that library's answers depend on:
 *
 * - the JSON text of a scalar. A `test` compares scalars as text: text from the stored object was
 *   written by Go's `json.Marshal`, which escapes `<`, `>`, `&`, U+2028 and U+2029 (`\u003c`), and
 *   text from the patch is as the client sent it (`JSON.stringify` escapes none of them);
 * - two kinds of `null` besides a document's own (`undefined` in a container here, Go's nil node):
 *   the `value` of an `add` or `replace` when it is `null` (`patchNull`, a node without text: the
 *   library crashes on stepping into it) and a copy of that node (`copiedNull`, the text `null`,
 *   which the library reads as an object with no members).
 */
export type GoJsonNode =
  | { readonly kind: 'object'; readonly members: Map<string, GoJsonNode | undefined> }
  | { readonly kind: 'array'; items: (GoJsonNode | undefined)[] }
  | { readonly kind: 'scalar'; readonly value: string | number | boolean; readonly asSent: boolean }
  | { readonly kind: 'patchNull' }
  | { readonly kind: 'copiedNull' };

/** A container slot's content: a node, or Go's nil (a `null` of the document or nested in a value). */
export type GoSlot = GoJsonNode | undefined;

/** The stored object: its text is Go's. */
export function nodeFromDocument(value: JsonValue): GoSlot {
  return fromJson(value, false);
}

/** An operation's `value`: its text is the client's; a `null` value is a node without text. */
export function nodeFromPatchValue(value: JsonValue): GoJsonNode {
  return value === null ? { kind: 'patchNull' } : (fromJson(value, true) as GoJsonNode);
}

function fromJson(value: JsonValue, asSent: boolean): GoSlot {
  if (value === null) return undefined;
  if (Array.isArray(value)) return { kind: 'array', items: value.map((item) => fromJson(item, asSent)) };
  if (isJsonObject(value)) {
    const members = new Map<string, GoSlot>();
    for (const key of jsonKeys(value)) members.set(key, fromJson(value[key] as JsonValue, asSent));
    return { kind: 'object', members };
  }
  return { kind: 'scalar', value, asSent };
}

/** The plain JSON value of a slot. */
export function nodeToJson(node: GoSlot): JsonValue {
  if (node === undefined || node.kind === 'patchNull' || node.kind === 'copiedNull') return null;
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'array') return node.items.map(nodeToJson);
  const result: JsonObject = {};
  for (const [key, member] of node.members) setOwn(result, key, nodeToJson(member));
  return result;
}

/**
 * What a `copy` stores: the library marshals the source with `json.Marshal` and keeps that text,
 * so every string is Go's text from then on and a `patchNull` becomes the text `null`. Also
 * returns the text's length in bytes, which counts against the server's copy limit.
 */
export function copyNode(node: GoSlot): { readonly node: GoSlot; readonly bytes: number } {
  if (node === undefined) return { node: undefined, bytes: 0 };
  const copy = recopy(node);
  return { node: copy, bytes: utf8Length(goJsonText(nodeToJson(copy))) };
}

function recopy(node: GoSlot): GoSlot {
  if (node === undefined) return undefined;
  switch (node.kind) {
    case 'patchNull':
    case 'copiedNull':
      return { kind: 'copiedNull' };
    case 'scalar':
      return { kind: 'scalar', value: node.value, asSent: false };
    case 'array':
      return { kind: 'array', items: node.items.map(recopy) };
    case 'object':
      return { kind: 'object', members: new Map([...node.members].map(([key, member]) => [key, recopy(member)])) };
  }
}

/**
 * Go's `json.Marshal` text of a value, but for key order: Go's `encodeState.string` with
 * `escapeHTML` on writes `<`, `>` and `&` as `\u003c`, `\u003e`, `\u0026`, and always writes
 * U+2028 and U+2029 as `\u2028` and `\u2029`.
 */
export function goJsonText(value: JsonValue): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}
