import { InvalidDocumentError } from '../errors/InvalidDocumentError.js';

/**
 * The time a write stamps on `managedFields` entries, as `metav1.Time` marshals it: RFC 3339 in
 * UTC, whole seconds (`2026-12-07T10:00:00Z`).
 * @internal
 */
export function writeTime(now: Date | undefined): string {
  const date = now ?? new Date();
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw new InvalidDocumentError('options.now must be a valid Date', { input: 'options' });
  return `${date.toISOString().slice(0, 19)}Z`;
}
