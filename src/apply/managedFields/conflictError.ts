import { ApplyConflictError, type ApplyConflict } from '../../errors/ApplyConflictError.js';
import { goQuote } from '../../metadata/goFormat.js';
import { formatFieldPath } from '../fieldsV1/formatFieldPath.js';
import type { ManagerConflict } from '../updater/VersionedSet.js';
import { parseManagerIdentifier, type ManagerInfo } from './managerIdentifier.js';

/**
 * How the API server names a manager in a conflict (`printManager`): its name quoted, `with
 * subresource "status"` when it wrote through one, and for an `Update` manager `using apps/v1`.
 * @internal
 */
export function printManager(info: ManagerInfo): string {
  let text = goQuote(info.manager);
  if (info.subresource !== undefined && info.subresource !== '') text += ` with subresource ${goQuote(info.subresource)}`;
  if (info.operation === 'Update') text += ` using ${info.apiVersion ?? ''}`;
  return text;
}

/**
 * The conflicts of an apply as the API server reports them (`NewConflictError`): one
 * `ApplyConflict` per field, and the message of its 409, word for word — for one conflict
 * `Apply failed with 1 conflict: conflict with "m" using apps/v1: .spec.replicas`, for more
 * `Apply failed with N conflicts: ` and, per manager in identifier order, `conflicts with "m":`
 * and a `- <field>` line per field. `conflicts` must be in that order (the updater's).
 * @internal
 */
export function applyConflictError(conflicts: readonly ManagerConflict[]): ApplyConflictError {
  const listed: ApplyConflict[] = conflicts.map(({ manager, path }) => {
    const info = parseManagerIdentifier(manager);
    return {
      manager: info.manager,
      operation: info.operation,
      ...(info.operation === 'Update' && info.apiVersion !== undefined ? { apiVersion: info.apiVersion } : {}),
      ...(info.subresource === undefined ? {} : { subresource: info.subresource }),
      path,
      serverPath: formatFieldPath(path),
    };
  });
  let message: string;
  if (conflicts.length === 1) {
    message = `Apply failed with 1 conflict: conflict with ${printManager(parseManagerIdentifier(conflicts[0]!.manager))}: ${listed[0]!.serverPath}`;
  } else {
    const lines: string[] = [];
    let previous: string | undefined;
    conflicts.forEach(({ manager }, i) => {
      if (manager !== previous) lines.push(`conflicts with ${printManager(parseManagerIdentifier(manager))}:`);
      previous = manager;
      lines.push(`- ${listed[i]!.serverPath}`);
    });
    message = `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`;
  }
  return new ApplyConflictError(message, { conflicts: listed, path: undefined });
}
