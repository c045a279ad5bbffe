import type { JsonObject, JsonValue } from '../../json/JsonValue.js';
import { getOwn, isJsonObject, jsonKeys, setOwn } from '../../json/ownProperty.js';
import { formatJsonPointer } from '../../json/pointer.js';

/**
 * A step into a working value: a member name or an array position (as the value is now).
 * @example
 * ```ts
 * const steps: Step[] = ['spec', 'containers', 0];
 * ```
 * @internal
 */
export type Step = string | number;

/**
 * A copy of an object that Argo CD's rules remove fields from one after another, each seeing the
 * result of the ones before (as Argo CD applies them to one document in turn), while every
 * removal is reported by its JSON Pointer in the original object: arrays remember which original
 * index each of their elements had. Only arrays are re-indexed by removals; member names never change.
 * @example
 * ```ts
 * const doc = new WorkingDocument({ a: [1, 2, 3] });
 * doc.remove(['a', 0]); // '/a/0'
 * doc.remove(['a', 0]); // '/a/1': the original position
 * ```
 * @internal
 */
export class WorkingDocument {
  /** The current value; `undefined` once the root itself was removed. */
  root: JsonValue | undefined;
  readonly #origins = new WeakMap<JsonValue[], number[]>();
  /** The object given, before any removal. */
  readonly original: JsonObject;

  constructor(object: JsonObject) {
    this.original = object;
    this.root = this.#copy(object);
  }

  #copy(value: JsonValue): JsonValue {
    if (Array.isArray(value)) {
      const copy = value.map((item) => this.#copy(item));
      this.#origins.set(copy, value.map((_, i) => i));
      return copy;
    }
    if (isJsonObject(value)) {
      const copy: JsonObject = {};
      for (const key of jsonKeys(value)) setOwn(copy, key, this.#copy(value[key]!));
      return copy;
    }
    return value;
  }

  /** The value at `steps`, or `undefined` when there is none. */
  get(steps: readonly Step[]): JsonValue | undefined {
    let value = this.root;
    for (const step of steps) {
      if (typeof step === 'number') value = Array.isArray(value) ? value[step] : undefined;
      else value = isJsonObject(value) ? getOwn(value, step) : undefined;
      if (value === undefined) return undefined;
    }
    return value;
  }

  /** The JSON Pointer in the original object of the value now at `steps` (which must exist). */
  originalPointer(steps: readonly Step[]): string {
    const tokens: string[] = [];
    let value = this.root;
    for (const step of steps) {
      if (typeof step === 'number') {
        const array = value as JsonValue[];
        tokens.push(String(this.#origins.get(array)?.[step] ?? step));
        value = array[step];
      } else {
        tokens.push(step);
        value = getOwn(value as JsonObject, step);
      }
    }
    return formatJsonPointer(tokens);
  }

  /** Removes the value at `steps` (which must exist) and returns its original pointer. */
  remove(steps: readonly Step[]): string {
    const pointer = this.originalPointer(steps);
    if (steps.length === 0) {
      this.root = undefined;
      return pointer;
    }
    const parent = this.get(steps.slice(0, -1))!;
    const last = steps[steps.length - 1]!;
    if (typeof last === 'number') {
      const array = parent as JsonValue[];
      array.splice(last, 1);
      this.#origins.get(array)?.splice(last, 1);
    } else {
      delete (parent as JsonObject)[last];
    }
    return pointer;
  }

  /** Replaces the value at `steps` (whose parent must exist) with `value`, copied. */
  set(steps: readonly Step[], value: JsonValue): void {
    if (steps.length === 0) {
      this.root = this.#copy(value);
      return;
    }
    const parent = this.get(steps.slice(0, -1))!;
    const last = steps[steps.length - 1]!;
    if (typeof last === 'number') (parent as JsonValue[])[last] = this.#copy(value);
    else setOwn(parent as JsonObject, last, this.#copy(value));
  }
}
