import type { JsonInput, JsonObject } from '../../json/JsonValue.js';
import { checkSchema } from '../../schema/checkSchema.js';
import type { PatchSchema } from '../../schema/PatchSchema.js';
import { checkSchemaKind } from '../checkKinds.js';
import { checkedInput, checkedObject } from './checkedObject.js';
import { applyOptions } from './mergeOptions.js';
import { mergeMap } from './mergeMap.js';

/**
 * Applies a strategic merge patch (`application/strategic-merge-patch+json`) the way the API
 * server does (Go's `StrategicMergePatch`), and returns the new object; neither argument changes.
 *
 * How each field is patched comes from `schema` ({@link schemaFor} for built-in kinds):
 *
 * - maps merge key by key, `null` deletes a key; `$patch: replace` replaces a map, `$patch: delete`
 *   empties it;
 * - lists with the `merge` strategy merge by their merge key (`containers` by `name`):
 *   elements are patched in place or appended, `{name: x, $patch: delete}` removes one,
 *   `{$patch: replace}` replaces the list; merge lists of scalars (`finalizers`) take the union,
 *   and `$deleteFromPrimitiveList/<field>` removes values;
 * - other lists are replaced whole;
 * - `$setElementOrder/<field>` fixes the order of a merge list, `$retainKeys` clears the keys it
 *   does not list (fields with the `retainKeys` strategy, such as a Deployment's `strategy`).
 *
 * Directives run in Go's order: `$retainKeys`, then `$setElementOrder` with its list, then the rest.
 *
 * @example
 * ```ts
 * const pod = { spec: { containers: [{ name: 'app', image: 'app:1' }, { name: 'proxy', image: 'envoy:1' }] } };
 * applyStrategicMergePatch(pod, { spec: { containers: [{ name: 'app', image: 'app:2' }] } }, schemaFor('v1', 'Pod')!);
 * // { spec: { containers: [{ name: 'app', image: 'app:2' }, { name: 'proxy', image: 'envoy:1' }] } }
 * ```
 * @throws {@link StrategicMergePatchError} when a directive is malformed, a merge key is missing, …
 * @throws {@link InvalidDocumentError} when an argument is not a JSON object.
 * @throws {@link InvalidSchemaError} when `schema` is a kind's schema and `document` names another
 * kind (a Deployment patched with the Service schema).
 * @public
 */
export function applyStrategicMergePatch(document: JsonInput | null | undefined, patch: JsonInput | null, schema: PatchSchema): JsonObject {
  const original = checkedObject(document, 'document', { emptyAllowed: true });
  const checked = checkSchema(schema);
  checkSchemaKind(original, 'document', checked);
  // The document is copied and merged into in place; the patch is only read (see `copyPatchValues`).
  return mergeMap(original, checkedInput(patch, 'patch', { emptyAllowed: true }), checked, applyOptions, '');
}
