import { InvalidDocumentError } from '../errors/InvalidDocumentError.js';
import { InvalidSchemaError } from '../errors/InvalidSchemaError.js';
import type { JsonObject } from '../json/JsonValue.js';
import { getOwn } from '../json/ownProperty.js';
import type { TypeMeta } from '../schema/GroupVersionKind.js';
import { kindOfSchema } from '../schema/kindOfSchema.js';
import type { PatchSchema } from '../schema/PatchSchema.js';

/**
 * The kind checks of a patch between `documents` (each with its argument's name): all of one kind
 * ({@link checkSameKind}, against the first that names one) and, given a `schema`, of the
 * schema's kind ({@link checkSchemaKind}). A few property reads per call.
 *
 * @example
 * ```ts
 * checkKinds([[original, 'original'], [modified, 'modified']], schema);
 * ```
 */
export function checkKinds(documents: readonly (readonly [JsonObject, string])[], schema?: PatchSchema): void {
  // Run at every diff: a loop, where filtering the named documents would make arrays.
  let first: readonly [JsonObject, string] | undefined;
  for (const entry of documents) {
    if (typeMetaOf(entry[0]) === undefined) continue;
    if (first === undefined) first = entry;
    else checkSameKind(first[0], first[1], entry[0], entry[1]);
  }
  if (first !== undefined && schema !== undefined) checkSchemaKind(first[0], first[1], schema);
}

/**
 * Refuses a schema made for another kind than the document's: a Deployment patched with the
 * Service schema would be merged by the wrong rules without a word. Checked only when the schema
 * is a kind's root schema ({@link kindOfSchema}) and the document names its `apiVersion` and
 * `kind`; versions of one group and kind are taken as the same kind, as the API server converts
 * between them.
 *
 * @example
 * ```ts
 * checkSchemaKind({ apiVersion: 'apps/v1', kind: 'Deployment' }, 'document', schemaFor('v1', 'Service')!);
 * // throws InvalidSchemaError INVALID_SCHEMA input schema
 * ```
 */
export function checkSchemaKind(document: JsonObject, input: string, schema: PatchSchema): void {
  const named = typeMetaOf(document);
  if (named === undefined) return;
  const expected = kindOfSchema(schema);
  if (expected === undefined || sameKind(named, expected)) return;
  throw new InvalidSchemaError(
    `schema: the schema is for ${describe(expected)}, but ${input} is ${describe(named)}: ` +
      `pass the schema of the object's own kind (schemaFor(${input}))`,
    { input: 'schema' },
  );
}

/**
 * Refuses a patch between objects of different kinds (or groups): no patch turns a Deployment
 * into a Service on the API server, and a diff between them is a mix-up of objects. Checked only
 * when both documents name their `apiVersion` and `kind`. The error is on `second`, at `/kind`
 * (or `/apiVersion` when only the group differs).
 *
 * @example
 * ```ts
 * checkSameKind({ apiVersion: 'apps/v1', kind: 'Deployment' }, 'original', { apiVersion: 'v1', kind: 'Service' }, 'modified');
 * // throws InvalidDocumentError INVALID_DOCUMENT path /kind, input modified
 * ```
 */
export function checkSameKind(first: JsonObject, firstInput: string, second: JsonObject, secondInput: string): void {
  const a = typeMetaOf(first);
  const b = typeMetaOf(second);
  if (a === undefined || b === undefined || sameKind(a, b)) return;
  throw new InvalidDocumentError(
    `${secondInput}: ${describe(b)} is not the kind of ${firstInput} (${describe(a)}): ` +
      'a patch cannot change the kind of an object; compare two versions of the same object',
    { path: a.kind === b.kind ? '/apiVersion' : '/kind', input: secondInput },
  );
}

function typeMetaOf(document: JsonObject): TypeMeta | undefined {
  const apiVersion = getOwn(document, 'apiVersion');
  const kind = getOwn(document, 'kind');
  return typeof apiVersion === 'string' && typeof kind === 'string' ? { apiVersion, kind } : undefined;
}

function sameKind(a: TypeMeta, b: TypeMeta): boolean {
  // The same apiVersion (the usual case) is the same group, without cutting out either.
  return a.kind === b.kind && (a.apiVersion === b.apiVersion || groupOf(a.apiVersion) === groupOf(b.apiVersion));
}

/** The group of an `apiVersion`: `""` for the core group (`"v1"`). */
function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

function describe({ apiVersion, kind }: TypeMeta): string {
  return `a ${kind} (${apiVersion})`;
}
