import { assertJsonValue } from '../../json/assertJsonValue.js';
import type { JsonObject } from '../../json/JsonValue.js';
import { isJsonObject } from '../../json/ownProperty.js';
import { NOT_JSON } from '../../json/notJson.js';
import { checkedInput } from './checkedObject.js';

/** An argument of a diff, and its name in errors. */
export type NamedInput = readonly [value: unknown, input: string];

/*
 * The diffs check their arguments as they read them (see `src/json/notJson.ts`) instead of checking
 * each first with `assertJsonValue`, a walk of its own. The errors stay those of checking first:
 * an argument that is not an object at all is refused before the diff runs, and when anything in
 * the diff throws, each argument is checked in order, so that one that is not JSON throws its
 * `InvalidDocumentError` before any other error.
 */

/** An argument as the diff reads it (`null` and `undefined` as an empty object), or `undefined` when it is no object. */
export function argumentObject(value: unknown): JsonObject | undefined {
  if (value === undefined || value === null) return {};
  return isJsonObject(value) ? value : undefined;
}

/** Throws for the arguments one of which is no object: each is checked in turn, as before. */
export function refuseArguments(inputs: readonly NamedInput[]): never {
  for (const [value, input] of inputs) checkedInput(value, input, { emptyAllowed: true });
  throw new Error('kubepatch: an argument was refused as no object, yet passes the check of arguments');
}

/**
 * What to throw for `error`, thrown by a diff of `inputs`: the `InvalidDocumentError` of the
 * first argument that is not JSON (thrown from here), or `error` itself.
 */
export function firstArgumentError(error: unknown, inputs: readonly NamedInput[]): unknown {
  for (const [value, input] of inputs) if (value !== undefined && value !== null) assertJsonValue(value, input);
  return error === NOT_JSON ? new Error('kubepatch: an argument was refused as not JSON, yet assertJsonValue accepts it') : error;
}
