import { InvalidDocumentError } from '../../errors/InvalidDocumentError.js';
import { InvalidSchemaError } from '../../errors/InvalidSchemaError.js';
import type { JsonObject, JsonValue } from '../../json/JsonValue.js';
import { getOwn, isJsonObject, setOwn } from '../../json/ownProperty.js';
import { compareUtf8 } from '../../text/utf8.js';
import { kindType } from '../../metadata/goTypes.js';
import type { PatchSchema } from '../../schema/PatchSchema.js';
import { schemaFor } from '../../schema/schemaFor.js';
import type { TypeRef } from '../../schema/SchemaTable.js';
import { SchemaLookup } from '../../semantic/SchemaLookup.js';
import { fillServerDefaults } from '../../semantic/serverDefaults.js';
import { applySchemaFromCRD } from '../schema/applySchemaFromCRD.js';
import type { ApplySchema } from '../schema/ApplySchema.js';
import { applySchemaFromOpenAPI } from '../schema/applySchemaFromOpenAPI.js';
import { builtinApplySchemaFor } from '../schema/builtinApplyTable.js';
import { crdVersionSchema } from '../../schema/crdVersionSchema.js';
import type { ServerDefault } from '../../semantic/ServerDefault.js';
import { crdDefaults } from './crdDefaults.js';
import { goWireForm } from './goWireForm.js';
import { applyDecodeQuirks } from './kindQuirks.js';

/**
 * The kind an apply or update writes, and how the API server reads and stores it: its apply
 * schema, and for a built-in kind its Go type (objects go through Go structs) and patch schema
 * (for the defaults kubepatch knows).
 * @internal
 */
export interface ApplyTarget {
  readonly apiVersion: string;
  readonly kind: string;
  readonly schema: ApplySchema;
  readonly goType: TypeRef | undefined;
  readonly patchSchema: PatchSchema | undefined;
  /** The CRD of a custom resource. */
  readonly crd: object | undefined;
  /** The structural schema of the custom resource's version, for its defaults. */
  readonly crdSchema: unknown;
}

/** Where the schema of a kind can come from besides the built-in tables. @internal */
export interface SchemaSources {
  readonly crds?: readonly object[] | undefined;
  readonly openAPI?: object | undefined;
}

/**
 * The target of an object of `apiVersion`/`kind`: a custom resource whose CRD is among `crds`
 * (matched by group, kind and served version), a kind an OpenAPI v3 document describes (the
 * schema whose `x-kubernetes-group-version-kind` names it), or a built-in kind of Kubernetes 1.33,
 * in that order. Anything else throws `InvalidSchemaError` (`INVALID_SCHEMA`) saying to pass the
 * CRD.
 * @internal
 */
export function applyTargetFor(object: JsonObject, sources: SchemaSources, input: string): ApplyTarget {
  const apiVersion = getOwn(object, 'apiVersion');
  const kind = getOwn(object, 'kind');
  if (typeof apiVersion !== 'string' || apiVersion === '' || typeof kind !== 'string' || kind === '') {
    throw new InvalidDocumentError(`${input} must have apiVersion and kind`, { path: typeof apiVersion === 'string' && apiVersion !== '' ? '/kind' : '/apiVersion', input });
  }
  const slash = apiVersion.lastIndexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const version = apiVersion.slice(slash + 1);
  for (const crd of sources.crds ?? []) {
    const spec = isJsonObject(crd) ? getOwn(crd, 'spec') : undefined;
    const names = isJsonObject(spec) ? getOwn(spec, 'names') : undefined;
    if (!isJsonObject(spec) || getOwn(spec, 'group') !== group || !isJsonObject(names) || getOwn(names, 'kind') !== kind) continue;
    return { apiVersion, kind, schema: applySchemaFromCRD(crd, version), goType: undefined, patchSchema: undefined, crd, crdSchema: crdVersionSchema(crd, version).schema };
  }
  const typeName = sources.openAPI === undefined ? undefined : openAPITypeOf(sources.openAPI, group, version, kind);
  const schema = typeName === undefined ? builtinApplySchemaFor(apiVersion, kind) : applySchemaFromOpenAPI(sources.openAPI!, typeName);
  if (schema === undefined) {
    throw new InvalidSchemaError(`no apply schema for ${apiVersion} ${kind}: it is not a built-in kind of Kubernetes 1.33; pass its CustomResourceDefinition in \`crds\` or an OpenAPI v3 document in \`openAPI\``, { input: 'crds' });
  }
  const goType = kindType(apiVersion, kind);
  // A kind served without Go types (a custom resource) is defaulted from its schema's `default`s.
  const crdSchema = goType === undefined && typeName !== undefined ? openAPISchemas(sources.openAPI!)?.[typeName] : undefined;
  return { apiVersion, kind, schema, goType, patchSchema: schemaFor(apiVersion, kind), crd: undefined, crdSchema };
}

