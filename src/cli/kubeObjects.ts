import type { JsonObject, JsonValue } from '../json/JsonValue.js';
import type { CliIo } from './Command.js';
import { CliError } from './CliError.js';
import { describeSource, readDocuments, type SourceDocument } from './readDocuments.js';

/**
 * A Kubernetes object read from an input, with its identity.
 *
 * @example
 * ```ts
 * const [rollout] = await readObjects('rollout.yaml', io);
 * rollout.label; // 'Rollout shop/storefront'
 * ```
 */
export interface KubeObject {
  /** Where it came from. */
  readonly source: string;
  /** Its document in the file, from 0. */
  readonly index: number;
  /** The object. */
  readonly object: JsonObject;
  /** `apiVersion`, `kind`, `namespace` and `name` (or `generateName`): what objects are matched by. */
  readonly key: string;
  /** `Kind namespace/name` (or `Kind name`; `Kind namespace/prefix* (generateName)`), for people. */
  readonly label: string;
  /** The object has no `metadata.name`, only a `metadata.generateName`, and is matched by it. */
  readonly byGenerateName: boolean;
}

/**
 * Reads the Kubernetes objects of an input (see {@link readDocuments}); a `kind: List` (what
 * `kubectl get -o yaml` prints) gives its items. Every document must be an object with a string
 * `apiVersion`, `kind` and `metadata.name` (or, for an object the API server will name,
 * `metadata.generateName`), or {@link CliError} names the one that is not.
 */
export async function readObjects(arg: string, io: CliIo): Promise<KubeObject[]> {
  const objects: KubeObject[] = [];
  for (const doc of await readDocuments(arg, io)) {
    const value = doc.value;
    if (isObject(value) && value.kind === 'List' && Array.isArray(value.items)) {
      value.items.forEach((item, i) => objects.push(toKubeObject(doc, item, `.items[${i}]`)));
    } else {
      objects.push(toKubeObject(doc, value, ''));
    }
  }
  return objects;
}

function toKubeObject(doc: SourceDocument, value: JsonValue, where: string): KubeObject {
  const at = `${describeSource(doc)}${where === '' ? '' : ` ${where}`}`;
  if (!isObject(value)) throw new CliError(`${at}: not a Kubernetes object (a ${Array.isArray(value) ? 'list' : typeof value})`);
  const metadata = isObject(value.metadata) ? value.metadata : {};
  const namespace = typeof metadata.namespace === 'string' ? metadata.namespace : '';
  for (const [field, v] of [['apiVersion', value.apiVersion], ['kind', value.kind]] as const) {
    if (typeof v !== 'string' || v === '') throw new CliError(`${at}: ${field} is missing, so the object cannot be matched`);
  }
  // The API server ignores generateName when name is set, and so does matching.
  const name = nonEmpty(metadata.name);
  const generateName = name === undefined ? nonEmpty(metadata.generateName) : undefined;
  if (name === undefined && generateName === undefined) {
    throw new CliError(`${at}: metadata.name is missing (and there is no metadata.generateName), so the object cannot be matched`);
  }
  const kind = value.kind as string;
  const shown = name ?? `${generateName as string}* (generateName)`;
  return {
    source: doc.source,
    index: doc.index,
    object: value,
    key: JSON.stringify([value.apiVersion, kind, namespace, name === undefined ? 'generateName' : 'name', name ?? generateName]),
    label: `${kind} ${namespace === '' ? '' : `${namespace}/`}${shown}`,
    byGenerateName: name === undefined,
  };
}

function nonEmpty(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * The objects of two inputs matched by `apiVersion`, `kind`, `metadata.namespace` and
 * `metadata.name`, in the order of the new input, then those only in the old one. Objects with
 * no name but a `metadata.generateName` match an object of the other input with the same
 * `generateName` and no name (never a named object: which name the server generated is unknown).
 */
export interface ObjectPairs {
  /** Objects in both inputs. */
  readonly pairs: readonly { readonly old: KubeObject; readonly new: KubeObject }[];
  /** Objects only in the old input (deleted). */
  readonly onlyOld: readonly KubeObject[];
  /** Objects only in the new input (created). */
  readonly onlyNew: readonly KubeObject[];
}

/**
 * Matches the objects of two inputs. Throws {@link CliError} when an input holds one object
 * twice, and when both inputs hold objects but none match (two unrelated files), naming both.
 * With `strict`, every object must have a partner.
 */
export function pairObjects(oldObjects: readonly KubeObject[], newObjects: readonly KubeObject[], strict: boolean): ObjectPairs {
  const oldByKey = byKey(oldObjects);
  const newByKey = byKey(newObjects);
  const pairs = newObjects.flatMap((n) => {
    const o = oldByKey.get(n.key);
    return o === undefined ? [] : [{ old: o, new: n }];
  });
  const onlyOld = oldObjects.filter((o) => !newByKey.has(o.key));
  const onlyNew = newObjects.filter((n) => !oldByKey.has(n.key));
  const unmatched = onlyNew[0] ?? onlyOld[0];
  if (unmatched !== undefined && (strict || (pairs.length === 0 && onlyOld.length > 0 && onlyNew.length > 0))) {
    const other = unmatched === onlyNew[0] ? onlyOld[0] : onlyNew[0];
    const side = unmatched === onlyNew[0] ? 'the old input' : 'the new input';
    const hint = other === undefined ? '' : `; ${describeSource(other)} holds ${other.label} (${apiVersion(other)})`;
    const generated = unmatched.byGenerateName || other?.byGenerateName === true ? `; ${GENERATE_NAME_RULE}` : '';
    throw new CliError(
      `${describeSource(unmatched)}: ${unmatched.label} (${apiVersion(unmatched)}) matches no object of ${side} by apiVersion, kind, namespace and name${hint}${generated}`,
    );
  }
  return { pairs, onlyOld, onlyNew };
}

const GENERATE_NAME_RULE = 'an object named by generateName matches only an object with the same generateName and no name';

function apiVersion(object: KubeObject): string {
  return object.object.apiVersion as string;
}

function byKey(objects: readonly KubeObject[]): Map<string, KubeObject> {
  const map = new Map<string, KubeObject>();
  for (const object of objects) {
    const seen = map.get(object.key);
    if (seen !== undefined) {
      const generated = object.byGenerateName ? `; ${GENERATE_NAME_RULE}, so an input can hold one object per prefix` : '';
      throw new CliError(`${describeSource(object)}: ${object.label} appears twice (also ${describeSource(seen)})${generated}`);
    }
    map.set(object.key, object);
  }
  return map;
}

/** A JSON object (not an array, not null). */
export function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
