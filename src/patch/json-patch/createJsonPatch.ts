import { InvalidDocumentError } from '../../errors/InvalidDocumentError.js';
import { InvalidPatchError } from '../../errors/InvalidPatchError.js';
import { assertJsonValue } from '../../json/assertJsonValue.js';
import { releaseComparisonBuffers } from '../../json/jsonEqualChecking.js';
import type { JsonInput } from '../../json/JsonValue.js';
import { NOT_JSON } from '../../json/notJson.js';
import { beginOwnKeysByForIn, endOwnKeysByForIn } from '../../json/ownKeysByForIn.js';
import { checkSchema } from '../../schema/checkSchema.js';
import type { PatchSchema, SchemaField } from '../../schema/PatchSchema.js';
import type { JsonPatchOperation } from './JsonPatchOperation.js';
import type { JsonDiffContext } from './JsonDiffContext.js';
import { diffValues } from './diffValues.js';
import { releaseDiffBuffers } from './diffObjects.js';
import { PathStack } from './PathStack.js';

/**
 * Options of {@link createJsonPatch}.
 *
 * @example
 * ```ts
 * createJsonPatch({ env: [{ name: 'A' }, { name: 'B' }] }, { env: [{ name: 'B' }] }, { guard: true });
 * // [ { op: 'test', path: '/env/0', value: { name: 'A' } }, { op: 'remove', path: '/env/0' } ]
 * ```
 * @public
 */
export interface CreateJsonPatchOptions {
  /**
   * Put a `test` of the original element before every operation that removes, replaces or changes
   * an array element, so that a patch computed from a stale read fails (with
   * {@link PatchTestFailedError}) instead of removing or changing whichever element has moved into
   * that index since.
   *
   * Default: `false`.
   */
  readonly guard?: boolean;
  /**
   * Whose `test` the guards (of `guard` and of keyed lists) are written for.
   *
   * - `'rfc6902'`: one `test` of the whole original element (or key).
   * - `'kubernetes'`: `test`s the API server can pass. It compares strings as JSON text and writes
   *   the stored object's `<`, `>` and `&` escaped, so a `test` of an equal string holding one of
   *   them fails there (422), and it crashes on a `test` comparing an array that holds `null`. An
   *   element holding either is tested part by part instead (members, elements), and strings
   *   holding those characters are left untested: the guard then checks the rest of the element.
   *
   * Default: `'rfc6902'`.
   */
  readonly semantics?: 'rfc6902' | 'kubernetes';
  /**
   * The schema of the documents ({@link schemaFor}, {@link schemaFromCRD}, …). Lists with keys
   * (a merge key such as `name`, or server-side-apply list-map keys such as `containerPort` and
   * `protocol`) are then diffed by key: removed, moved, added and changed elements are addressed
   * by their index at that moment, and each operation on an existing element is preceded by a
   * `test` of its key, so the patch fails instead of touching another element when the list has
   * changed since it was read. This is how to patch keyed lists of custom resources safely, since
   * the API server accepts no strategic merge patch for them.
   *
   * Default: none (lists are diffed by content and position).
   */
  readonly schema?: PatchSchema;
}

/**
 * Computes a JSON Patch (RFC 6902) that turns `from` into `to`:
 * `applyJsonPatch(from, createJsonPatch(from, to))` equals `to`.
 *
 * - objects are compared member by member: removed members give `remove`, new ones `add`, and
 *   changed ones are compared recursively down to the changed scalar (`replace`);
 * - arrays are matched element by element in near-linear time (patience diff: common ends,
 *   unique elements as anchors, exact matching of small gaps), so an element inserted or removed
 *   in the middle gives one `add` or `remove` instead of rewriting every index after it; a changed
 *   element that keeps some member (such as its `name`) is patched inside, others are replaced;
 * - with a `schema`, keyed lists (containers by `name`, ports by `containerPort` and `protocol`)
 *   are matched by key instead, with as few `move`s as possible (the longest run of elements
 *   already in order stays put), and each operation on an existing element is guarded by a `test`
 *   of its key (see {@link CreateJsonPatchOptions.schema});
 * - operations on one array follow the order of the target array, each index counted on the
 *   array as the operations before it left it.
 *
 * @example
 * ```ts
 * createJsonPatch(
 *   { env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }, { name: 'C', value: '3' }] },
 *   { env: [{ name: 'A', value: '1' }, { name: 'C', value: '4' }] },
 * );
 * // [ { op: 'remove', path: '/env/1' }, { op: 'replace', path: '/env/1/value', value: '4' } ]
 *
 * createJsonPatch(
 *   { spec: { containers: [{ name: 'app', image: 'app:1' }, { name: 'proxy', image: 'envoy:1' }] } },
 *   { spec: { containers: [{ name: 'proxy', image: 'envoy:2' }] } },
 *   { schema: schemaFor('v1', 'Pod') },
 * );
 * // [ { op: 'test', path: '/spec/containers/0/name', value: 'app' },
 * //   { op: 'remove', path: '/spec/containers/0' },
 * //   { op: 'test', path: '/spec/containers/0/name', value: 'proxy' },
 * //   { op: 'replace', path: '/spec/containers/0/image', value: 'envoy:2' } ]
 * ```
 * @throws {@link InvalidDocumentError} when an argument is not a JSON value.
 * @public
 */
export function createJsonPatch(from: JsonInput, to: JsonInput, options: CreateJsonPatchOptions = {}): JsonPatchOperation[] {
  const outer = beginOwnKeysByForIn();
  try {
    return diffDocuments(from, to, options);
  } catch (error) {
    releaseDiffBuffers();
    releaseComparisonBuffers();
    // The walk checks the documents as it goes and gives up at the first value that is not JSON,
    // without saying where; the full check names it. It also comes first for any other error, as
    // it did when the documents were checked before anything else.
    assertJsonValue(from, 'from');
    assertJsonValue(to, 'to');
    if (error === NOT_JSON) {
      // Only values JSON.stringify does not see (a property that is not enumerable, a getter that
      // answers differently on each read) can fail the walk and pass the full check.
      throw new InvalidDocumentError('from or to: a value is not JSON (a non-enumerable property, or a getter that changes its answer)', { path: '' });
    }
    throw error;
  } finally {
    endOwnKeysByForIn(outer);
  }
}

function diffDocuments(from: unknown, to: unknown, options: CreateJsonPatchOptions): JsonPatchOperation[] {
  if (options.semantics !== undefined && options.semantics !== 'rfc6902' && options.semantics !== 'kubernetes') {
    throw new InvalidPatchError(`options.semantics must be 'rfc6902' or 'kubernetes', not ${JSON.stringify(options.semantics)}`, { input: 'options', path: '' });
  }
  const context = new DiffContext(options.guard === true, options.semantics === 'kubernetes' ? 'kubernetes' : 'rfc6902');
  const root = options.schema === undefined ? undefined : { schema: checkSchema(options.schema, 'options.schema'), meta: { patchStrategies: [] } };
  diffValues(from, to, root, 1, context);
  return context.operations;
}

/** A class rather than an object literal, so that no closure is made per call. */
class DiffContext implements JsonDiffContext {
  readonly operations: JsonPatchOperation[] = [];
  readonly path = new PathStack();

  constructor(
    readonly guard: boolean,
    readonly semantics: 'rfc6902' | 'kubernetes',
  ) {}

  diffValues(from: unknown, to: unknown, field: SchemaField | undefined, depth: number): void {
    diffValues(from, to, field, depth, this);
  }
}
