/**
 * Generates `src/schema/generated/builtinSchemas.ts`, the patch schemas of every built-in kind of
 * Kubernetes 1.33, from `../shared/k8s-schema/builtin-types.json` (k8s.io/api v0.33.13, extracted
 * from the Go sources; its README describes the shape read here).
 *
 * Run with `npm run generate:schemas`. `test/schema/builtinSchemas.test.ts` runs
 * {@link generateBuiltinSchemasModule} in memory and fails when the committed file differs.
 *
 * Only what kubepatch uses is kept: field types, patch strategies and merge keys, the
 * server-side-apply list/map/struct markers, and `omitempty`. Go names, pointers, defaults and
 * union markers are left out. The table is written in the compact form that
 * `src/schema/builtinTable.ts` decodes (see there).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { leafTypeRefs } from '../src/schema/leafTypes.ts';
import type {
  FieldDef,
  PatchMeta,
  PatchStrategy,
  ScalarFormat,
  SchemaTable,
  StructDef,
  TypeRef,
} from '../src/schema/SchemaTable.ts';

/** A TypeRef as `builtin-types.json` writes it. */
export type SourceTypeRef =
  | { kind: 'struct'; ref: string }
  | { kind: 'list' | 'map'; elem: SourceTypeRef }
  | { kind: 'primitive'; type: 'string' | 'integer' | 'number' | 'boolean'; format?: string }
  | { kind: 'quantity' | 'intOrString' }
  | { kind: 'time'; micro?: boolean }
  | { kind: 'raw'; goLeaf?: string };

/** A field as `builtin-types.json` writes it (the members read here). */
export interface SourceField {
  type: SourceTypeRef;
  patchStrategy?: string;
  patchMergeKey?: string;
  listType?: 'atomic' | 'set' | 'map';
  listMapKeys?: string[];
  mapType?: 'atomic' | 'granular';
  structType?: 'atomic' | 'granular';
  omitempty: boolean;
}

/** The parts of `builtin-types.json` read here. */
export interface BuiltinTypesData {
  source: { tag: string; commit: string; apimachinery: { tag: string; commit: string } };
  kinds: Record<string, string>;
  types: Record<string, { order: string[]; structType?: 'atomic' | 'granular'; fields: Record<string, SourceField> }>;
}

export const dataFile = fileURLToPath(new URL('../../shared/k8s-schema/builtin-types.json', import.meta.url));
export const outputFile = fileURLToPath(new URL('../src/schema/generated/builtinSchemas.ts', import.meta.url));

/** Reads `builtin-types.json`. */
export function readBuiltinTypesData(file = dataFile): BuiltinTypesData {
  return JSON.parse(readFileSync(file, 'utf8')) as BuiltinTypesData;
}

const strategies: ReadonlySet<string> = new Set<PatchStrategy>(['merge', 'replace', 'retainKeys']);
/** The formats the data gives primitives (`[]byte` is `byte`, `metav1.Duration` is `duration`). */
const scalarFormats: ReadonlySet<string> = new Set<ScalarFormat>(['int32', 'int64', 'float', 'double', 'byte', 'duration']);

/** Maps the data's TypeRef to kubepatch's. */
export function toTypeRef(source: SourceTypeRef): TypeRef {
  switch (source.kind) {
    case 'struct':
      return { kind: 'struct', ref: source.ref };
    case 'list':
    case 'map':
      return { kind: source.kind, elem: toTypeRef(source.elem) };
    case 'primitive':
      if (source.format === undefined) return { kind: 'scalar', type: source.type };
      if (!scalarFormats.has(source.format)) throw new Error(`unknown primitive format ${JSON.stringify(source.format)}`);
      return { kind: 'scalar', type: source.type, format: source.format as ScalarFormat };
    case 'quantity':
      return leafTypeRefs.quantity;
    case 'intOrString':
      return leafTypeRefs.intOrString;
    case 'time':
      return leafTypeRefs.dateTime;
    case 'raw':
      return leafTypeRefs.opaque;
  }
}

/** Maps one field; `where` names it in errors. */
export function toFieldDef(source: SourceField, where: string): FieldDef {
  const type = toTypeRef(source.type);
  const patchStrategies = source.patchStrategy === undefined ? [] : source.patchStrategy.split(',');
  for (const strategy of patchStrategies) {
    if (!strategies.has(strategy)) throw new Error(`${where}: unknown patchStrategy ${JSON.stringify(strategy)}`);
  }
  const meta: { -readonly [K in keyof PatchMeta]: PatchMeta[K] } = { patchStrategies: patchStrategies as PatchStrategy[] };
  if (source.patchMergeKey !== undefined) meta.patchMergeKey = source.patchMergeKey;
  // Six fields carry `+listType=atomic` without being lists (meta/v1 Status.details, two []byte
  // fields of CertificateSigningRequest, …). structured-merge-diff ignores those markers; so do we.
  if (type.kind === 'list') {
    if (source.listType !== undefined) meta.listType = source.listType;
    if (source.listMapKeys !== undefined) meta.listMapKeys = source.listMapKeys;
  }
  if (source.mapType !== undefined) meta.mapType = source.mapType;
  if (source.structType !== undefined) meta.structType = source.structType;
  return source.omitempty ? { type, ...meta, omitempty: true } : { type, ...meta };
}

