import { ApplyConflictError, isKubepatchError, parseFieldPath, type ApiRefusal, type ApplyConflict } from 'kubepatch';
import { goUnquote } from '../apply/fieldsV1/parseFieldPath.js';
import { managerIdentifier } from '../apply/managedFields/managerIdentifier.js';
import { isJsonObject } from '../json/ownProperty.js';
import { compareUtf8 } from '../text/utf8.js';

const QUOTED = String.raw`"(?:[^"\\]|\\.)*"`;

/**
 * A cause's message, as apimachinery's `printManager` writes the manager (`managedfields/internal/
 * conflict.go`): `conflict with "name"`, then ` with subresource "status"` for a subresource, then
 * ` using apps/v1` for an `Update` manager (an applier's identifier has no apiVersion).
 */
const CAUSE_MESSAGE = new RegExp(`^conflict with (${QUOTED})(?: with subresource (${QUOTED}))?(?: using (\\S*))?$`);

/**
 * The 409 the API server answers a server-side apply that would take fields other managers own,
 * as `ApplyConflictError`: the server's message word for word, and one conflict per
 * `FieldManagerConflict` cause, the manager read from the cause's message and the path from its
 * field. The causes come in Go's map order; they are put in the order of the message, by manager
 * identifier (Go's `sort.Strings`), the fields of one manager as the server listed them.
 * `applied`, the configuration sent, tells apart names that contain a `.` in the paths.
 *
 * `undefined` when the answer is not such a conflict (a stale `resourceVersion`), or not in the
 * form apimachinery writes: the caller keeps its `ConflictError` then.
 */
export function applyConflictFrom(status: ApiRefusal['status'], applied: unknown): ApplyConflictError | undefined {
  if (status?.reason !== 'Conflict' || typeof status.message !== 'string') return undefined;
  const causes: unknown = isJsonObject(status.details) ? status.details.causes : undefined;
  if (!Array.isArray(causes) || causes.length === 0) return undefined;
  const conflicts: { readonly conflict: ApplyConflict; readonly identifier: string }[] = [];
  for (const cause of causes) {
    const conflict = conflictOf(cause, applied);
    if (conflict === undefined) return undefined;
    conflicts.push({ conflict, identifier: managerIdentifier(conflict) });
  }
  // Array.prototype.sort is stable: one manager's fields keep the server's order.
  conflicts.sort((a, b) => compareUtf8(a.identifier, b.identifier));
  return new ApplyConflictError(status.message, { conflicts: conflicts.map(({ conflict }) => conflict) });
}

function conflictOf(cause: unknown, applied: unknown): ApplyConflict | undefined {
  if (!isJsonObject(cause) || cause.reason !== 'FieldManagerConflict') return undefined;
  const { message, field } = cause;
  if (typeof message !== 'string' || typeof field !== 'string') return undefined;
  const said = CAUSE_MESSAGE.exec(message);
  const manager = goUnquote(said?.[1] ?? '');
  const subresource = said?.[2] === undefined ? undefined : goUnquote(said[2]);
  if (said === null || manager === undefined || (said[2] !== undefined && subresource === undefined)) return undefined;
  const apiVersion = said[3];
  let path: ApplyConflict['path'];
  try {
    path = parseFieldPath(field, { object: applied });
  } catch (error) {
    if (isKubepatchError(error, 'INVALID_DOCUMENT')) return undefined;
    throw error;
  }
  return {
    manager,
    operation: apiVersion === undefined ? 'Apply' : 'Update',
    ...(apiVersion === undefined || apiVersion === '' ? {} : { apiVersion }),
    ...(subresource === undefined || subresource === '' ? {} : { subresource }),
    path,
    serverPath: field,
  };
}
