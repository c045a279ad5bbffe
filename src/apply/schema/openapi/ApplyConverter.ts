import { InvalidSchemaError } from '../../../errors/InvalidSchemaError.js';
import { escapePointerToken, unescapePointerToken } from '../../../json/pointer.js';
import { deducedType, type ApplyStructDef, type ApplyTable, type ApplyTypeRef } from '../ApplyType.js';
import { applyScalar } from './applyScalar.js';
import { readListType, readMapType, withMapTypeOverride } from './readApplyExtensions.js';

type Schema = { readonly [key: string]: unknown };

const containers = [
  { ref: '#/components/schemas/', pointer: '/components/schemas', path: ['components', 'schemas'] },
  { ref: '#/definitions/', pointer: '/definitions', path: ['definitions'] },
] as const;

/** kube-openapi: "Hardcode both quantity and raw extension to use untyped schemas". */
const hardcodedUntyped: ReadonlyMap<string, ApplyTypeRef> = new Map<string, ApplyTypeRef>([
  ['io.k8s.apimachinery.pkg.api.resource.Quantity', { kind: 'scalar', scalar: 'untyped', format: 'quantity' }],
  ['io.k8s.apimachinery.pkg.runtime.RawExtension', { kind: 'scalar', scalar: 'untyped' }],
]);
const objectMetaId = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';

/** How the converter reads a document. */
export interface ApplyConverterOptions {
  /** The argument name for errors: `"document"`, `"crd"`. */
  readonly input: string;
  /** kube-openapi's `preserveUnknownFields` argument: every struct keeps unknown fields (a v1beta1 CRD's `spec.preserveUnknownFields`). */
  readonly preserveUnknownFields: boolean;
  /**
   * Give objects marked `x-kubernetes-embedded-resource` the `apiVersion`, `kind` (strings) and
   * `metadata` (`ObjectMeta`) properties, replacing theirs, as the apiextensions server's OpenAPI
   * builder does before it converts a CRD's schema (`addEmbeddedProperties`).
   */
  readonly embeddedResources: boolean;
}

/**
 * Turns OpenAPI v3 (or Swagger 2.0) schemas into an {@link ApplyTable} by the rules of
 * kube-openapi's `schemaconv.ToSchemaFromOpenAPI`, which the API server uses to build its
 * server-side-apply schemas:
 *
 * - a `$ref`, or a one-member `allOf` holding one, is the named type, with the referring schema's
 *   `x-kubernetes-map-type` as a field-level override; `Quantity` and `RawExtension` are untyped;
 * - `x-kubernetes-preserve-unknown-fields: true` "opts its descendants into preserve-unknown-fields"
 *   (inline ones; a named type starts again from the option);
 * - `type: object`: `properties` are fields; the other keys follow `additionalProperties` (a
 *   schema, or `true` for deduced values), else are deduced when unknown fields are preserved
 *   or there are no properties ("an object without properties and without additionalProperties
 *   is assumed to be a free-form object"); `x-kubernetes-map-type` says atomic or granular. An
 *   object with properties is a struct here, one without a map;
 * - `type: array`: see `readListType`; arrays must have one `items` schema;
 * - no `type`: deduced ("If no type is specified, it is equivalent to accepting any type"),
 *   unless it has `properties` (read as an object) or is an int-or-string (an untyped scalar);
 * - primitives: see `applyScalar`; any other type is an error ("unrecognized type").
 *
 * A property's `default` is kept (`StructField.Default`): structured-merge-diff names an
 * associative-list element whose key field is missing by it (a Rollout's port `protocol`, `TCP`).
 *
 * Left out: `x-kubernetes-unions` (server-side apply ignores unions since Kubernetes 1.27).
 *
 * @internal
 */
export class ApplyConverter {
  private readonly structs = new Map<string, ApplyStructDef | undefined>();
  private readonly namedTypes = new Map<string, ApplyTypeRef>();
  private readonly resolving = new Set<string>();

  constructor(
    private readonly document: Schema,
    private readonly options: ApplyConverterOptions,
  ) {}

  /** The named schema `typeName` of `components.schemas`, else `definitions`. */
  named(typeName: string): ApplyTypeRef {
    const container = containers.find((c) => this.container(c.path) !== undefined);
    if (container === undefined) {
      throw this.error('the document has neither components.schemas (OpenAPI v3) nor definitions (Swagger 2.0)', '');
    }
    return this.resolve(container, typeName, `${container.pointer}/${escapePointerToken(typeName)}`);
  }

