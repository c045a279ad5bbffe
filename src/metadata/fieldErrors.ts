/**
 * The `ErrorType` strings of apimachinery's `field.Error` (util/validation/field/errors.go) that
 * kubepatch reproduces.
 * @internal
 */
export type FieldErrorType = 'Invalid value' | 'Forbidden' | 'Required value' | 'Too long';

/**
 * One field error, as apimachinery's `field.Error` holds it. `value` is the bad value already
 * rendered (see `goQuote`, `goMarshal`, `goPrint`); only `Invalid value` errors print one.
 * @internal
 */
export interface FieldError {
  readonly type: FieldErrorType;
  /** The field path as `field.Path.String()` writes it: `spec.clusterIPs[0]`. */
  readonly field: string;
  readonly value?: string;
  readonly detail: string;
}

/**
 * `field.Error.Error()`: `"<field>: <ErrorBody>"`, where the body is
 *
 * > "<Type>: <value>: <detail>" for Invalid, NotSupported, Duplicate, NotFound, TooMany and TooFew
 * > … "<Type>: <detail>" for Required ("Required value"), Forbidden ("Forbidden"), TooLong and Internal
 *
 * and `": <detail>"` is left out when the detail is empty.
 * @internal
 */
export function formatFieldError(error: FieldError): string {
  let body: string = error.type;
  if (error.type === 'Invalid value' && error.value !== undefined) body += `: ${error.value}`;
  if (error.detail !== '') body += `: ${error.detail}`;
  return `${error.field}: ${body}`;
}

/**
 * The field path `field.Path.String()` writes for JSON Pointer tokens: struct fields joined with
 * `.`, list indexes (all-digit tokens) as `[i]`: `['spec', 'clusterIPs', '0']` gives
 * `spec.clusterIPs[0]`.
 * @internal
 */
export function fieldPathOf(tokens: readonly string[]): string {
  let path = '';
  for (const token of tokens) {
    if (/^(0|[1-9][0-9]*)$/.test(token) && path !== '') path += `[${token}]`;
    else path += path === '' ? token : `.${token}`;
  }
  return path;
}

/**
 * `utilerrors.NewAggregate(errs).Error()`: one message bare, several de-duplicated and written
 * as `[e1, e2]`.
 * @internal
 */
export function aggregateMessage(messages: readonly string[]): string {
  const unique = [...new Set(messages)];
  return unique.length === 1 ? (unique[0] ?? '') : `[${unique.join(', ')}]`;
}
