import { InvalidPatchError } from '../../errors/InvalidPatchError.js';
import { assertJsonValue } from '../../json/assertJsonValue.js';
import type { JsonValue } from '../../json/JsonValue.js';
import { getOwn, isJsonObject } from '../../json/ownProperty.js';
import { parseJsonPointer } from '../../json/pointer.js';
import type { JsonPatchOperation } from './JsonPatchOperation.js';

/** A checked operation with its pointers split into tokens. */
export interface ReadOperation {
  readonly op: JsonPatchOperation['op'];
  readonly index: number;
  readonly path: string;
  readonly tokens: readonly string[];
  readonly from?: { readonly pointer: string; readonly tokens: readonly string[] };
  readonly value?: JsonValue;
}

const needsValue = new Set(['add', 'replace', 'test']);
const needsFrom = new Set(['move', 'copy']);

/**
 * Checks the shape of a JSON Patch document (RFC 6902 §3 and §4) before anything is applied:
 *
 * > Operation objects MUST have exactly one "op" member, whose value indicates the operation to
 * > perform. Its value MUST be one of "add", "remove", "replace", "move", "copy", or "test"; other
 * > values are errors.
 * > Additionally, operation objects MUST have exactly one "path" member.
 * > Members that are not explicitly defined for the operation in question MUST be ignored.
 */
export function readOperations(patch: unknown): ReadOperation[] {
  assertJsonValue(patch, 'patch');
  if (!Array.isArray(patch)) {
    throw new InvalidPatchError('patch: a JSON Patch must be an array of operations', { input: 'patch', path: '' });
  }
  return patch.map((operation, index) => readOperation(operation, index));
}

function readOperation(operation: JsonValue, index: number): ReadOperation {
  const fail = (problem: string, path?: string): never => {
    throw new InvalidPatchError(`patch: operation ${index} ${problem}`, { operationIndex: index, path, input: 'patch' });
  };
  if (!isJsonObject(operation)) return fail('is not an object');
  const op = getOwn(operation, 'op');
  if (typeof op !== 'string' || !(needsValue.has(op) || needsFrom.has(op) || op === 'remove')) {
    return fail(`has op ${JSON.stringify(op ?? null)}; expected add, remove, replace, move, copy or test`);
  }
  const path = getOwn(operation, 'path');
  if (typeof path !== 'string') return fail(`(${op}) has no string "path" member`);
  const tokens = parsePointer(path, fail);
  const value = getOwn(operation, 'value');
  if (needsValue.has(op) && value === undefined) return fail(`(${op}) has no "value" member`, path);
  if (!needsFrom.has(op)) {
    return { op: op as ReadOperation['op'], index, path, tokens, ...(needsValue.has(op) ? { value } : {}) };
  }
  const from = getOwn(operation, 'from');
  if (typeof from !== 'string') return fail(`(${op}) has no string "from" member`, path);
  return { op: op as ReadOperation['op'], index, path, tokens, from: { pointer: from, tokens: parsePointer(from, fail) } };
}

function parsePointer(pointer: string, fail: (problem: string, path?: string) => never): string[] {
  try {
    return parseJsonPointer(pointer);
  } catch (error) {
    return fail(`has a bad pointer: ${(error as Error).message}`, pointer);
  }
}
