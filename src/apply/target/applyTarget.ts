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
import { kindSchemaOf, type KindSchema } from './kindSchema.js';
import { openAPISchemas, openAPITypeOf, type GroupVersionKindOf } from './openAPIKinds.js';
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
  /** The schema of the whole object; when given, `crds` and `openAPI` are not read. */
  readonly schema?: PatchSchema | undefined;
  readonly crds?: readonly object[] | undefined;
  readonly openAPI?: object | undefined;
}

/**
 * The target of an object of `apiVersion`/`kind`: its schema is `sources.schema` when given (the
 * patch schema's own source, read for apply: see `kindSchemaOf`), else a custom resource's whose
 * CRD is among `crds` (matched by group, kind and served version), a kind an OpenAPI v3 document
 * describes (the schema whose `x-kubernetes-group-version-kind` names it), or a built-in kind of
 * Kubernetes 1.33, in that order. Anything else throws `InvalidSchemaError` (`INVALID_SCHEMA`)
 * saying to pass the CRD. How the server decodes, defaults and stores the object follows its kind
 * (a built-in kind's Go type) whichever schema decides the merge.
 * @internal
 */
export function applyTargetFor(object: JsonObject, sources: SchemaSources, input: string): ApplyTarget {
  const apiVersion = getOwn(object, 'apiVersion');
  const kind = getOwn(object, 'kind');
  if (typeof apiVersion !== 'string' || apiVersion === '' || typeof kind !== 'string' || kind === '') {
    throw new InvalidDocumentError(`${input} must have apiVersion and kind`, { path: typeof apiVersion === 'string' && apiVersion !== '' ? '/kind' : '/apiVersion', input });
  }
  const slash = apiVersion.lastIndexOf('/');
  const gvk = { apiVersion, group: slash < 0 ? '' : apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1), kind };
  const found = kindSchemaFrom(sources, gvk);
  const goType = kindType(apiVersion, kind);
  return {
    apiVersion,
    kind,
    schema: found.schema,
    goType,
    patchSchema: found.crd === undefined ? schemaFor(apiVersion, kind) : undefined,
    crd: found.crd,
    // A kind served without Go types (a custom resource) is defaulted from its schema's `default`s.
    crdSchema: goType === undefined ? found.defaultsSchema : undefined,
  };
}

function kindSchemaFrom(sources: SchemaSources, gvk: GroupVersionKindOf & { readonly apiVersion: string }): KindSchema {
  if (sources.schema !== undefined) return kindSchemaOf(sources.schema, gvk);
  for (const crd of sources.crds ?? []) {
    const spec = isJsonObject(crd) ? getOwn(crd, 'spec') : undefined;
    const names = isJsonObject(spec) ? getOwn(spec, 'names') : undefined;
    if (!isJsonObject(spec) || getOwn(spec, 'group') !== gvk.group || !isJsonObject(names) || getOwn(names, 'kind') !== gvk.kind) continue;
    return { schema: applySchemaFromCRD(crd, gvk.version), crd, defaultsSchema: crdVersionSchema(crd, gvk.version).schema };
  }
  const typeName = sources.openAPI === undefined ? undefined : openAPITypeOf(sources.openAPI, gvk);
  if (typeName !== undefined) {
    return { schema: applySchemaFromOpenAPI(sources.openAPI!, typeName), crd: undefined, defaultsSchema: openAPISchemas(sources.openAPI!)?.[typeName] };
  }
  const schema = builtinApplySchemaFor(gvk.apiVersion, gvk.kind);
  if (schema === undefined) {
    throw new InvalidSchemaError(`no apply schema for ${gvk.apiVersion} ${gvk.kind}: it is not a built-in kind of Kubernetes 1.33; pass its CustomResourceDefinition in \`crds\`, its schema in \`schema\` (schemaFromCRD, schemaFromOpenAPI) or an OpenAPI v3 document in \`openAPI\``, { input: 'crds' });
  }
  return { schema, crd: undefined, defaultsSchema: undefined };
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

/** A value with the keys of every object in it sorted, as Go writes a `map[string]interface{}`. */
function sortedKeys(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (!isJsonObject(value)) return value;
  const out: JsonObject = {};
  for (const key of Object.keys(value).sort(compareUtf8)) setOwn(out, key, sortedKeys(value[key]!));
  return out;
}
