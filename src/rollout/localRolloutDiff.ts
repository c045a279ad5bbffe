import type { JsonObject, JsonValue } from '../json/JsonValue.js';
import { jsonEqual } from '../json/jsonEqual.js';
import { getOwn, isJsonObject, jsonKeys } from '../json/ownProperty.js';
import { formatJsonPointer } from '../json/pointer.js';
import type { SemanticChange } from '../semantic/SemanticChange.js';

/** One step of a path: an object member, or a list element by index and, in a keyed list, by name. @internal */
export type DiffStep = { readonly field: string } | { readonly index: number; readonly name?: string };

/**
 * A small structural diff of two JSON values: objects member by member, lists of named objects
 * (`containers`, `env`, `volumes`: every element an object with a distinct string `name`) by
 * `name`, other lists by position. Reports `added`, `removed`, `changed` and, for a named list
 * whose elements only moved, `reordered`. No normalisation: the caller decides which differences
 * are `equivalent`. {@link diffRollout} uses it on the Go forms of two pod templates, to name the
 * paths that make a new revision.
 *
 * @internal
 */
export function localRolloutDiff(a: JsonValue | undefined, b: JsonValue | undefined, prefix: readonly DiffStep[] = []): SemanticChange[] {
  const out: SemanticChange[] = [];
  walk(a, b, [...prefix], out);
  return out;
}

/** The Kubernetes-style path of steps: `spec.template.spec.containers[name=app].image`. */
function formatDiffPath(steps: readonly DiffStep[]): string {
  let out = '';
  for (const step of steps) {
    if ('field' in step) {
      out += /^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(step.field) ? (out === '' ? '' : '.') + step.field : `[${JSON.stringify(step.field)}]`;
    } else {
      out += step.name === undefined ? `[${step.index}]` : `[name=${/^[A-Za-z0-9_./:-]+$/.test(step.name) ? step.name : JSON.stringify(step.name)}]`;
    }
  }
  return out;
}

/** The JSON Pointer of steps. */
function formatDiffPointer(steps: readonly DiffStep[]): string {
  return formatJsonPointer(steps.map((step) => ('field' in step ? step.field : String(step.index))));
}

function change(kind: SemanticChange['kind'], steps: readonly DiffStep[], from: JsonValue | undefined, to: JsonValue | undefined): SemanticChange {
  return {
    path: formatDiffPath(steps),
    pointer: formatDiffPointer(steps),
    kind,
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
  };
}

function walk(a: JsonValue | undefined, b: JsonValue | undefined, steps: DiffStep[], out: SemanticChange[]): void {
  if (jsonEqual(a, b)) return;
  if (a === undefined) {
    out.push(change('added', steps, undefined, b));
  } else if (b === undefined) {
    out.push(change('removed', steps, a, undefined));
  } else if (isJsonObject(a) && isJsonObject(b)) {
    walkObject(a, b, steps, out);
  } else if (Array.isArray(a) && Array.isArray(b)) {
    const aNames = names(a);
    const bNames = names(b);
    if (aNames !== undefined && bNames !== undefined) walkNamed(a, b, aNames, bNames, steps, out);
    else walkPositional(a, b, steps, out);
  } else {
    out.push(change('changed', steps, a, b));
  }
}

function walkObject(a: JsonObject, b: JsonObject, steps: DiffStep[], out: SemanticChange[]): void {
  const keys = jsonKeys(a);
  for (const key of jsonKeys(b)) if (!keys.includes(key)) keys.push(key);
  for (const key of keys) walk(getOwn(a, key), getOwn(b, key), [...steps, { field: key }], out);
}

function walkPositional(a: readonly JsonValue[], b: readonly JsonValue[], steps: DiffStep[], out: SemanticChange[]): void {
  for (let i = 0; i < Math.max(a.length, b.length); i++) walk(a[i], b[i], [...steps, { index: i }], out);
}

function walkNamed(
  a: readonly JsonValue[],
  b: readonly JsonValue[],
  aNames: readonly string[],
  bNames: readonly string[],
  steps: DiffStep[],
  out: SemanticChange[],
): void {
  aNames.forEach((name, i) => {
    const j = bNames.indexOf(name);
    if (j < 0) walk(a[i], undefined, [...steps, { index: i, name }], out);
    else walk(a[i], b[j], [...steps, { index: j, name }], out);
  });
  bNames.forEach((name, j) => {
    if (!aNames.includes(name)) walk(undefined, b[j], [...steps, { index: j, name }], out);
  });
  const kept = aNames.filter((name) => bNames.includes(name));
  const keptInB = bNames.filter((name) => aNames.includes(name));
  if (kept.some((name, i) => keptInB[i] !== name)) out.push(change('reordered', steps, kept, keptInB));
}

/** The names of a list of named objects (`[]` for an empty list), or `undefined` when it is not one. */
function names(list: readonly JsonValue[]): string[] | undefined {
  const found: string[] = [];
  for (const item of list) {
    const name = isJsonObject(item) ? getOwn(item, 'name') : undefined;
    if (typeof name !== 'string' || found.includes(name)) return undefined;
    found.push(name);
  }
  return found;
}
