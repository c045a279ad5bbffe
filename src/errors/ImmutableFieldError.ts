import type { JsonValue } from '../json/JsonValue.js';
import { KubepatchError, type KubepatchErrorContext } from './KubepatchError.js';

/**
 * One change to a field the API server does not let change.
 * @example
 * ```ts
 * const change: ImmutableFieldChange = {
 *   path: '/spec/selector', field: 'spec.selector', old: { matchLabels: { app: 'a' } }, new: { matchLabels: { app: 'b' } },
 *   message: 'spec.selector: Invalid value: {"matchLabels":{"app":"b"}}: field is immutable',
 * };
 * ```
 * @public
 */
export interface ImmutableFieldChange {
  /** JSON Pointer of the field. */
  readonly path: string;
  /** The field as the API server names it, e.g. `spec.selector`. */
  readonly field: string;
  /** The value before (`undefined` when absent). */
  readonly old: JsonValue | undefined;
  /** The value after (`undefined` when absent). */
  readonly new: JsonValue | undefined;
  /** What the API server answers, in its words. */
  readonly message: string;
}

/**
 * An update changes a field that cannot change once set: the selector of a Deployment or a
 * Rollout, a Job's template, a Service's clusterIP, … (the API server's 422 "field is immutable").
 * `changes` lists every such field with the server's message.
 *
 * @example
 * ```ts
 * try {
 *   assertImmutableSelector(liveRollout, desiredRollout);
 * } catch (error) {
 *   if (isKubepatchError(error, 'IMMUTABLE_FIELD')) console.error(error.changes.map((c) => c.message));
 * }
 * ```
 * @public
 */
export class ImmutableFieldError extends KubepatchError {
  /** Always `'ImmutableFieldError'`. */
  override name = 'ImmutableFieldError' as const;
  /** The codes this class is thrown with. */
  declare readonly code: 'IMMUTABLE_FIELD';
  /** Every immutable field the update changes. */
  readonly changes: readonly ImmutableFieldChange[];

  constructor(message: string, context: KubepatchErrorContext & { readonly changes: readonly ImmutableFieldChange[] }) {
    super('IMMUTABLE_FIELD', message, { ...context, path: context.path ?? context.changes[0]?.path });
    this.changes = context.changes;
  }
}
