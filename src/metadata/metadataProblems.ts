import { InvalidDocumentError } from '../errors/InvalidDocumentError.js';
import { InvalidMetadataError, type MetadataProblem } from '../errors/InvalidMetadataError.js';
import { KubepatchError } from '../errors/KubepatchError.js';
import { assertJsonValue } from '../json/assertJsonValue.js';
import type { JsonInput, JsonObject, JsonValue } from '../json/JsonValue.js';
import { isJsonObject } from '../json/ownProperty.js';
import { formatJsonPointer, parseJsonPointer } from '../json/pointer.js';
import { aggregateMessage, fieldPathOf, formatFieldError, type FieldError } from './fieldErrors.js';
import { goMarshal } from './goFormat.js';

/**
 * Options of {@link validateLabels}, {@link validateAnnotations}, {@link validateSelector} and
 * their `find…Problems` variants.
 *
 * @example
 * ```ts
 * const options: MetadataValidationOptions = { path: '/spec/template/metadata/labels' };
 * ```
 * @public
 */
export interface MetadataValidationOptions {
  /**
   * The JSON Pointer of the map (or selector) inside its object. Problems' paths start with it,
   * and messages name the field after it as the API server does (`spec.template.metadata.labels`).
   * Default: `/metadata/labels`, `/metadata/annotations` or `/spec/selector`.
   */
  readonly path?: string;
}

/** Collects problems and the API server's line for each. @internal */
export class ProblemList {
  readonly problems: MetadataProblem[] = [];
  readonly lines: string[] = [];

  constructor(readonly base: readonly string[]) {}

  /** The field name the API server gives `tokens` under the base path. */
  field(tokens: readonly string[] = []): string {
    return fieldPathOf([...this.base, ...tokens]);
  }

  /** Records `error` as a problem with `key` at `tokens` (below the base path). */
  add(tokens: readonly string[], key: string, error: FieldError): void {
    this.problems.push({ path: formatJsonPointer([...this.base, ...tokens]), key, message: error.detail });
    this.lines.push(formatFieldError(error));
  }

  /**
   * A member that is not a string where Go expects one. The API server fails earlier, decoding the
   * request ("json: cannot unmarshal number into Go struct field … of type string"); kubepatch
   * reports it as a field problem in its own words.
   */
  notAString(tokens: readonly string[], key: string, field: string, value: JsonValue): void {
    this.add(tokens, key, { type: 'Invalid value', field, value: goMarshal(value), detail: 'must be a string' });
  }

  /** Throws {@link InvalidMetadataError} listing every problem, when there is one. */
  throwIfAny(what: string): void {
    if (this.problems.length === 0) return;
    throw new InvalidMetadataError(`invalid ${what}: ${aggregateMessage(this.lines)}`, { problems: [...this.problems] });
  }
}

/**
 * Checks `value` (a map of strings, or a selector) for a public entry point: `undefined` and
 * `null` are Go's nil (no problems), anything else must be a JSON object.
 * @internal
 */
export function readMetadataInput(value: JsonInput | null | undefined, input: string): JsonObject | undefined {
  if (value === undefined || value === null) return undefined;
  assertJsonValue(value, input);
  if (!isJsonObject(value)) {
    throw new InvalidDocumentError(`${input}: must be an object, not ${Array.isArray(value) ? 'an array' : typeof value}`, { path: '', input });
  }
  return value;
}

/** The tokens of `options.path`, or of `fallback`. @internal */
export function basePath(options: MetadataValidationOptions, fallback: string): string[] {
  const path = options.path ?? fallback;
  try {
    return parseJsonPointer(path);
  } catch (error) {
    if (!(error instanceof KubepatchError)) throw error;
    throw new InvalidDocumentError(`options.path: ${error.message}`, { input: 'options' });
  }
}
