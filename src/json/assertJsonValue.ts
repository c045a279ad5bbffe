import { InvalidDocumentError } from '../errors/InvalidDocumentError.js';
import type { JsonValue } from './JsonValue.js';
import { forInListsOwnKeys } from './ownKeysByForIn.js';
import { formatJsonPointer } from './pointer.js';
import { shortPointer } from './shortPointer.js';

/**
 * How deeply an input may nest (objects and arrays), counting the root as depth 1. Deeper
 * inputs are rejected with `DOCUMENT_TOO_DEEP` before any recursive algorithm sees them, so no
 * `RangeError` (stack overflow) can escape. Kubernetes objects nest about 15 levels deep.
 *
 * @example
 * ```ts
 * let deep: JsonValue = 'leaf';
 * for (let i = 0; i <= MAX_DEPTH; i++) deep = [deep]; // MAX_DEPTH + 1 levels
 * applyMergePatch(deep, {}); // throws InvalidDocumentError, code DOCUMENT_TOO_DEEP
 * ```
 * @public
 */
export const MAX_DEPTH = 1000;

/**
 * Checks that `value` is a JSON value and narrows its type. Every public entry point calls this
 * on each of its inputs, naming the argument in `input` so the error says which one is bad.
 *
 * Rejected, with the JSON Pointer of the offending location: cycles, `undefined` as an array
 * element or as the whole value, functions, symbols, bigints, `NaN` and `±Infinity`, instances of
 * classes (`Date`, `Map`, `Set`, `Buffer`, …) and nesting deeper than {@link MAX_DEPTH}. Object
 * properties whose value is `undefined` are allowed and count as absent, as in `JSON.stringify`.
 */
export function assertJsonValue(value: unknown, input: string): asserts value is JsonValue {
  if (!isJsonWithin(value, 1)) throwFirstProblem(value, input);
}

/** A scalar `assertJsonValue` accepts (`undefined` aside): a string, a boolean, `null` or a finite number. */
export function isJsonScalar(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object':
      return value === null;
    default:
      return false;
  }
}

/**
 * The common case, a valid input, checked without tracking paths or ancestors. A cycle needs no
 * set of ancestors to be caught: following it nests past {@link MAX_DEPTH}, so it is rejected
 * here too, and {@link throwFirstProblem} then names it. `depth` is the nesting of `node` (the
 * root is 1), so that a walk that already went down can check a subtree in place.
 */
export function isJsonWithin(node: unknown, depth: number): boolean {
  if (typeof node !== 'object' || node === null) return isJsonScalar(node);
  if (depth > MAX_DEPTH) return false;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) if (!isJsonWithin(node[i], depth + 1)) return false;
    return true;
  }
  const prototype: unknown = Object.getPrototypeOf(node);
  if (!isPlainPrototype(prototype)) return false;
  const record = node as Record<string, unknown>;
  if (forInListsOwnKeys(prototype)) {
    // Within a walk that allows it, without building the array of keys (see ownKeysByForIn);
    // strings, the most common members, are accepted without a call.
    for (const key in record) {
      const child = record[key];
      if (child !== undefined && typeof child !== 'string' && !isJsonWithin(child, depth + 1)) return false;
    }
    return true;
  }
  const keys = Object.keys(node);
  for (let i = 0; i < keys.length; i++) {
    const child = record[keys[i]!];
    if (child !== undefined && typeof child !== 'string' && !isJsonWithin(child, depth + 1)) return false;
  }
  return true;
}

/**
 * Walks `value` again, now keeping the path and the ancestors, and throws for the first problem
 * in document order: the error says where it is and whether it is a cycle or too deep a nesting.
 */
function throwFirstProblem(value: unknown, input: string): never {
  const tokens: string[] = [];
  const ancestors = new Set<object>();

  const fail = (problem: string, code?: 'DOCUMENT_TOO_DEEP'): never => {
    const path = formatJsonPointer(tokens);
    // The message names a long pointer by its ends (a too-deep one is 1000 tokens); `path` keeps it whole.
    const where = path === '' ? 'the root' : shortPointer(tokens);
    throw new InvalidDocumentError(`${input}: the value at ${where} ${problem}`, { path, input, code });
  };

  const visit = (node: unknown, depth: number): void => {
    switch (typeof node) {
      case 'string':
      case 'boolean':
        return;
      case 'number':
        if (!Number.isFinite(node)) fail(`is ${node}, which JSON cannot represent`);
        return;
      case 'undefined':
        return fail('is undefined, which JSON cannot represent');
      case 'function':
      case 'symbol':
      case 'bigint':
        return fail(`is a ${typeof node}, which JSON cannot represent`);
    }
    if (node === null) return;
    const object = node as object;
    if (depth > MAX_DEPTH) fail(`nests deeper than the limit of ${MAX_DEPTH} levels`, 'DOCUMENT_TOO_DEEP');
    if (ancestors.has(object)) fail('refers back to one of its ancestors (a cycle)');
    if (Array.isArray(object)) {
      ancestors.add(object);
      for (let i = 0; i < object.length; i++) {
        tokens.push(String(i));
        visit(object[i], depth + 1);
        tokens.pop();
      }
    } else {
      checkPlainObject(object, fail);
      ancestors.add(object);
      const record = object as Record<string, unknown>;
      for (const key of Object.keys(object)) {
        const child = record[key];
        if (child === undefined) continue;
        tokens.push(key);
        visit(child, depth + 1);
        tokens.pop();
      }
    }
    ancestors.delete(object);
  };

  visit(value, 1);
  // Both walks apply the same rules, so the precise one always finds what the quick one did.
  throw new InvalidDocumentError(`${input}: the value is not JSON`, { path: '', input });
}

/** An object made by a literal, `JSON.parse` or `Object.create(null)`, in this realm or another. */
export function isPlainObject(object: object): boolean {
  return isPlainPrototype(Object.getPrototypeOf(object));
}

/** The prototype of a plain object (see {@link isPlainObject}), for walks that need the prototype again. */
export function isPlainPrototype(prototype: unknown): boolean {
  return prototype === null || prototype === Object.prototype || isForeignObjectPrototype(prototype);
}

function checkPlainObject(object: object, fail: (problem: string) => never): void {
  if (isPlainObject(object)) return;
  if (object instanceof Date) {
    fail(
      'is a Date. @kubernetes/client-node returns timestamps such as metadata.creationTimestamp as Date: ' +
        'convert the object to its JSON form first, with timestamps as RFC 3339 strings (client-node\'s ObjectSerializer.serialize, ' +
        'a deep import from @kubernetes/client-node/dist/serializer.js, does this and also restores renamed fields such as `_from`)',
    );
  }
  const constructorName = (object as { constructor?: { name?: unknown } }).constructor?.name;
  const name = typeof constructorName === 'string' && constructorName !== '' ? constructorName : 'class';
  fail(`is an instance of ${name}, not a plain object: convert it to plain JSON first`);
}

/** A plain object made in another realm (a `vm` context, an iframe) has that realm's `Object.prototype`. */
function isForeignObjectPrototype(prototype: unknown): boolean {
  if (typeof prototype !== 'object' || prototype === null || Object.getPrototypeOf(prototype) !== null) return false;
  const constructor = (prototype as { constructor?: unknown }).constructor;
  return typeof constructor === 'function' && constructor.name === 'Object';
}