  /** An inline schema at `pointer`; an object becomes struct `id` (made unique). `typeMeta` adds apiVersion/kind/metadata. */
  inline(schema: unknown, id: string, pointer: string, typeMeta = false): ApplyTypeRef {
    return this.convert(schema, id, false, pointer, this.options.preserveUnknownFields, typeMeta);
  }

  /** Adds structs taken from elsewhere (the built-in `ObjectMeta`). */
  adopt(table: ApplyTable): void {
    for (const [id, struct] of Object.entries(table)) this.structs.set(id, struct);
  }

  /** Every struct converted or adopted, frozen. */
  table(): ApplyTable {
    return Object.freeze(Object.fromEntries([...this.structs].filter((entry): entry is [string, ApplyStructDef] => entry[1] !== undefined)));
  }

  private convert(schema: unknown, id: string, exact: boolean, pointer: string, preserve: boolean, typeMeta = false): ApplyTypeRef {
    if (schema === true) return deducedType;
    if (!isObject(schema)) throw this.error(`expected a schema object, found ${JSON.stringify(schema)}`, pointer);
    if (schema.$ref !== undefined) return this.ref(schema.$ref, `${pointer}/$ref`, readMapType(schema, pointer, this.options.input));
    const { allOf } = schema;
    if (Array.isArray(allOf) && allOf.length === 1 && isObject(allOf[0]) && allOf[0].$ref !== undefined) {
      return this.ref(allOf[0].$ref, `${pointer}/allOf/0/$ref`, readMapType(schema, pointer, this.options.input));
    }
    const keep = preserve || schema['x-kubernetes-preserve-unknown-fields'] === true;
    const type = this.typeOf(schema, pointer);
    if (type === 'object' || (type === undefined && schema.properties !== undefined) || typeMeta) {
      return this.object(schema, id, exact, pointer, keep, typeMeta);
    }
    if (type === 'array') return this.list(schema, id, pointer, keep);
    if (type === undefined) {
      // schemaconv reads any schema without a type as an untyped scalar with a list and a map
      // part (deduced). An int-or-string (`x-kubernetes-int-or-string`, or `IntOrString`'s own
      // `format: int-or-string` with `oneOf` integer and string) is only ever a number or a
      // string, for which that is the untyped scalar; so it is modelled as one.
      const intOrString = schema['x-kubernetes-int-or-string'] === true || schema.format === 'int-or-string';
      return intOrString ? { kind: 'scalar', scalar: 'untyped', format: 'int-or-string' } : deducedType;
    }
    const scalar = applyScalar(type, schema.format);
    if (scalar === undefined) throw this.error(`unrecognized type ${JSON.stringify(type)}`, `${pointer}/type`);
    return scalar;
  }

  private object(schema: Schema, candidate: string, exact: boolean, pointer: string, keep: boolean, typeMeta: boolean): ApplyTypeRef {
    const { properties, additionalProperties } = schema;
    if (properties !== undefined && !isObject(properties)) throw this.error('properties must be an object', `${pointer}/properties`);
    const mapType = readMapType(schema, pointer, this.options.input);
    const embedded = typeMeta || (this.options.embeddedResources && schema['x-kubernetes-embedded-resource'] === true);
    const names = Object.keys(properties ?? {});
    const additional =
      additionalProperties === undefined
        ? keep || names.length === 0 ? deducedType : undefined
        : additionalProperties === true
          ? deducedType
          : additionalProperties === false
            ? undefined
            : this.convert(additionalProperties, `${candidate}{}`, false, `${pointer}/additionalProperties`, keep);
    if (names.length === 0 && !embedded && additional !== undefined) {
      return { kind: 'map', mapType: mapType ?? 'granular', elem: additional };
    }
    const id = exact ? candidate : this.claim(candidate);
    this.structs.set(id, undefined);
    const fields: Record<string, ApplyTypeRef> = {};
    const keyDefaults: Record<string, unknown> = {};
    for (const name of names) {
      const where = `${pointer}/properties/${escapePointerToken(name)}`;
      const property = (properties as Schema)[name];
      fields[name] = this.convert(property, `${id}/${name}`, false, where, keep);
      if (isObject(property) && property.default !== undefined) keyDefaults[name] = property.default;
    }
    if (embedded) {
      fields.apiVersion = { kind: 'scalar', scalar: 'string' };
      fields.kind = { kind: 'scalar', scalar: 'string' };
      fields.metadata = { kind: 'struct', ref: objectMetaId };
    }
    const struct: { -readonly [K in keyof ApplyStructDef]: ApplyStructDef[K] } = { fields: Object.freeze(fields) };
    if (mapType === 'atomic') struct.structType = 'atomic';
    if (additional !== undefined) struct.otherFields = additional;
    if (Object.keys(keyDefaults).length > 0) struct.keyDefaults = Object.freeze(keyDefaults);
    if (embedded && !typeMeta) struct.embeddedResource = true;
    this.structs.set(id, Object.freeze(struct));
    return { kind: 'struct', ref: id };
  }

