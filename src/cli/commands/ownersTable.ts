import type { FieldOwner, FieldOwnership } from '../../apply/fieldOwners.js';

/**
 * An owner as `kubepatch owners` shows it: `manager (Apply)`, `manager (Update apps/v1)`,
 * `manager (Update apps/v1, status)`. An applier's apiVersion is left out, as the API server
 * leaves it out of an applier's identity; a manager with no name is `""`.
 *
 * @example
 * ```ts
 * formatOwner({ manager: 'kube-controller-manager', operation: 'Update', apiVersion: 'apps/v1', subresource: 'status' });
 * // → 'kube-controller-manager (Update apps/v1, status)'
 * ```
 */
export function formatOwner(owner: FieldOwner): string {
  const how = owner.operation === 'Update' && owner.apiVersion !== undefined ? `Update ${owner.apiVersion}` : owner.operation;
  const name = owner.manager === '' ? '""' : owner.manager;
  return `${name} (${how}${owner.subresource === undefined ? '' : `, ${owner.subresource}`})`;
}

/**
 * The `FIELD  OWNERS` table of one object, a row per field, the owners joined by `, `; the first
 * column as wide as its longest cell (in code points) and two spaces. Ends with a newline.
 *
 * @example
 * ```ts
 * formatOwnersTable(fieldOwners(live));
 * // FIELD           OWNERS
 * // .spec.replicas  deployer (Apply), ci (Apply)
 * ```
 */
export function formatOwnersTable(rows: readonly FieldOwnership[]): string {
  const cells = rows.map((row) => [row.serverPath, row.owners.map(formatOwner).join(', ')] as const);
  const width = cells.reduce((widest, [field]) => Math.max(widest, length(field)), 'FIELD'.length);
  const line = (field: string, owners: string) => `${field}${' '.repeat(width - length(field) + 2)}${owners}\n`;
  return line('FIELD', 'OWNERS') + cells.map(([field, owners]) => line(field, owners)).join('');
}

/** The number of code points (a field name may hold characters beyond the BMP). */
function length(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) if (!isLowSurrogate(text.charCodeAt(i))) count++;
  return count;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
