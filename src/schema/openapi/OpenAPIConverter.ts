import { InvalidSchemaError } from '../../errors/InvalidSchemaError.js';
import { escapePointerToken, unescapePointerToken } from '../../json/pointer.js';
import { leafTypeRefs, leafTypeRefsByOpenAPIId } from '../leafTypes.js';
import type { FieldDef, ScalarFormat, SchemaTable, StructDef, TypeRef } from '../SchemaTable.js';
import { readPatchMeta } from './readPatchMeta.js';

/** An OpenAPI schema object, read-only: nothing here changes its input. */
export type OpenAPISchema = { readonly [key: string]: unknown };

/**
 * The id an object schema gets as a struct: its own name when it is a named schema (`exact`),
 * else one made from where it sits, made unique when taken.
 */
interface StructId {
  readonly id: string;
  readonly exact: boolean;
}

/** Where named schemas live: OpenAPI v3 `components.schemas`, Swagger 2.0 `definitions`. */
const containers = [
  { ref: '#/components/schemas/', pointer: '/components/schemas', path: ['components', 'schemas'] },
  { ref: '#/definitions/', pointer: '/definitions', path: ['definitions'] },
] as const;

const scalarTypes: ReadonlySet<string> = new Set(['string', 'integer', 'number', 'boolean']);
const scalarFormats: ReadonlySet<string> = new Set<ScalarFormat>([
  'int-or-string', 'quantity', 'date-time', 'int32', 'int64', 'byte', 'duration', 'float', 'double',
]);
/** Go-flavoured spellings of the OpenAPI `float` and `double` formats, as in upstream's test documents. */
const formatAliases: ReadonlyMap<string, ScalarFormat> = new Map([['float32', 'float'], ['float64', 'double']]);

/**
 * Turns OpenAPI schemas (v3 or Swagger 2.0, Kubernetes dialect) into a {@link SchemaTable}.
 * Named schemas become structs under their own name; inline object schemas become structs under
 * an id made from where they sit (`Rollout/spec/strategy`, `[]` for list elements, `{}` for map
 * values). Structs are registered before their fields are read, so recursive types work.
 *
 * @internal
 */
export class OpenAPIConverter {
  private readonly structs = new Map<string, StructDef | undefined>();
  /** The types of the named schemas converted so far. */
  private readonly namedTypes = new Map<string, TypeRef>();
  /** Named non-object schemas being resolved: a `$ref` cycle through them has no struct to stop at. */
  private readonly resolving = new Set<string>();
  /** Inline schema objects on the current path: a JavaScript cycle (YAML aliases can make one). */
  private readonly open = new Set<object>();
  /** Structs marked `x-kubernetes-embedded-resource`, in the order met. */
  readonly embeddedResources: string[] = [];

  constructor(
    private readonly document: OpenAPISchema,
    /** The argument name for errors: `"document"`, `"crd"`. */
    private readonly input: string,
  ) {}

  /** The type of the named schema `typeName`: in `components.schemas`, else in `definitions`. */
  named(typeName: string): TypeRef {
    const container = containers.find((c) => this.container(c.path) !== undefined);
    if (container === undefined) {
      throw this.error('the document has neither components.schemas (OpenAPI v3) nor definitions (Swagger 2.0)', '');
    }
    return this.resolve(container, typeName, `${container.pointer}/${escapePointerToken(typeName)}`);
  }

  /** The type of `schema`, found at JSON Pointer `pointer`; an object schema becomes struct `id` (made unique). */
  inline(schema: unknown, id: string, pointer: string): TypeRef {
    return this.convert(schema, { id, exact: false }, pointer);
  }

