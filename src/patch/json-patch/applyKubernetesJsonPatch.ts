import { InvalidPatchError } from '../../errors/InvalidPatchError.js';
import { PatchTestFailedError } from '../../errors/PatchTestFailedError.js';
import { jsonEqual } from '../../json/jsonEqual.js';
import type { JsonValue } from '../../json/JsonValue.js';
import { copyNode, goJsonText, nodeFromDocument, nodeFromPatchValue, nodeToJson, type GoJsonNode, type GoSlot } from './GoJsonNode.js';
import type { ReadOperation } from './readOperations.js';

/** kube-apiserver's `maxJSONPatchOperations` (apiserver/pkg/endpoints/handlers/patch.go); more is 413. */
export const MAX_SERVER_JSON_PATCH_OPERATIONS = 10_000;

/** kube-apiserver's default `JSONPatchMaxCopyBytes` (3 MiB), set as evanphx's `AccumulatedCopySizeLimit`. */
export const MAX_SERVER_JSON_PATCH_COPY_BYTES = 3 * 1024 * 1024;

/** Go's `strconv.Atoi` syntax, which evanphx uses for array indexes: `01`, `+1` and `-1` included. */
const goInteger = /^[+-]?[0-9]+$/;

type ArrayNode = Extract<GoJsonNode, { kind: 'array' }>;
type Container =
  | { readonly kind: 'object'; readonly node: GoJsonNode }
  | { readonly kind: 'copiedNull'; readonly node: GoJsonNode }
  | { readonly kind: 'array'; readonly node: ArrayNode };

class Failure {
  constructor(
    readonly problem: string,
    readonly code: 'PATH_NOT_FOUND' | 'INVALID_PATCH' = 'PATH_NOT_FOUND',
  ) {}
}

/** Where evanphx v4.12.0 dereferences a nil pointer; the server then refuses the request. */
const crash = (where: string): Failure =>
  new Failure(`makes the API server's JSON Patch library (evanphx/json-patch v4.12.0) crash: ${where}`, 'INVALID_PATCH');

/**
 * Applies already checked operations as kube-apiserver 1.33 does (`jsonPatcher.applyJSPatch` in
 * apiserver/pkg/endpoints/handlers/patch.go, which calls `Patch.Apply` of
 * gopkg.in/evanphx/json-patch.v4 v4.12.0). See {@link ApplyJsonPatchOptions.semantics}.
 */
export function applyKubernetesJsonPatch(document: JsonValue, operations: readonly ReadOperation[]): JsonValue {
  if (operations.length > MAX_SERVER_JSON_PATCH_OPERATIONS) {
    // patch.go: "The allowed maximum operations in a JSON patch is %d, got %d" (413).
    throw new InvalidPatchError(
      `patch: Request entity too large: The allowed maximum operations in a JSON patch is ${MAX_SERVER_JSON_PATCH_OPERATIONS}, got ${operations.length} (the API server's 413)`,
      { input: 'patch', path: '' },
    );
  }
  const state = { root: nodeFromDocument(document), copied: 0 };
  for (const operation of operations) {
    try {
      applyOperation(state, operation);
    } catch (error) {
      if (!(error instanceof Failure)) throw error;
      throw new InvalidPatchError(`operation ${operation.index} (${operation.op} ${operation.path}) ${error.problem}`, {
        operationIndex: operation.index,
        path: operation.path,
        code: error.code,
        input: 'patch',
      });
    }
  }
  return nodeToJson(state.root);
}

type State = { root: GoSlot; copied: number };

function applyOperation(state: State, operation: ReadOperation): void {
  const { tokens } = operation;
  switch (operation.op) {
    case 'add':
      return add(containerOf(state, tokens), last(tokens), nodeFromPatchValue(operation.value as JsonValue));
    case 'remove':
      remove(containerOf(state, tokens), last(tokens));
      return;
    case 'replace':
      return replace(state, tokens, nodeFromPatchValue(operation.value as JsonValue));
    case 'move': {
      // evanphx: get, remove, then add at `path`, with no "proper prefix" check (RFC 6902 §4.4).
      const from = operation.from!.tokens;
      const source = containerOf(state, from);
      const key = last(from);
      const value = get(source, key);
      remove(source, key);
      return add(containerOf(state, tokens), last(tokens), value);
    }
    case 'copy': {
      const from = operation.from!.tokens;
      const value = get(containerOf(state, from), last(from)); // a missing member reads as nil: null is copied
      const target = containerOf(state, tokens);
      const copy = copyNode(value);
      state.copied += copy.bytes;
      if (state.copied > MAX_SERVER_JSON_PATCH_COPY_BYTES) {
        throw new Failure(`copies ${state.copied} bytes in all, over the API server's limit of ${MAX_SERVER_JSON_PATCH_COPY_BYTES}`, 'INVALID_PATCH');
      }
      return add(target, last(tokens), copy.node);
    }
    case 'test':
      return test(state, operation);
  }
}

/** `findObject`: the container of the last token; the pointer `""` has none. */
function containerOf(state: State, tokens: readonly string[]): Container {
  if (tokens.length === 0) throw new Failure('targets the whole document, which only replace and test may do on the server');
  let node: GoSlot = state.root;
  let container = asContainer(node);
  if (container === undefined) throw new Failure('targets a member of a scalar');
  for (const token of tokens.slice(0, -1)) {
    let next: GoSlot;
    try {
      next = get(container, token);
    } catch {
      throw new Failure('targets a location whose parent does not exist');
    }
    if (next?.kind === 'patchNull') throw crash('it steps into a null that an earlier operation wrote');
    node = next;
    container = asContainer(node);
    if (container === undefined) throw new Failure('targets a location whose parent does not exist');
  }
  return container;
}

