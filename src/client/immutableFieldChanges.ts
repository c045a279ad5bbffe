import { formatJsonPointer, type ImmutableFieldChange, type JsonValue } from 'kubepatch';
import { isJsonObject } from '../json/ownProperty.js';

const IMMUTABLE = /immutable|may not change once set/;

/** True when a 422 `Status` says a field is immutable, in its message or one of its causes. */
export function saysFieldIsImmutable(status: Readonly<Record<string, unknown>> | undefined): boolean {
  if (status === undefined) return false;
  const message = typeof status.message === 'string' ? status.message : '';
  return message.includes('field is immutable') || causesOf(status).some((cause) => cause.message.includes('field is immutable'));
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

/** The value of `Invalid value: <value>: <detail>`, which Go renders as JSON for every value it prints; `undefined` when unreadable. */
function invalidValueOf(body: string): JsonValue | undefined {
  const match = /^Invalid value: (.*): [^:]*$/s.exec(body);
  if (match?.[1] === undefined) return undefined;
  try {
    return JSON.parse(match[1]) as JsonValue;
  } catch {
    return undefined;
  }
}
