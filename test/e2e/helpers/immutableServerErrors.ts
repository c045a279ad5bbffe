import { findImmutableFieldChanges, type JsonObject } from 'kubepatch';

/**
 * The details of the API server's update errors that `findImmutableFieldChanges` models: the
 * "cannot change" rules. The random updates are built to be otherwise valid, so a 422 cause with
 * any other detail means the generator made an invalid update, which the runner reports as such
 * rather than counting it for or against kubepatch.
 */
const IMMUTABILITY_DETAILS = [
  'field is immutable',
  'may not change once set',
  'can only be modified in tandem with spec.parallelism',
  'primary clusterIP can not be unset',
  'primary ipFamily can not be unset',
  "must be set to 'SingleStack' when releasing the secondary",
  'updates to statefulset spec for fields other than',
  'pod updates may not',
  'must be less than or equal to previous value',
  'must not update from a positive integer to nil value',
  'existing toleration can not be modified',
  'spec is immutable after creation',
  'field can not be less than status.capacity',
  'update from non-nil value to',
  'is immutable', // CEL: .spec.selector is immutable
];

/** The server's field errors of a 422 `Status`: `<field>: <message>`, cut before the `cmp.Diff` a Pod or claim error appends. */
export function serverFieldErrors(status: { details?: { causes?: { field?: string; message?: string }[] } }): string[] {
  const causes = status.details?.causes ?? [];
  return unique(causes.map((cause) => firstLine(cause.field ? `${cause.field}: ${cause.message ?? ''}` : (cause.message ?? ''))));
}

/** Whether a field error is one of the "cannot change" kind. */
export function isImmutabilityError(error: string): boolean {
  return IMMUTABILITY_DETAILS.some((detail) => error.includes(detail));
}

/** kubepatch's field errors for the update, one per distinct message (it reports one change per field for whole-spec errors). */
export function kubepatchFieldErrors(oldObj: JsonObject, newObj: JsonObject): string[] {
  return unique(findImmutableFieldChanges(oldObj, newObj).map((change) => change.message));
}

/**
 * How a server field error and kubepatch's compare: `same` text; `value-format` when only the
 * printed bad value differs (Kubernetes 1.33 prints structs, lists and times with Go's `%#v`,
 * `v1.LabelSelector{…}`, `[]string{"None"}`, `2026-11-23 10:30:00 +0000 UTC`; 1.34 and later with
 * `json.Marshal`, which kubepatch follows: docs/immutable-fields.md, "Which API server's words");
 * else `different`. Field path, error type and detail must always be the same.
 */
export function compareFieldErrors(server: string, kubepatch: string): 'same' | 'value-format' | 'different' {
  if (server === kubepatch) return 'same';
  const a = invalidValueParts(server);
  const b = invalidValueParts(kubepatch);
  if (a === undefined || b === undefined || a.field !== b.field || a.detail !== b.detail) return 'different';
  // Only a value Go prints differently may differ: a struct, a list or a map (JSON `{`/`[`) or a time.
  return /^([[{]|"\d{4}-\d\d-\d\dT)/.test(b.value) ? 'value-format' : 'different';
}

function invalidValueParts(error: string): { field: string; value: string; detail: string } | undefined {
  const match = /^(.*?): Invalid value: (.*): ([^:]*)$/s.exec(error);
  return match === null ? undefined : { field: match[1]!, value: match[2]!, detail: match[3]! };
}

const firstLine = (text: string) => text.split('\n')[0]!;
const unique = (items: string[]) => [...new Set(items)];
