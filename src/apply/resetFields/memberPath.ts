import type { JsonObject, JsonValue } from '../../json/JsonValue.js';
import { jsonEqual } from '../../json/jsonEqual.js';
import { getOwn, isJsonObject, setOwn } from '../../json/ownProperty.js';
import type { ResetPath } from './ResetRules.js';

/** The member at `path` (object members only), or `undefined` when a step is missing or not an object. */
export function memberAt(root: JsonValue | null | undefined, path: ResetPath): JsonValue | undefined {
  let current: JsonValue | undefined = root ?? undefined;
  for (const name of path) {
    if (!isJsonObject(current)) return undefined;
    current = getOwn(current, name);
  }
  return current;
}

/**
 * `root` with the member at `path` set to `value`, or removed when `value` is `undefined`, as Go's
 * assignment of a nil. Copy on write: only the objects along the path are copied, and `root`
 * itself comes back when the member already holds an equal value (or is already absent), so an
 * unchanged object stays the same object. Missing (or non-object) intermediate members are
 * created as objects when a value is set. Key order is kept; a new member goes last.
 */
export function withMember(root: JsonObject, path: ResetPath, value: JsonValue | undefined): JsonObject {
  if (path.length === 0) return value !== undefined && isJsonObject(value) ? value : root;
  const [name, ...rest] = path as [string, ...string[]];
  const current = getOwn(root, name);
  let next: JsonValue | undefined;
  if (rest.length === 0) {
    if (current === undefined ? value === undefined : value !== undefined && jsonEqual(current, value)) return root;
    next = value;
  } else {
    if (!isJsonObject(current)) {
      if (value === undefined) return root;
      next = withMember({}, rest, value);
    } else {
      next = withMember(current, rest, value);
      if (next === current) return root;
    }
  }
  const copy: JsonObject = {};
  for (const key of Object.keys(root)) {
    if (key === name) {
      if (next !== undefined) setOwn(copy, key, next);
    } else {
      const member = getOwn(root, key);
      if (member !== undefined) setOwn(copy, key, member);
    }
  }
  if (next !== undefined && !Object.prototype.hasOwnProperty.call(root, name)) setOwn(copy, name, next);
  return copy;
}

/** `target` with the member at `path` as it is in `source` (absent there: removed). */
export function restoreMember(target: JsonObject, source: JsonObject | null, path: ResetPath): JsonObject {
  return withMember(target, path, memberAt(source, path));
}
