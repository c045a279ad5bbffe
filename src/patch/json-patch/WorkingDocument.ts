import { InvalidPatchError } from '../../errors/InvalidPatchError.js';
import { cloneJson } from '../../json/cloneJson.js';
import type { JsonObject, JsonValue } from '../../json/JsonValue.js';
import { getOwn, isJsonObject, setOwn } from '../../json/ownProperty.js';

/** RFC 6901 §4: an array index is "0" or digits without a leading zero. */
const arrayIndex = /^(0|[1-9][0-9]*)$/;

/** Where a pointer ends: the container holding the value and the key or index in it. */
type Slot = { readonly container: JsonObject; readonly key: string } | { readonly container: JsonValue[]; readonly key: string };

/**
 * A private deep copy of the document that operations change in place. Pointers are resolved
 * strictly: object members only as own properties (so `__proto__`, `constructor` and `toString`
 * are ordinary keys), array elements only by a canonical index within bounds.
 */
export class WorkingDocument {
  root: JsonValue;

  constructor(
    document: JsonValue,
    private readonly operationIndex: () => number,
  ) {
    this.root = cloneJson(document);
  }

  /** The value at `tokens`, or `undefined` when nothing is there. */
  get(tokens: readonly string[]): JsonValue | undefined {
    let node: JsonValue | undefined = this.root;
    for (const token of tokens) {
      node = node === undefined ? undefined : child(node, token);
      if (node === undefined) return undefined;
    }
    return node;
  }

  /** RFC 6902 §4.1; `value` must already be a private copy. */
  add(tokens: readonly string[], path: string, value: JsonValue): void {
    if (tokens.length === 0) {
      this.root = value;
      return;
    }
    const slot = this.parentSlot(tokens, path);
    if (Array.isArray(slot.container)) {
      // "The "-" character can be used instead of an index to insert at the end of an array."
      const index = slot.key === '-' ? slot.container.length : this.index(slot.key, path, slot.container.length, true);
      slot.container.splice(index, 0, value);
    } else {
      setOwn(slot.container, slot.key, value);
    }
  }

  /** RFC 6902 §4.2: "The target location MUST exist for the operation to be successful." */
  remove(tokens: readonly string[], path: string): JsonValue {
    if (tokens.length === 0) this.fail('cannot remove the whole document', path, 'INVALID_PATCH');
    const slot = this.existingSlot(tokens, path);
    if (Array.isArray(slot.container)) return slot.container.splice(Number(slot.key), 1)[0] as JsonValue;
    const removed = slot.container[slot.key] as JsonValue;
    delete slot.container[slot.key];
    return removed;
  }

  /** RFC 6902 §4.3: like remove then add at the same place; the target must exist. */
  replace(tokens: readonly string[], path: string, value: JsonValue): void {
    if (tokens.length === 0) {
      this.root = value;
      return;
    }
    const slot = this.existingSlot(tokens, path);
    if (Array.isArray(slot.container)) slot.container[Number(slot.key)] = value;
    else setOwn(slot.container, slot.key, value);
  }

  /** The value at `tokens`, which must exist. */
  require(tokens: readonly string[], path: string): JsonValue {
    const value = this.get(tokens);
    return value === undefined ? this.fail('targets a location that does not exist', path) : value;
  }

  private existingSlot(tokens: readonly string[], path: string): Slot {
    const slot = this.parentSlot(tokens, path);
    if (Array.isArray(slot.container)) this.index(slot.key, path, slot.container.length);
    else if (getOwn(slot.container, slot.key) === undefined) this.fail('targets a member that does not exist', path);
    return slot;
  }

  private parentSlot(tokens: readonly string[], path: string): Slot {
    const container = this.get(tokens.slice(0, -1));
    const key = tokens[tokens.length - 1] as string;
    if (Array.isArray(container)) return { container, key };
    if (isJsonObject(container)) return { container, key };
    return this.fail(
      container === undefined ? 'targets a location whose parent does not exist' : 'targets a member of a scalar',
      path,
    );
  }

  /**
   * Checks an array index token: within the array, or one past its end where `add` may append
   * ("The specified index MUST NOT be greater than the number of elements in the array").
   */
  private index(token: string, path: string, length: number, allowEnd = false): number {
    if (!arrayIndex.test(token)) this.fail(`uses ${JSON.stringify(token)} as an array index`, path);
    const index = Number(token);
    if (index > length || (index === length && !allowEnd)) {
      this.fail(`uses index ${index}, out of bounds for an array of ${length} elements`, path);
    }
    return index;
  }

  fail(problem: string, path: string, code: 'PATH_NOT_FOUND' | 'INVALID_PATCH' = 'PATH_NOT_FOUND'): never {
    const operationIndex = this.operationIndex();
    throw new InvalidPatchError(`operation ${operationIndex} (${path}) ${problem}`, { operationIndex, path, code, input: 'patch' });
  }
}

function child(node: JsonValue, token: string): JsonValue | undefined {
  if (Array.isArray(node)) return arrayIndex.test(token) ? node[Number(token)] : undefined;
  return isJsonObject(node) ? getOwn(node, token) : undefined;
}
