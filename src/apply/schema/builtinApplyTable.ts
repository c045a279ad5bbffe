import { builtinSchemas } from '../../schema/builtinTable.js';
import { ApplySchema } from './ApplySchema.js';
import { deducedType, untypedType, type ApplyStructDef, type ApplyTable, type ApplyTypeRef } from './ApplyType.js';
import { builtinApplyTypeMembers } from './generated/builtinApplySchemas.js';

let decoded: ApplyTable | undefined;

/**
 * The server-side-apply table of the built-in types, decoded on first use from
 * `generated/builtinApplySchemas.ts` (written by `scripts/generate-apply-schemas.ts`, which says
 * what is read from structured-merge-diff's schema). One struct per line:
 *
 * - a struct is `{ "<field>": "<type>", … }`, or `[{ … }, { structType?, otherFields?, keyDefaults? }]`;
 * - a type is `s`, `n`, `b` or `u` (string, numeric, boolean, untyped scalar; `u/quantity`,
 *   `u/int-or-string`, `u/date-time` say which untyped), `*` (deduced), `~` (untyped),
 *   `@Name` (a struct, `Name` without a dot in the declaring type's package; `@Name#atomic` or
 *   `#granular` overrides its atomicity for this field), `[]T` (atomic list), `[+]T` (set),
 *   `[k1,k2]T` (list map with those keys), `{}T` (granular map) or `{!}T` (atomic map).
 *
 * @internal
 */
export function builtinApplyTable(): ApplyTable {
  decoded ??= decode();
  return decoded;
}

/**
 * The server-side-apply schema of built-in type `typeId` (`io.k8s.api.apps.v1.Deployment`), or
 * `undefined` when client-go has no apply configuration for it (options kinds, `Status`, reviews).
 * @internal
 */
export function builtinApplySchema(typeId: string): ApplySchema | undefined {
  const table = builtinApplyTable();
  return Object.hasOwn(table, typeId) ? ApplySchema.fromTable(table, typeId) : undefined;
}

/**
 * The server-side-apply schema of built-in kind `kind` of `apiVersion` (core kinds under `v1`),
 * found by the same kind table as `schemaFor`.
 * @internal
 */
export function builtinApplySchemaFor(apiVersion: string, kind: string): ApplySchema | undefined {
  const id = builtinSchemas().kinds.get(`${apiVersion}/${kind}`);
  return id === undefined ? undefined : builtinApplySchema(id);
}

type EncodedStruct = Record<string, string> | [Record<string, string>, { structType?: 'atomic'; otherFields?: string; keyDefaults?: Record<string, unknown> }];

function decode(): ApplyTable {
  const types = JSON.parse(`{${builtinApplyTypeMembers.join(',')}}`) as Record<string, EncodedStruct>;
  const cache = new Map<string, ApplyTypeRef>();
  const table = Object.fromEntries(
    Object.entries(types).map(([id, encoded]) => [id, decodeStruct(encoded, id.slice(0, id.lastIndexOf('.') + 1), cache)]),
  );
  return Object.freeze(table);
}

function decodeStruct(encoded: EncodedStruct, pkg: string, cache: Map<string, ApplyTypeRef>): ApplyStructDef {
  const [fields, extras] = Array.isArray(encoded) ? encoded : [encoded, {}];
  const struct: { -readonly [K in keyof ApplyStructDef]: ApplyStructDef[K] } = {
    fields: Object.freeze(Object.fromEntries(Object.entries(fields).map(([name, text]) => [name, decodeType(text, pkg, cache)]))),
  };
  if (extras.structType !== undefined) struct.structType = extras.structType;
  if (extras.otherFields !== undefined) struct.otherFields = decodeType(extras.otherFields, pkg, cache);
  if (extras.keyDefaults !== undefined) struct.keyDefaults = Object.freeze(extras.keyDefaults);
  return Object.freeze(struct);
}

const scalars: Readonly<Record<string, 'string' | 'numeric' | 'boolean' | 'untyped'>> = { s: 'string', n: 'numeric', b: 'boolean', u: 'untyped' };

function decodeType(text: string, pkg: string, cache: Map<string, ApplyTypeRef>): ApplyTypeRef {
  const known = cache.get(pkg + ' ' + text);
  if (known !== undefined) return known;
  const type = Object.freeze(parseType(text, pkg, cache));
  cache.set(pkg + ' ' + text, type);
  return type;
}

function parseType(text: string, pkg: string, cache: Map<string, ApplyTypeRef>): ApplyTypeRef {
  if (text === '*') return deducedType;
  if (text === '~') return untypedType;
  if (text.startsWith('@')) {
    const [name = '', structType] = text.slice(1).split('#') as [string, 'atomic' | 'granular' | undefined];
    const ref = name.includes('.') ? name : pkg + name;
    return structType === undefined ? { kind: 'struct', ref } : { kind: 'struct', ref, structType };
  }
  if (text.startsWith('{')) {
    const atomic = text.startsWith('{!}');
    return { kind: 'map', mapType: atomic ? 'atomic' : 'granular', elem: decodeType(text.slice(atomic ? 3 : 2), pkg, cache) };
  }
  if (text.startsWith('[')) {
    const end = text.indexOf(']');
    const head = text.slice(1, end);
    const elem = decodeType(text.slice(end + 1), pkg, cache);
    if (head === '') return { kind: 'list', listType: 'atomic', elem };
    if (head === '+') return { kind: 'list', listType: 'set', elem };
    return { kind: 'list', listType: 'map', keys: Object.freeze(head.split(',')), elem };
  }
  const [letter = '', format] = text.split('/') as [string, 'quantity' | undefined];
  const scalar = scalars[letter];
  if (scalar === undefined) throw new Error(`unknown encoded apply type ${JSON.stringify(text)}`);
  return format === undefined ? { kind: 'scalar', scalar } : { kind: 'scalar', scalar, format };
}

/**
 * The built-in structs `rootId` reaches, itself included: what a CRD's table borrows for
 * `metadata` (`ObjectMeta`, whose `managedFields` and `ownerReferences` reach further).
 * @internal
 */
export function builtinApplyStructsFrom(rootId: string): ApplyTable {
  const table = builtinApplyTable();
  const found: Record<string, ApplyStructDef> = {};
  const pending = [rootId];
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    const struct = Object.hasOwn(table, id) ? table[id] : undefined;
    if (struct === undefined || Object.hasOwn(found, id)) continue;
    found[id] = struct;
    for (const field of [...Object.values(struct.fields), ...(struct.otherFields ? [struct.otherFields] : [])]) {
      let type = field;
      while (type.kind === 'list' || type.kind === 'map') type = type.elem;
      if (type.kind === 'struct') pending.push(type.ref);
    }
  }
  return found;
}
