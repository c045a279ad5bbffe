import { crdDefaults } from '../apply/target/crdDefaults.js';
import { InvalidDocumentError } from '../errors/InvalidDocumentError.js';
import type { JsonObject, JsonValue } from '../json/JsonValue.js';
import { getOwn, isJsonObject, jsonKeys } from '../json/ownProperty.js';
import { crdVersionSchema } from '../schema/crdVersionSchema.js';
import { schemaSourceOf, type PatchSchema } from '../schema/PatchSchema.js';
import type { Defaulted } from './serverDefaults.js';

/** The CRD among `crds` that defines objects of `apiVersion`/`kind` (by group and kind), if any. @internal */
export function findCrd(crds: readonly object[], apiVersion: string | undefined, kind: string | undefined): object | undefined {
  if (apiVersion === undefined || kind === undefined || crds.length === 0) return undefined;
  const slash = apiVersion.lastIndexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  return crds.find((crd) => {
    const spec = isJsonObject(crd as JsonValue) ? getOwn(crd as JsonObject, 'spec') : undefined;
    const names = isJsonObject(spec) ? getOwn(spec, 'names') : undefined;
    return isJsonObject(spec) && getOwn(spec, 'group') === group && isJsonObject(names) && getOwn(names, 'kind') === kind;
  });
}

/**
 * The CRD a given schema was read from (`schemaFromCRD`) when it is the CRD of `apiVersion`/`kind`
 * at that version: the schema brings its CRD's defaults, as naming the CRD in `crds` does. @internal
 */
export function crdOfSchema(schema: PatchSchema | undefined, apiVersion: string | undefined, kind: string | undefined): object | undefined {
  const source = schema === undefined ? undefined : schemaSourceOf(schema);
  if (source?.from !== 'crd' || apiVersion === undefined || source.version !== apiVersion.slice(apiVersion.lastIndexOf('/') + 1)) return undefined;
  return findCrd([source.crd], apiVersion, kind);
}

/** Checks `options.crds`: a list of objects, each a CustomResourceDefinition with a group and a kind. @internal */
export function checkCrds(crds: unknown): readonly object[] {
  if (crds === undefined) return [];
  if (!Array.isArray(crds)) throw new InvalidDocumentError('options.crds: must be an array of CustomResourceDefinitions', { input: 'options.crds' });
  crds.forEach((crd: unknown, i) => {
    const input = `options.crds[${i}]`;
    const object = isJsonObject(crd as JsonValue) ? (crd as JsonObject) : undefined;
    const spec = object && getOwn(object, 'spec');
    const names = isJsonObject(spec) ? getOwn(spec, 'names') : undefined;
    const kind = object && getOwn(object, 'kind');
    if (object === undefined || (kind !== undefined && kind !== 'CustomResourceDefinition') || !isJsonObject(spec) || typeof getOwn(spec, 'group') !== 'string' || !isJsonObject(names) || typeof getOwn(names, 'kind') !== 'string') {
      throw new InvalidDocumentError(`${input}: must be a CustomResourceDefinition with spec.group and spec.names.kind`, { input });
    }
  });
  return crds as object[];
}

/** The `openAPIV3Schema` of version `apiVersion` of `crd` (`InvalidSchemaError` when it has none). @internal */
export function crdSchemaFor(crd: object, apiVersion: string): unknown {
  return crdVersionSchema(crd, apiVersion.slice(apiVersion.lastIndexOf('/') + 1)).schema;
}

/**
 * `value` with the `default:`s of a CRD's structural schema filled in (`crdDefaults`, what the
 * API server does to a custom resource), and the keys filled, by the (copied) object holding them,
 * found by comparing the copy with the input: `crdDefaults` copies exactly the objects and lists
 * on the way to a default, so an object it did not copy holds no default.
 * @internal
 */
export function fillCrdDefaults(value: JsonValue, schema: unknown, options: { readonly sealed?: boolean } = {}): Defaulted {
  const result = crdDefaults(value, schema, options);
  const filled = new Map<object, string[]>();
  const visit = (before: JsonValue, after: JsonValue): void => {
    if (before === after || typeof after !== 'object' || after === null) return;
    if (Array.isArray(after)) {
      if (!Array.isArray(before)) return;
      after.forEach((item, i) => visit(before[i]!, item));
      return;
    }
    if (!isJsonObject(before)) return;
    for (const key of jsonKeys(after)) {
      const was = getOwn(before, key);
      const now = after[key]!;
      if ((was === undefined || was === null) && now !== null) {
        const keys = filled.get(after);
        if (keys === undefined) filled.set(after, [key]);
        else keys.push(key);
      } else {
        visit(was!, now);
      }
    }
  };
  visit(value, result);
  return { value: result, filled };
}