function asContainer(node: GoSlot): Container | undefined {
  if (node === undefined) return undefined;
  if (node.kind === 'array') return { kind: 'array', node };
  if (node.kind === 'object') return { kind: 'object', node };
  if (node.kind === 'copiedNull') return { kind: 'copiedNull', node };
  return undefined;
}

const last = (tokens: readonly string[]): string => tokens[tokens.length - 1] as string;

/** `strconv.Atoi`, then a negative index counts from the end of `length` (`SupportNegativeIndices`). */
function arrayIndex(token: string, length: number): number {
  if (!goInteger.test(token)) throw new Failure(`uses ${JSON.stringify(token)} as an array index`);
  let index = Number(token);
  if (index < 0) {
    if (index < -length) throw new Failure(`uses index ${token}, out of bounds for ${length} positions`);
    index += length;
  }
  if (index >= length) throw new Failure(`uses index ${token}, out of bounds for ${length} positions`);
  return index;
}

/** A member that is missing reads as nil, like a `null` one; an array index must be in bounds. */
function get(container: Container, key: string): GoSlot {
  if (container.kind === 'array') return container.node.items[arrayIndex(key, container.node.items.length)];
  return container.kind === 'object' ? members(container).get(key) : undefined;
}

function members(container: Container): Map<string, GoSlot> {
  return (container.node as Extract<GoJsonNode, { kind: 'object' }>).members;
}

/** `add`: `-` appends; an index may also be the length (appends) and counts from length + 1 when negative. */
function add(container: Container, key: string, value: GoSlot): void {
  if (container.kind === 'copiedNull') throw crash('it writes into a copied null (a nil Go map)');
  if (container.kind === 'object') {
    members(container).set(key, value);
    return;
  }
  const items = container.node.items;
  const index = key === '-' ? items.length : arrayIndex(key, items.length + 1);
  container.node.items = [...items.slice(0, index), value, ...items.slice(index)];
}

function remove(container: Container, key: string): void {
  if (container.kind === 'array') {
    const index = arrayIndex(key, container.node.items.length);
    container.node.items = container.node.items.filter((_, i) => i !== index);
  } else if (container.kind === 'copiedNull' || !members(container).has(key)) {
    throw new Failure('targets a member that does not exist');
  } else {
    members(container).delete(key);
  }
}

/**
 * `replace`: at `""` an object or array value replaces the document and any other value changes
 * nothing (the library's error there wraps a nil error, which is no error); elsewhere a missing
 * member is added, and an array index must be in bounds.
 */
function replace(state: State, tokens: readonly string[], value: GoJsonNode): void {
  if (tokens.length === 0) {
    if (value.kind === 'object' || value.kind === 'array') state.root = value;
    return;
  }
  const container = containerOf(state, tokens);
  const key = last(tokens);
  if (container.kind === 'copiedNull') throw crash('it writes into a copied null (a nil Go map)');
  if (container.kind === 'object') members(container).set(key, value);
  else container.node.items[arrayIndex(key, container.node.items.length)] = value;
}

/**
 * `test`: a nil target (missing member, `null` of the document) passes only a `null` value; any
 * other target is compared by `lazyNode.equal`: objects member by member, arrays in order, scalars
 * as JSON text.
 */
function test(state: State, operation: ReadOperation): void {
  const expected = operation.value as JsonValue;
  const actual = operation.tokens.length === 0 ? state.root : get(containerOf(state, operation.tokens), last(operation.tokens));
  const passes = actual === undefined ? expected === null : goEqual(actual, expected, true);
  if (!passes) {
    const found = actual === undefined ? 'nothing or null' : JSON.stringify(nodeToJson(actual));
    throw new PatchTestFailedError(
      `operation ${operation.index} (test ${operation.path}) expected ${JSON.stringify(expected)} but found ${found}` +
        (actual !== undefined && jsonTextDiffers(actual, expected) ? ' (the API server compares JSON text, and writes <, > and & escaped)' : ''),
      { operationIndex: operation.index, path: operation.path, input: 'patch', actual: actual === undefined ? undefined : nodeToJson(actual), expected },
    );
  }
}

function goEqual(node: GoJsonNode, value: JsonValue, top: boolean): boolean {
  switch (node.kind) {
    case 'patchNull':
      return top && value === null; // no text on either side
    case 'scalar':
      return scalarText(node) === JSON.stringify(value);
    case 'object':
    case 'copiedNull': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
      const entries = node.kind === 'object' ? [...node.members] : [];
      if (entries.length !== Object.keys(value).length) return false;
      return entries.every(([key, member]) => {
        if (!Object.hasOwn(value, key)) return false;
        const other = value[key] as JsonValue;
        if ((member === undefined) !== (other === null)) return false;
        return member === undefined || goEqual(member, other, false);
      });
    }
    case 'array': {
      if (!Array.isArray(value) || value.length !== node.items.length) return false;
      return node.items.every((item, i) => {
        if (item === undefined || value[i] === null) throw crash('its test compares an array holding null');
        return goEqual(item, value[i] as JsonValue, false);
      });
    }
  }
}

function scalarText(node: Extract<GoJsonNode, { kind: 'scalar' }>): string {
  return node.asSent ? JSON.stringify(node.value) : goJsonText(node.value);
}

/** The test failed only because of how Go writes the document's strings. */
function jsonTextDiffers(node: GoJsonNode, value: JsonValue): boolean {
  return jsonEqual(nodeToJson(node), value) && goJsonText(value) !== JSON.stringify(value);
}