  private list(schema: Schema, id: string, pointer: string, keep: boolean): ApplyTypeRef {
    const { items } = schema;
    if (items === undefined) throw this.error('`items` must be specified on arrays', pointer);
    if (!isObject(items)) throw this.error('structural schema arrays must have exactly one member subtype', `${pointer}/items`);
    const elem = this.convert(items, `${id}[]`, false, `${pointer}/items`, keep);
    return { kind: 'list', ...readListType(schema, pointer, this.options.input), elem };
  }

  private ref(ref: unknown, pointer: string, override: ReturnType<typeof readMapType>): ApplyTypeRef {
    if (typeof ref !== 'string') throw this.error('$ref must be a string', pointer);
    const container = containers.find((c) => ref.startsWith(c.ref));
    const token = container === undefined ? '' : ref.slice(container.ref.length);
    if (container === undefined || token === '' || token.includes('/')) {
      throw this.error(`unsupported $ref ${JSON.stringify(ref)}: only #/components/schemas/<name> and #/definitions/<name> are resolved`, pointer);
    }
    return withMapTypeOverride(this.resolve(container, unescapePointerToken(token), pointer), override);
  }

  private resolve(container: (typeof containers)[number], name: string, pointer: string): ApplyTypeRef {
    const hardcoded = hardcodedUntyped.get(name);
    if (hardcoded !== undefined) return hardcoded;
    if (this.structs.has(name)) return { kind: 'struct', ref: name };
    const known = this.namedTypes.get(name);
    if (known !== undefined) return known;
    const schemas = this.container(container.path);
    const schema = schemas !== undefined && Object.hasOwn(schemas, name) ? schemas[name] : undefined;
    if (schema === undefined) throw this.error(`no schema named ${JSON.stringify(name)} in ${container.path.join('.')}`, pointer);
    // A cycle through named lists or maps with no struct to stop at: the deepest level is deduced.
    if (this.resolving.has(name)) return deducedType;
    this.resolving.add(name);
    try {
      const type = this.convert(schema, name, true, `${container.pointer}/${escapePointerToken(name)}`, this.options.preserveUnknownFields);
      this.namedTypes.set(name, type);
      return type;
    } finally {
      this.resolving.delete(name);
    }
  }

  private container(path: readonly string[]): Schema | undefined {
    let value: unknown = this.document;
    for (const key of path) value = isObject(value) && Object.hasOwn(value, key) ? value[key] : undefined;
    return isObject(value) ? value : undefined;
  }

  private claim(candidate: string): string {
    const taken = (id: string): boolean => this.structs.has(id) || containers.some((c) => Object.hasOwn(this.container(c.path) ?? {}, id));
    if (!taken(candidate)) return candidate;
    let n = 2;
    while (taken(`${candidate}~${n}`)) n += 1;
    return `${candidate}~${n}`;
  }

  /** kube-openapi reads the first entry of a type list (`m.Type[0]`). */
  private typeOf(schema: Schema, pointer: string): string | undefined {
    const { type } = schema;
    if (type === undefined || type === '') return undefined;
    if (typeof type === 'string') return type;
    if (Array.isArray(type) && type.every((t) => typeof t === 'string')) return type.length === 0 ? undefined : (type[0] as string);
    throw this.error('type must be a string', `${pointer}/type`);
  }

  private error(message: string, pointer: string): InvalidSchemaError {
    return new InvalidSchemaError(`${message} (at ${pointer || 'the root'})`, { path: pointer, input: this.options.input });
  }
}

function isObject(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

