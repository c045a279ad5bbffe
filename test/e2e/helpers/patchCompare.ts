// One differential case of the patch suites: the same patch applied by the real API server (a
// dry-run PATCH of the stored object, or a real one) and by kubepatch's engine, and the two results
// compared with the server-owned fields aside.
import { applyJsonPatch, applyMergePatch, applyStrategicMergePatch, isKubepatchError, type JsonPatchOperation, type JsonValue } from 'kubepatch';
import type { PatchKind } from './patchKinds.js';
import type { Obj } from './patchPodTemplate.js';
import { serverRequest } from './serverRequest.js';

export type Engine = 'strategic' | 'merge' | 'json';

export const CONTENT_TYPES: Record<Engine, string> = {
  strategic: 'application/strategic-merge-patch+json',
  merge: 'application/merge-patch+json',
  json: 'application/json-patch+json',
};

/** What the server owns and writes on every write, whatever the patch. */
const SERVER_METADATA = ['resourceVersion', 'uid', 'generation', 'creationTimestamp', 'managedFields'];
/** Annotations the server's own update strategy writes (a DaemonSet's counts template changes). */
const SERVER_ANNOTATIONS = ['deprecated.daemonset.template.generation'];

/**
 * The object without the server-owned fields (metadata.resourceVersion, uid, generation,
 * creationTimestamp, managedFields, the DaemonSet's template generation annotation, and status), with empty maps and lists removed at every depth:
 * the server does not store an empty `omitempty` map (`labels: {}` after `$patch: delete`), so
 * `{}` / `[]` and an absent field are not told apart (on both sides alike).
 */
export function comparable(object: Obj): Obj {
  const { status: _status, ...rest } = object;
  const metadata: Obj = { ...(rest.metadata ?? {}) };
  for (const key of SERVER_METADATA) delete metadata[key];
  if (metadata.annotations !== undefined) {
    metadata.annotations = { ...metadata.annotations };
    for (const key of SERVER_ANNOTATIONS) delete metadata.annotations[key];
  }
  return withoutEmpties({ ...rest, metadata }) as Obj;
}

function withoutEmpties(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEmpties);
  if (typeof value !== 'object' || value === null) return value;
  const out: Obj = {};
  for (const [key, child] of Object.entries(value)) {
    const cleaned = withoutEmpties(child);
    const empty = Array.isArray(cleaned) ? cleaned.length === 0 : typeof cleaned === 'object' && cleaned !== null && Object.keys(cleaned).length === 0;
    if (!empty) out[key] = cleaned;
  }
  return out;
}

/** kubepatch's result of `patch` on `object`, or its error. */
export function kubepatchApply(kind: PatchKind, engine: Engine, object: Obj, patch: unknown): { result: Obj } | { error: unknown } {
  try {
    if (engine === 'strategic') return { result: applyStrategicMergePatch(object as JsonValue, patch as JsonValue, kind.schema) as Obj };
    if (engine === 'merge') return { result: applyMergePatch(object as JsonValue, patch as JsonValue) as Obj };
    return { result: applyJsonPatch(object as JsonValue, patch as JsonPatchOperation[]) as Obj };
  } catch (error) {
    return { error };
  }
}

/** The outcome of one case. */
export interface CaseOutcome {
  readonly engine: Engine;
  readonly patch: unknown;
  readonly statusCode: number;
  /** The server's answer body (the object it stored, or would store, or its Status). */
  readonly server: Obj;
  readonly kubepatch: { result: Obj } | { error: unknown };
}

/** Sends `patch` for the stored `object` (dry run unless `store`) and applies it with kubepatch. */
export async function runCase(kind: PatchKind, namespace: string, object: Obj, engine: Engine, patch: unknown, store = false): Promise<CaseOutcome> {
  const path = `${kind.collection(namespace)}/${object.metadata.name}${store ? '' : '?dryRun=All'}`;
  const answer = await serverRequest('PATCH', path, patch, CONTENT_TYPES[engine]);
  return { engine, patch, statusCode: answer.statusCode, server: answer.body, kubepatch: kubepatchApply(kind, engine, object, patch) };
}

const hasHtmlCharacter = (value: unknown): boolean =>
  typeof value === 'string' ? /[<>&]/.test(value) : typeof value === 'object' && value !== null && Object.values(value).some(hasHtmlCharacter);

/**
 * The one known way the server departs from RFC 6902 on patches these suites send: its JSON Patch
 * library (evanphx/json-patch v4) compares the `value` of a `test` with the stored value as raw
 * JSON text, and the server encodes the stored object with Go's HTML escaping (`<` as `\u003c`,
 * `&` as `\u0026`), so a `test` of an equal string holding `<`, `>` or `&` fails there (422).
 * kubepatch compares values, as RFC 6902 says. Such outcomes are counted apart, not as agreements.
 */
export function serverTestQuirk(outcome: CaseOutcome): boolean {
  return (
    outcome.engine === 'json' &&
    outcome.statusCode === 422 &&
    'result' in outcome.kubepatch &&
    (outcome.patch as { op: string; value?: unknown }[]).some((op) => op.op === 'test' && hasHtmlCharacter(op.value))
  );
}

/** Why the outcome is a disagreement (both applied it, to the same result, otherwise), or undefined. */
export function disagreement(outcome: CaseOutcome): string | undefined {
  const ok = outcome.statusCode >= 200 && outcome.statusCode < 300;
  if ('error' in outcome.kubepatch) {
    const error = outcome.kubepatch.error;
    const message = isKubepatchError(error) ? `${error.code}: ${error.message}` : String(error);
    return ok ? `the server applied it, kubepatch threw ${message}` : undefined;
  }
  if (!ok) return `kubepatch applied it, the server answered ${outcome.statusCode} ${outcome.server?.message ?? ''}`;
  const expected = JSON.stringify(sortKeys(comparable(outcome.server)));
  const actual = JSON.stringify(sortKeys(comparable(outcome.kubepatch.result)));
  return expected === actual ? undefined : `results differ:\n  server:    ${expected}\n  kubepatch: ${actual}`;
}

/** `value` with the keys of every object sorted, so that JSON text compares objects by content. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sortKeys((value as Obj)[k])]),
  );
}

/** A readable report of a failed case. */
export function describeCase(kind: PatchKind, object: Obj, outcome: CaseOutcome, reason: string): string {
  return `${kind.kind} ${outcome.engine} patch ${JSON.stringify(outcome.patch)}\n  on ${JSON.stringify(comparable(object))}\n  ${reason}`;
}

/** Runs `tasks` with at most `width` at a time (the server and the machine are shared). */
export async function inGroups<T>(tasks: readonly (() => Promise<T>)[], width = 8): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < tasks.length; i += width) results.push(...(await Promise.all(tasks.slice(i, i + width).map((t) => t()))));
  return results;
}
