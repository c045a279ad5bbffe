import { InvalidSchemaError } from '../../errors/InvalidSchemaError.js';
import { builtinSchemas } from '../../schema/builtinTable.js';
import { crdVersionSchema } from '../../schema/crdVersionSchema.js';
import { PatchSchema, schemaSourceOf } from '../../schema/PatchSchema.js';
import type { SchemaSource } from '../../schema/SchemaSource.js';
import { applySchemaFromCRD } from '../schema/applySchemaFromCRD.js';
import { applySchemaFromOpenAPI } from '../schema/applySchemaFromOpenAPI.js';
import { applySchemaFromTable } from '../schema/applySchemaFromTable.js';
import { ApplySchema } from '../schema/ApplySchema.js';
import { builtinApplySchema } from '../schema/builtinApplyTable.js';
import { openAPISchemas, openAPITypeServes, type GroupVersionKindOf } from './openAPIKinds.js';

/** What server-side apply reads from the schema of a kind: its apply schema and, for a custom kind, where its defaults come from. @internal */
export interface KindSchema {
  readonly schema: ApplySchema;
  /** The CRD of a custom resource. */
  readonly crd: object | undefined;
  /** The OpenAPI schema the kind's `default`s are read from (a CRD version's, an OpenAPI type's). */
  readonly defaultsSchema: unknown;
}

/** An apply schema per patch schema: built on first use, then shared, as the patch schema is. */
const applySchemas = new WeakMap<PatchSchema, ApplySchema>();

/**
 * The apply view of `schema`, a {@link PatchSchema} of a whole object of kind `gvk` given as a write's
 * `schema` option: the same source read as server-side apply reads it. Throws `InvalidSchemaError`
 * (`INVALID_SCHEMA`, `input: 'schema'`) for anything else: not a `PatchSchema`, a schema reached
 * inside another (`field(…).schema`), or the schema of another kind.
 * @internal
 */
export function kindSchemaOf(schema: unknown, gvk: GroupVersionKindOf & { readonly apiVersion: string }): KindSchema {
  if (!(schema instanceof PatchSchema)) {
    throw new InvalidSchemaError('options.schema: must be a PatchSchema (schemaFor, schemaFromCRD, schemaFromOpenAPI, PatchSchema.fromTable)', { input: 'schema' });
  }
  if (schema === PatchSchema.unknown()) return { schema: ApplySchema.deduced(), crd: undefined, defaultsSchema: undefined };
  const source = schemaSourceOf(schema);
  if (source === undefined) {
    throw new InvalidSchemaError(`options.schema: ${schema.name} is part of another schema; pass the schema of the whole ${gvk.apiVersion} ${gvk.kind}`, { input: 'schema' });
  }
  const mismatch = kindMismatch(source, gvk);
  if (mismatch !== undefined) {
    throw new InvalidSchemaError(`options.schema is the schema of ${mismatch}, not of ${gvk.apiVersion} ${gvk.kind}`, { input: 'schema' });
  }
  let applySchema = applySchemas.get(schema);
  if (applySchema === undefined) {
    applySchema = applySchemaOf(source, gvk.kind);
    applySchemas.set(schema, applySchema);
  }
  switch (source.from) {
    case 'crd':
      return { schema: applySchema, crd: source.crd, defaultsSchema: crdVersionSchema(source.crd, source.version).schema };
    case 'openapi':
      return { schema: applySchema, crd: undefined, defaultsSchema: openAPISchemas(source.document)?.[source.typeName] };
    default:
      return { schema: applySchema, crd: undefined, defaultsSchema: undefined };
  }
}

function applySchemaOf(source: SchemaSource, kind: string): ApplySchema {
  switch (source.from) {
    case 'builtin': {
      const found = builtinApplySchema(source.typeId);
      if (found === undefined) throw new InvalidSchemaError(`${kind} has no server-side apply schema: the API server takes no apply for it`, { input: 'schema' });
      return found;
    }
    case 'crd':
      return applySchemaFromCRD(source.crd, source.version);
    case 'openapi':
      return applySchemaFromOpenAPI(source.document, source.typeName);
    case 'table':
      return applySchemaFromTable(source.table, source.rootId);
  }
}

/** What the source describes when it is not `gvk` (`undefined` when it is, or may be). */
function kindMismatch(source: SchemaSource, gvk: GroupVersionKindOf & { readonly apiVersion: string }): string | undefined {
  switch (source.from) {
    case 'builtin':
      return builtinSchemas().kinds.get(`${gvk.apiVersion}/${gvk.kind}`) === source.typeId ? undefined : source.typeId;
    case 'crd': {
      const { group, kind } = crdVersionSchema(source.crd, source.version);
      const same = group === gvk.group && kind === gvk.kind && source.version === gvk.version;
      return same ? undefined : `${group}/${source.version} ${kind}`;
    }
    case 'openapi':
      return openAPITypeServes(source.document, source.typeName, gvk) ? undefined : source.typeName;
    case 'table':
      return undefined;
  }
}
