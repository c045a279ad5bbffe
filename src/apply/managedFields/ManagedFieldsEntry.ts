import type { JsonObject } from '../../json/JsonValue.js';

/**
 * One entry of `metadata.managedFields`, as the API server writes it: the fields one manager owns
 * through one operation, apiVersion and subresource.
 *
 * @example
 * ```ts
 * const entry: ManagedFieldsEntry = {
 *   manager: 'kubectl',
 *   operation: 'Apply',
 *   apiVersion: 'apps/v1',
 *   time: '2026-12-07T10:00:00Z',
 *   fieldsType: 'FieldsV1',
 *   fieldsV1: { 'f:spec': { 'f:replicas': {} } },
 * };
 * ```
 * @public
 */
export interface ManagedFieldsEntry {
  /** The field manager's name (`fieldManager` of the request). */
  readonly manager?: string;
  /** `Apply` for server-side applies, `Update` for creates, updates and other patches. */
  readonly operation?: 'Apply' | 'Update';
  /** The apiVersion the fields are named in. */
  readonly apiVersion?: string;
  /** When the entry last changed, RFC 3339 in seconds (`2026-12-07T10:00:00Z`). */
  readonly time?: string;
  /** Always `FieldsV1`. */
  readonly fieldsType?: 'FieldsV1';
  /** The owned fields, decoded by `FieldSet.fromFieldsV1`. */
  readonly fieldsV1?: JsonObject;
  /** The subresource written through (`status`); absent for the main resource. */
  readonly subresource?: string;
}
