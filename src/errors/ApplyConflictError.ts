import type { FieldPath } from '../apply/fieldsV1/PathElement.js';
import { KubepatchError, type KubepatchErrorContext } from './KubepatchError.js';

/**
 * One field a server-side apply would take from another manager: the manager that owns it (as its
 * `managedFields` entry names it) and the field, in structured-merge-diff's form and the server's
 * words.
 *
 * @example
 * ```ts
 * const conflict: ApplyConflict = {
 *   manager: 'kube-controller-manager',
 *   operation: 'Update',
 *   apiVersion: 'apps/v1',
 *   path: [{ kind: 'field', name: 'spec' }, { kind: 'field', name: 'replicas' }],
 *   serverPath: '.spec.replicas',
 * };
 * ```
 * @public
 */
export interface ApplyConflict {
  /** The field manager that owns the field (`managedFields[].manager`). */
  readonly manager: string;
  /** How it came to own it: by `Apply`, or by `Update` (create, update, patch). */
  readonly operation: 'Apply' | 'Update';
  /** The apiVersion of an `Update` manager's entry; the server names it (`using apps/v1`). Absent for `Apply` managers. */
  readonly apiVersion?: string;
  /** The subresource the manager wrote through (`status`), when not the main resource. */
  readonly subresource?: string;
  /** The field. */
  readonly path: FieldPath;
  /** The field as the server prints it: `.spec.template.spec.containers[name="app"].image`. */
  readonly serverPath: string;
}

/**
 * A server-side apply changes fields other managers own, without `force` (the API server's 409
 * "Apply failed with N conflicts"). `conflicts` lists every field and its owner; the message is
 * the server's, word for word. Thrown by `serverSideApply` offline and by `applyObject` (from the
 * server's answer), so both can be handled alike.
 *
 * @example
 * ```ts
 * try {
 *   serverSideApply(live, manifest, { manager: 'deployer' });
 * } catch (error) {
 *   if (isKubepatchError(error, 'APPLY_CONFLICT')) {
 *     for (const c of error.conflicts) console.error(`${c.serverPath} is owned by ${c.manager}`);
 *   } else throw error;
 * }
 * ```
 * @public
 */
export class ApplyConflictError extends KubepatchError {
  /** Always `'ApplyConflictError'`. */
  override name = 'ApplyConflictError' as const;
  /** The codes this class is thrown with. */
  declare readonly code: 'APPLY_CONFLICT';
  /** Every conflicting field with its owner, in the server's order (by manager, then field). */
  readonly conflicts: readonly ApplyConflict[];

  constructor(message: string, context: KubepatchErrorContext & { readonly conflicts: readonly ApplyConflict[] }) {
    super('APPLY_CONFLICT', message, { ...context });
    this.conflicts = context.conflicts;
  }
}
