import { InvalidSchemaError } from '../../errors/InvalidSchemaError.js';
import type { JsonObject } from '../../json/JsonValue.js';
import { getOwn, isJsonObject } from '../../json/ownProperty.js';

/** A group, version and kind, as `x-kubernetes-group-version-kind` writes them. @internal */
export interface GroupVersionKindOf {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
}

/** The named schemas of an OpenAPI v3 (`components.schemas`) or Swagger 2.0 (`definitions`) document. @internal */
export function openAPISchemas(document: object): JsonObject | undefined {
  const components = isJsonObject(document) ? getOwn(document, 'components') : undefined;
  const schemas = isJsonObject(components) ? getOwn(components, 'schemas') : isJsonObject(document) ? getOwn(document, 'definitions') : undefined;
  return isJsonObject(schemas) ? schemas : undefined;
}

/**
 * The name of the schema of an OpenAPI document marked with this group, version and kind
 * (`x-kubernetes-group-version-kind`), as the API server marks the schema of each kind it serves.
 * @internal
 */
export function openAPITypeOf(document: object, gvk: GroupVersionKindOf): string | undefined {
  const schemas = openAPISchemas(document);
  if (schemas === undefined) throw new InvalidSchemaError('the OpenAPI document has neither components.schemas nor definitions', { input: 'openAPI' });
  return Object.keys(schemas).find((name) => marksOf(schemas[name])?.some((mark) => isMark(mark, gvk)) === true);
}

/**
 * Whether the schema `typeName` may describe objects of `gvk`: it is marked with it, or carries no
 * `x-kubernetes-group-version-kind` at all (a type of the caller's own document).
 * @internal
 */
export function openAPITypeServes(document: object, typeName: string, gvk: GroupVersionKindOf): boolean {
  const schemas = openAPISchemas(document);
  const marks = schemas === undefined ? undefined : marksOf(getOwn(schemas, typeName));
  return marks === undefined || marks.some((mark) => isMark(mark, gvk));
}

function marksOf(schema: unknown): readonly unknown[] | undefined {
  const marks = isJsonObject(schema) ? getOwn(schema, 'x-kubernetes-group-version-kind') : undefined;
  return Array.isArray(marks) ? marks : undefined;
}

function isMark(mark: unknown, gvk: GroupVersionKindOf): boolean {
  return isJsonObject(mark) && (getOwn(mark, 'group') ?? '') === gvk.group && getOwn(mark, 'version') === gvk.version && getOwn(mark, 'kind') === gvk.kind;
}
