import { InvalidSchemaError } from '../errors/InvalidSchemaError.js';

type Json = { readonly [key: string]: unknown };

/** What {@link crdVersionSchema} finds. @internal */
export interface CrdVersionSchema {
  readonly group: string;
  readonly kind: string;
  /** `spec.versions[i].schema.openAPIV3Schema`, or the v1beta1 `spec.validation.openAPIV3Schema`. */
  readonly schema: unknown;
  /** Where `schema` is, as a JSON Pointer into the CRD. */
  readonly pointer: string;
  /** `spec.preserveUnknownFields` (apiextensions v1beta1 only: v1 requires it false). */
  readonly preserveUnknownFields: boolean;
}

/**
 * The schema of version `version` of a CustomResourceDefinition, with the CRD's group and kind:
 * what {@link schemaFromCRD} (strategic merge patch) and `applySchemaFromCRD` (server-side apply)
 * both read.
 * Throws `InvalidSchemaError` (`INVALID_SCHEMA`, `input: 'crd'`, `path` the offending member)
 * when the object is not a CRD or has no schema for that version.
 *
 * @internal
 */
export function crdVersionSchema(crd: unknown, version: string): CrdVersionSchema {
  const fail = (message: string, path: string): never => {
    throw new InvalidSchemaError(`${message} (at ${path || 'the root'})`, { path, input: 'crd' });
  };
  const root = asObject(crd) ?? fail('a CustomResourceDefinition must be an object', '');
  if (root.kind !== undefined && root.kind !== 'CustomResourceDefinition') {
    fail(`expected a CustomResourceDefinition, found kind ${JSON.stringify(root.kind)}`, '/kind');
  }
  const spec = asObject(root.spec) ?? fail('spec must be an object', '/spec');
  const group = typeof spec.group === 'string' ? spec.group : fail('spec.group must be a string', '/spec/group');
  const kind = asObject(spec.names)?.kind;
  if (typeof kind !== 'string') return fail('spec.names.kind must be a string', '/spec/names/kind');
  const preserveUnknownFields = spec.preserveUnknownFields === true;
  const versions = Array.isArray(spec.versions) ? (spec.versions as unknown[]) : [];
  const index = versions.findIndex((entry) => asObject(entry)?.name === version);
  if (index === -1 && spec.version !== version) {
    const names = [...versions.map((entry) => asObject(entry)?.name), spec.version].filter((name) => typeof name === 'string');
    const has = names.length === 0 ? 'none' : names.map((name) => JSON.stringify(name)).join(', ');
    fail(`no version ${JSON.stringify(version)}; the CRD has ${has}`, '/spec/versions');
  }
  const own = asObject(asObject(versions[index])?.schema)?.openAPIV3Schema;
  if (own !== undefined) return { group, kind, schema: own, pointer: `/spec/versions/${index}/schema/openAPIV3Schema`, preserveUnknownFields };
  // apiextensions.k8s.io/v1beta1: one schema for every version.
  const legacy = asObject(spec.validation)?.openAPIV3Schema;
  if (legacy !== undefined) return { group, kind, schema: legacy, pointer: '/spec/validation/openAPIV3Schema', preserveUnknownFields };
  return fail(`version ${JSON.stringify(version)} has no schema.openAPIV3Schema`, index === -1 ? '/spec' : `/spec/versions/${index}`);
}

function asObject(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}