/** The whole schema table and the kinds map, as kubepatch uses them. */
export function toSchemaTable(data: BuiltinTypesData): { table: SchemaTable; kinds: Record<string, string> } {
  const table: Record<string, StructDef> = {};
  for (const [id, source] of Object.entries(data.types)) {
    // `order` is encoding/json's output order; the StructDef keeps it as its key order.
    const fields = Object.fromEntries(
      source.order.map((name) => [name, toFieldDef(source.fields[name] as SourceField, `${id}.${name}`)]),
    );
    table[id] = source.structType === undefined ? { fields } : { fields, structType: source.structType };
  }
  for (const [kind, id] of Object.entries(data.kinds)) {
    if (!Object.hasOwn(table, id)) throw new Error(`kind ${kind} names a type that is not in the data: ${id}`);
  }
  return { table, kinds: data.kinds };
}

/** The package part of a type id: `io.k8s.api.core.v1.` for `io.k8s.api.core.v1.Pod`. */
function packageOf(id: string): string {
  return id.slice(0, id.lastIndexOf('.') + 1);
}

/** Encodes a TypeRef in the compact grammar `builtinTable.ts` decodes. */
export function encodeTypeRef(type: TypeRef, pkg: string): string {
  switch (type.kind) {
    case 'struct': {
      const local = type.ref.startsWith(pkg) ? type.ref.slice(pkg.length) : '';
      return '@' + (local !== '' && !local.includes('.') ? local : type.ref);
    }
    case 'list':
      return '[]' + encodeTypeRef(type.elem, pkg);
    case 'map':
      return '{}' + encodeTypeRef(type.elem, pkg);
    case 'scalar':
      return (type.type ?? '') + (type.format === undefined ? '' : '/' + type.format);
    case 'unknown':
      return '*';
    case 'opaque':
      return '!';
  }
}

/** Encodes one struct as the JSON text of its compact form. */
export function encodeStruct(id: string, struct: StructDef): string {
  const pkg = packageOf(id);
  const fields: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(struct.fields)) {
    const { type, omitempty, patchStrategies, ...rest } = field;
    const encoded = (omitempty ? '?' : '') + encodeTypeRef(type, pkg);
    const meta = patchStrategies.length > 0 ? { patchStrategies, ...rest } : rest;
    fields[name] = Object.keys(meta).length > 0 ? [encoded, meta] : encoded;
  }
  return JSON.stringify(struct.structType === undefined ? fields : [fields, struct.structType]);
}

/** A JavaScript single-quoted string literal of `text`. */
function quote(text: string): string {
  return "'" + text.replace(/[\\'\n\r\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')) + "'";
}

/** The text of `src/schema/generated/builtinSchemas.ts`. Pure: the same data gives the same text. */
export function generateBuiltinSchemasModule(data: BuiltinTypesData): string {
  const { table, kinds } = toSchemaTable(data);
  const typeLines = Object.entries(table).map(
    ([id, struct]) => `  ${quote(JSON.stringify(id) + ':' + encodeStruct(id, struct))},`,
  );
  const kindLines = Object.entries(kinds).map(([kind, id]) => `  ${quote(JSON.stringify(kind) + ':' + JSON.stringify(id))},`);
  return [
    '// Code generated by scripts/generate-builtin-schemas.ts (npm run generate:schemas). DO NOT EDIT.',
    `// Source: ../shared/k8s-schema/builtin-types.json: k8s.io/api ${data.source.tag} (${data.source.commit}),`,
    `// k8s.io/apimachinery ${data.source.apimachinery.tag} (${data.source.apimachinery.commit}).`,
    '// Decoded by ../builtinTable.ts, which describes the compact form.',
    '',
    '/**',
    ' * Every built-in kind: `"<apiVersion>/<Kind>":"<type id>"` members of one JSON object.',
    ' * @internal',
    ' */',
    'export const builtinKindMembers: readonly string[] = [',
    ...kindLines,
    '];',
    '',
    '/**',
    ' * Every struct type: `"<type id>":<compact struct>` members of one JSON object.',
    ' * @internal',
    ' */',
    'export const builtinTypeMembers: readonly string[] = [',
    ...typeLines,
    '];',
    '',
  ].join('\n');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const text = generateBuiltinSchemasModule(readBuiltinTypesData());
  writeFileSync(outputFile, text);
  console.log(`wrote ${outputFile} (${text.length} characters)`);
}