/**
 * Defaults the registry fills after the field manager has run, in its strategy or REST storage
 * rather than in the defaulting functions: an update does not own them.
 */
const REGISTRY_DEFAULTS: ReadonlySet<string> = new Set(['io.k8s.api.core.v1.ServiceSpec/clusterIPs']);
const decodeTimeDefault = (row: ServerDefault) => !REGISTRY_DEFAULTS.has(`${row.type}/${row.field}`);

/** As `stage` says: decoded from a request (what the field manager sees) or as finally stored. */
function throughServer(target: ApplyTarget, object: JsonValue, stage: 'read' | 'decoded' | 'stored'): JsonValue {
  // A custom resource is kept as a Go map: written with its keys sorted, at every level.
  if (target.goType === undefined) return sortedKeys(target.crdSchema === undefined ? object : crdDefaults(object, target.crdSchema));
  // Go decodes into the struct first (zero values of absent non-omitempty fields appear), then
  // defaults it, converts it, and writes it.
  let value = stage === 'read' ? object : (goWireForm(object, target.goType, false) ?? null);
  if (stage !== 'read' && target.patchSchema !== undefined) {
    value = fillServerDefaults(value, target.patchSchema, new SchemaLookup(), stage === 'decoded' ? decodeTimeDefault : undefined).value;
  }
  if (isJsonObject(value)) value = applyDecodeQuirks(target.apiVersion, target.kind, value);
  return goWireForm(value, target.goType) ?? null;
}

/** An object as the server's typed converter reads a stored object: through its Go struct for a built-in kind, defaulted for a custom one. @internal */
export function readStored(target: ApplyTarget, object: JsonValue): JsonValue {
  return throughServer(target, object, 'read');
}

/** A request's object as the field manager sees it: decoded, defaulted by the defaulting functions, converted. @internal */
export function decodedForm(target: ApplyTarget, object: JsonValue): JsonValue {
  return throughServer(target, object, 'decoded');
}

/** An object as the server stores what a write produced: with every default kubepatch knows, written from its Go struct. @internal */
export function storedForm(target: ApplyTarget, object: JsonValue): JsonValue {
  return throughServer(target, object, 'stored');
}

/** The new, empty object a create starts from (`Creater.New` converted to the version: its type meta set). @internal */
export function emptyObject(target: ApplyTarget): JsonObject {
  const typeMeta: JsonObject = { apiVersion: target.apiVersion, kind: target.kind };
  return target.goType === undefined ? typeMeta : (goWireForm(typeMeta, target.goType) as JsonObject);
}

/** The name of the schema of an OpenAPI document marked with this group, version and kind (`x-kubernetes-group-version-kind`). */
function openAPITypeOf(document: object, group: string, version: string, kind: string): string | undefined {
  const schemas = openAPISchemas(document);
  if (schemas === undefined) throw new InvalidSchemaError('the OpenAPI document has neither components.schemas nor definitions', { input: 'openAPI' });
  for (const name of Object.keys(schemas)) {
    const schema = schemas[name];
    const marks = isJsonObject(schema) ? getOwn(schema, 'x-kubernetes-group-version-kind') : undefined;
    if (!Array.isArray(marks)) continue;
    const named = marks.some((mark) => isJsonObject(mark) && (getOwn(mark, 'group') ?? '') === group && getOwn(mark, 'version') === version && getOwn(mark, 'kind') === kind);
    if (named) return name;
  }
  return undefined;
}

/** The named schemas of an OpenAPI v3 (`components.schemas`) or Swagger 2.0 (`definitions`) document. */
function openAPISchemas(document: object): JsonObject | undefined {
  const components = isJsonObject(document) ? getOwn(document, 'components') : undefined;
  const schemas = isJsonObject(components) ? getOwn(components, 'schemas') : isJsonObject(document) ? getOwn(document, 'definitions') : undefined;
  return isJsonObject(schemas) ? schemas : undefined;
}

/** A value with the keys of every object in it sorted, as Go writes a `map[string]interface{}`. */
function sortedKeys(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (!isJsonObject(value)) return value;
  const out: JsonObject = {};
  for (const key of Object.keys(value).sort(compareUtf8)) setOwn(out, key, sortedKeys(value[key]!));
  return out;
}
