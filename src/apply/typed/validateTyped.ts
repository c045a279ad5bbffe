import { InvalidDocumentError } from '../../errors/InvalidDocumentError.js';
import type { JsonValue } from '../../json/JsonValue.js';
import { jsonKeys } from '../../json/ownProperty.js';
import { formatJsonPointer } from '../../json/pointer.js';
import { serializePathElement } from '../fieldsV1/pathElementKey.js';
import { formatPathElement } from '../fieldsV1/formatFieldPath.js';
import type { ApplySchema } from '../schema/ApplySchema.js';
import { atomOf } from './atomOf.js';
import { listElementPath } from './listElementPath.js';

/** How {@link validateTyped} reads a value. @internal */
export interface ValidateTypedOptions {
  /** The argument, for the error (`config`, `live`). */
  readonly input: string;
  /** The live object may hold elements that share a key (`typed.AllowDuplicates`); an applied configuration may not. */
  readonly allowDuplicates: boolean;
}

/**
 * Checks a value against its apply schema as structured-merge-diff's `AsTyped` does before any
 * apply: scalars of the declared kind (`null` is always allowed), lists and maps where the schema
 * has them, no field a struct does not declare ("field not declared in schema"), associative-list
 * elements that can be named, and no two with one key ("duplicate entries for key
 * [name=\"app\"]") unless allowed. The first problem throws `InvalidDocumentError` with its JSON
 * Pointer and Go's words.
 * @internal
 */
export function validateTyped(value: JsonValue, schema: ApplySchema, options: ValidateTypedOptions): void {
  walk(value, schema, [], options);
}

function walk(value: JsonValue, schema: ApplySchema, tokens: string[], options: ValidateTypedOptions): void {
  const fail = (problem: string): never => {
    throw new InvalidDocumentError(`${formatJsonPointer(tokens) || '/'}: ${problem}`, { path: formatJsonPointer(tokens), input: options.input });
  };
  if (value === null) return;
  const atom = atomOf(schema, value);
  if (atom === 'scalar') {
    const scalar = schema.type.kind === 'scalar' ? schema.type.scalar : 'untyped';
    const kind = typeof value;
    if (scalar === 'numeric' && kind !== 'number') fail(`expected numeric (int or float), got ${describe(value)}`);
    if (scalar === 'string' && kind !== 'string') fail(`expected string, got ${describe(value)}`);
    if (scalar === 'boolean' && kind !== 'boolean') fail(`expected boolean, got ${describe(value)}`);
    if (scalar === 'untyped' && kind === 'object') fail(`expected any scalar, got ${describe(value)}`);
    return;
  }
  if (atom === 'list') {
    if (!Array.isArray(value)) return fail(`expected list, got ${describe(value)}`);
    const items = schema.items()!;
    const associative = schema.listType === 'map' || schema.listType === 'set';
    const seen = new Set<string>();
    value.forEach((item, i) => {
      const at = [...tokens, String(i)];
      if (associative) {
        const element = listElementPath(schema, item, formatJsonPointer(at), options.input);
        const key = serializePathElement(element);
        if (seen.has(key) && !options.allowDuplicates) fail(`duplicate entries for key ${formatPathElement(element)}`);
        seen.add(key);
      }
      walk(item, items, at, options);
    });
    return;
  }
  if (typeof value !== 'object' || Array.isArray(value)) return fail(`expected map, got ${describe(value)}`);
  for (const key of jsonKeys(value)) {
    const child = schema.field(key);
    if (child === undefined) {
      const at = formatJsonPointer([...tokens, key]);
      throw new InvalidDocumentError(`${at}: field not declared in schema`, { path: at, input: options.input });
    }
    walk(value[key]!, child, [...tokens, key], options);
  }
}

function describe(value: JsonValue): string {
  if (Array.isArray(value)) return 'list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'map' : `${typeof value} ${JSON.stringify(value)}`;
}