  private convert(schema: unknown, id: StructId, pointer: string): TypeRef {
    if (schema === true) return leafTypeRefs.unknown; // JSON Schema's "anything"
    if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
      throw this.error(`expected a schema object, found ${JSON.stringify(schema)}`, pointer);
    }
    if (this.open.has(schema)) throw this.error('the schema contains itself', pointer);
    this.open.add(schema);
    try {
      return this.convertObject(schema as OpenAPISchema, id, pointer);
    } finally {
      this.open.delete(schema);
    }
  }

  /** Adds structs taken from elsewhere (the built-in `ObjectMeta`), so new ids avoid theirs. */
  adopt(structs: ReadonlyMap<string, StructDef>): void {
    for (const [id, struct] of structs) this.structs.set(id, struct);
  }

  /** The struct registered as `id`. */
  struct(id: string): StructDef | undefined {
    return this.structs.get(id);
  }

  /** Replaces the struct registered as `id`. */
  replace(id: string, struct: StructDef): void {
    this.structs.set(id, Object.freeze(struct));
  }

  /** Every struct converted so far, frozen. */
  table(): SchemaTable {
    const done = [...this.structs].filter((entry): entry is [string, StructDef] => entry[1] !== undefined);
    return Object.freeze(Object.fromEntries(done));
  }

  private convertObject(schema: OpenAPISchema, id: StructId, pointer: string): TypeRef {
    if (schema.$ref !== undefined) return this.ref(schema.$ref, `${pointer}/$ref`);
    // The Kubernetes OpenAPI wraps a reference in `allOf` so that it can carry a description,
    // a default and the x-kubernetes-* extensions beside it; those are read from this schema.
    const { allOf } = schema;
    if (Array.isArray(allOf) && allOf.length === 1 && !hasShape(schema)) {
      return this.convert(allOf[0], id, `${pointer}/allOf/0`);
    }
    if (schema['x-kubernetes-int-or-string'] === true) return leafTypeRefs.intOrString;
    const type = this.typeOf(schema, pointer);
    const { properties } = schema;
    const embedded = schema['x-kubernetes-embedded-resource'] === true;
    if (type === 'object' || (type === undefined && properties !== undefined)) {
      if (properties !== undefined || embedded) return this.structOf(schema, id, pointer);
      const { additionalProperties } = schema;
      if (isSchemaObject(additionalProperties)) {
        const values = { id: `${id.id}{}`, exact: false };
        return { kind: 'map', elem: this.convert(additionalProperties, values, `${pointer}/additionalProperties`) };
      }
      if (schema['x-kubernetes-preserve-unknown-fields'] === true) return leafTypeRefs.unknown;
      // An object without properties is a map of anything, as kube-openapi's `parseMap` reads it;
      // Go's lookups inside those values fail, hence opaque.
      return { kind: 'map', elem: leafTypeRefs.opaque };
    }
    if (type === 'array') {
      const { items } = schema;
      // Swagger 2.0 allows a tuple (`items: [ … ]`); Kubernetes never uses it, and a list of
      // mixed elements has no one element schema.
      if (items === undefined || Array.isArray(items)) return { kind: 'list', elem: leafTypeRefs.unknown };
      return { kind: 'list', elem: this.convert(items, { id: `${id.id}[]`, exact: false }, `${pointer}/items`) };
    }
    if (schema['x-kubernetes-preserve-unknown-fields'] === true) return leafTypeRefs.unknown;
    // No type and no properties: kube-openapi's "Arbitrary", which Go's patch metadata cannot see into.
    if (type === undefined || type === 'null' || type === 'mixed') return leafTypeRefs.opaque;
    return this.scalar(type, schema.format, pointer);
  }

  private structOf(schema: OpenAPISchema, candidate: StructId, pointer: string): TypeRef {
    const { properties } = schema;
    if (properties !== undefined && !isSchemaObject(properties)) {
      throw this.error('properties must be an object', `${pointer}/properties`);
    }
    const id = candidate.exact ? candidate.id : this.claim(candidate.id);
    this.structs.set(id, undefined); // registered first, so that a field referring back finds it
    if (schema['x-kubernetes-embedded-resource'] === true) this.embeddedResources.push(id);
    const fields: [string, FieldDef][] = [];
    for (const [name, property] of Object.entries(properties ?? {})) {
      const where = `${pointer}/properties/${escapePointerToken(name)}`;
      const type = this.convert(property, { id: `${id}/${name}`, exact: false }, where);
      fields.push([name, Object.freeze({ type, ...readPatchMeta(property, type, where, this.input) })]);
    }
    const struct: { -readonly [K in keyof StructDef]: StructDef[K] } = {
      fields: Object.freeze(Object.fromEntries(fields)),
    };
    const { structType } = readPatchMeta(schema, { kind: 'struct', ref: id }, pointer, this.input);
    if (structType !== undefined) struct.structType = structType;
    if (schema['x-kubernetes-preserve-unknown-fields'] === true) struct.preserveUnknownFields = true;
    this.structs.set(id, Object.freeze(struct));
    return { kind: 'struct', ref: id };
  }

  private ref(ref: unknown, pointer: string): TypeRef {
    if (typeof ref !== 'string') throw this.error('$ref must be a string', pointer);
    const container = containers.find((c) => ref.startsWith(c.ref));
    const token = container === undefined ? '' : ref.slice(container.ref.length);
    // A deeper pointer (`#/definitions/X/properties/y`) or another document is not supported.
    if (container === undefined || token === '' || token.includes('/')) {
      const supported = 'only #/components/schemas/<name> and #/definitions/<name> are resolved';
      throw this.error(`unsupported $ref ${JSON.stringify(ref)}: ${supported}`, pointer);
    }
    return this.resolve(container, unescapePointerToken(token), pointer);
  }

  private resolve(container: (typeof containers)[number], name: string, pointer: string): TypeRef {
    const leaf = leafTypeRefsByOpenAPIId.get(name);
    if (leaf !== undefined) return leaf;
    const schemas = this.container(container.path);
    const schema = schemas !== undefined && Object.hasOwn(schemas, name) ? schemas[name] : undefined;
    if (schema === undefined) {
      throw this.error(`no schema named ${JSON.stringify(name)} in ${container.path.join('.')}`, pointer);
    }
    const known = this.namedTypes.get(name);
    if (known !== undefined) return known;
    // Registered but not finished: a struct that refers back to itself.
    if (this.structs.has(name)) return { kind: 'struct', ref: name };
    // A cycle through named non-object schemas (a list of itself) describes values nested to any
    // depth with no struct to name; the deepest level is read as unknown: maps merge, lists are replaced.
    if (this.resolving.has(name)) return leafTypeRefs.unknown;
    this.resolving.add(name);
    try {
      const type = this.convert(schema, { id: name, exact: true }, `${container.pointer}/${escapePointerToken(name)}`);
      this.namedTypes.set(name, type);
      return type;
    } finally {
      this.resolving.delete(name);
    }
  }

  private container(path: readonly string[]): OpenAPISchema | undefined {
    let value: unknown = this.document;
    for (const key of path) value = isSchemaObject(value) && Object.hasOwn(value, key) ? value[key] : undefined;
    return isSchemaObject(value) ? value : undefined;
  }

  /** `candidate`, or `candidate~2`, `~3`, … when a struct or a named schema already has that id. */
  private claim(candidate: string): string {
    const taken = (id: string): boolean =>
      this.structs.has(id) || containers.some((c) => Object.hasOwn(this.container(c.path) ?? {}, id));
    if (!taken(candidate)) return candidate;
    let n = 2;
    while (taken(`${candidate}~${n}`)) n += 1;
    return `${candidate}~${n}`;
  }

  /**
   * The schema's `type`. A JSON Schema (OpenAPI 3.1) type list such as `["string", "null"]` counts
   * as its one non-null type; a list of several is `mixed`.
   */
  private typeOf(schema: OpenAPISchema, pointer: string): string | undefined {
    const { type } = schema;
    if (type === undefined) return undefined;
    if (typeof type === 'string') return type;
    if (Array.isArray(type) && type.every((t) => typeof t === 'string')) {
      const types = type.filter((t) => t !== 'null');
      return types.length === 1 ? (types[0] as string) : types.length === 0 ? 'null' : 'mixed';
    }
    throw this.error('type must be a string', `${pointer}/type`);
  }

  private scalar(type: string, format: unknown, pointer: string): TypeRef {
    if (!scalarTypes.has(type)) throw this.error(`unsupported type ${JSON.stringify(type)}`, `${pointer}/type`);
    // Formats a ScalarFormat does not name (`email`, `uuid`, …) change nothing kubepatch does.
    const known =
      typeof format !== 'string'
        ? undefined
        : (formatAliases.get(format) ?? (scalarFormats.has(format) ? (format as ScalarFormat) : undefined));
    // `int-or-string` is both: `type: string` would tell a reader the value cannot be 8080.
    if (known === 'int-or-string') return leafTypeRefs.intOrString;
    return known === undefined
      ? { kind: 'scalar', type: type as 'string' }
      : { kind: 'scalar', type: type as 'string', format: known };
  }

  private error(message: string, pointer: string): InvalidSchemaError {
    return new InvalidSchemaError(`${message} (at ${pointer || 'the root'})`, { path: pointer, input: this.input });
  }
}

/** True when the schema says what it is itself, rather than only through `allOf`. */
function hasShape(schema: OpenAPISchema): boolean {
  return ['type', 'properties', 'items', 'additionalProperties'].some((key) => schema[key] !== undefined);
}

function isSchemaObject(value: unknown): value is OpenAPISchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
