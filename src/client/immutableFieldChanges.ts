import { formatJsonPointer, type ImmutableFieldChange, type JsonValue } from 'kubepatch';
import { isJsonObject } from '../json/ownProperty.js';

/**
 * The words of a refused change to a field that may not change: apimachinery's "field is
 * immutable", "may not change once set" (a Service's clusterIP), and the "… is immutable" of a
 * CRD's validation rule (Argo Rollouts v1.9.1: ".spec.selector is immutable").
 */
const IMMUTABLE = /\bimmutable\b|may not change once set/;

/** True when a 422 `Status` says a field is immutable, in its message or one of its causes. */
export function saysFieldIsImmutable(status: Readonly<Record<string, unknown>> | undefined): boolean {
  if (status === undefined) return false;
  // The causes, when there are any, say it field by field; the message also names the fields.
  const causes = causesOf(status);
  if (causes.length > 0) return causes.some((cause) => IMMUTABLE.test(cause.message));
  return typeof status.message === 'string' && IMMUTABLE.test(status.message);
}

/**
 * The changes a 422 `Status` reports as immutable: one per cause that says so (`details.causes`),
 * else one read from the message (`ReplicaSet.apps "x" is invalid: spec.selector: Invalid value: …: field is immutable`).
 */
export function immutableFieldChanges(status: Readonly<Record<string, unknown>>): ImmutableFieldChange[] {
  const causes = causesOf(status).filter((cause) => IMMUTABLE.test(cause.message));
  if (causes.length > 0) return causes.map((cause) => changeOf(cause.field, cause.message));
  const message = typeof status.message === 'string' ? status.message : '';
  const detail = /\bis invalid: (.*)$/s.exec(message)?.[1] ?? message;
  const colon = detail.indexOf(': ');
  return colon < 0 ? [changeOf('', detail)] : [changeOf(detail.slice(0, colon), detail.slice(colon + 2))];
}

interface Cause {
  readonly field: string;
  readonly message: string;
}

function causesOf(status: Readonly<Record<string, unknown>>): Cause[] {
  const details = status.details;
  if (!isJsonObject(details) || !Array.isArray(details.causes)) return [];
  return details.causes.filter(isJsonObject).map((cause) => ({
    field: typeof cause.field === 'string' ? cause.field : '',
    message: typeof cause.message === 'string' ? cause.message : '',
  }));
}

function changeOf(field: string, body: string): ImmutableFieldChange {
  return {
    path: pointerOf(field),
    field,
    old: undefined,
    new: invalidValueOf(body),
    message: field === '' ? body : `${field}: ${body}`,
  };
}

/** `spec.template.spec.containers[0].image` → `/spec/template/spec/containers/0/image`; `metadata.labels[app]` → `/metadata/labels/app`. */
export function pointerOf(field: string): string {
  if (field === '') return '';
  const tokens: string[] = [];
  for (const match of field.matchAll(/([^.[\]]+)|\[([^\]]*)\]/g)) tokens.push(match[1] ?? match[2] ?? '');
  return formatJsonPointer(tokens);
}

/**
 * A CRD validation rule (CEL) prints the schema type of the field where others print its value:
 * `Invalid value: "object": .spec.selector is immutable`. Such a word says nothing of the value.
 */
const SCHEMA_TYPES: ReadonlySet<JsonValue> = new Set(['object', 'array', 'string', 'integer', 'number', 'boolean']);

/**
 * The value of `Invalid value: <value>: <detail>` when it is JSON: a string is printed quoted, a
 * number or a boolean as it is; kube-apiserver 1.33 prints a struct, a map or a slice in Go syntax
 * (`v1.LabelSelector{…}`, `[]string{"10.0.0.1"}`), which is not read. `undefined` when unreadable.
 */
function invalidValueOf(body: string): JsonValue | undefined {
  const match = /^Invalid value: (.*): [^:]*$/s.exec(body);
  if (match?.[1] === undefined) return undefined;
  try {
    const value = JSON.parse(match[1]) as JsonValue;
    return SCHEMA_TYPES.has(value) ? undefined : value;
  } catch {
    return undefined;
  }
}
