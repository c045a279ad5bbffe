// The vocabulary of the sequences' edits: small random changes of an apply configuration (a partial
// object a manager owns) or of the live object (a whole object an updater sends back). The same
// edits serve both, so updaters touch the fields appliers own and conflicts come naturally.
//
// Every edit keeps the merged object valid: values come from small fixed sets, an item's required
// field is written with the item (a container's image, a Service port's name), and items that two
// managers may both write have the same value for the fields validation ties together (a volume's
// source follows from its name), so the server never has to refuse a step.
import type { Obj } from '../../helpers/patchPodTemplate.js';
import type { Random } from '../../helpers/seededRandom.js';

export interface EditContext {
  readonly random: Random;
  /** Keep the skeleton (selector, the `app` container, …): the creator's config, or a live object. */
  readonly keepSkeleton: boolean;
  /** Whether the object edited is the live object (every field there), not a configuration. */
  readonly isLive: boolean;
  /** The live object, to reuse its values (a container's image), or null before creation. */
  readonly live: Obj | null;
  /**
   * Whether dropping the list item at `itemPath` (server form, `.spec.ports[port=80,protocol="TCP"]`)
   * from this manager's config leaves its `required` field to every other owner of the item.
   */
  mayDrop(itemPath: string, required: string): boolean;
}

/** One edit, in place: a short description, or undefined when it does not apply to this object. */
export type Edit = (object: Obj, context: EditContext) => string | undefined;

/** The object at `path` under `root`, created (as `{}`) where missing. */
export function at(root: Obj, ...path: string[]): Obj {
  let node = root;
  for (const key of path) {
    if (node[key] === undefined || node[key] === null || typeof node[key] !== 'object') node[key] = {};
    node = node[key];
  }
  return node;
}

/** The object at `path`, or undefined (nothing created). */
export function peek(root: Obj | null | undefined, ...path: string[]): Obj | undefined {
  let node: unknown = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Obj)[key];
  }
  return node === null || typeof node !== 'object' ? undefined : (node as Obj);
}

/** Drops the empty maps and lists along `path` (a config says only what it owns). */
export function prune(root: Obj, ...path: string[]): void {
  const chain: Obj[] = [root];
  for (const key of path) {
    const next = chain[chain.length - 1]![key];
    if (next === null || typeof next !== 'object') break;
    chain.push(next as Obj);
  }
  for (let i = chain.length - 1; i > 0; i--) {
    const value = chain[i]!;
    if ((Array.isArray(value) ? value.length : Object.keys(value).length) > 0) return;
    delete chain[i - 1]![path[i - 1]!];
  }
}

/** Sets or removes a key of the map at `path` (keys and values from the given sets). */
export function mapEntry(path: string[], keys: readonly string[], values: readonly string[]): Edit {
  return (object, { random }) => {
    const map = at(object, ...path);
    const key = random.pick(keys);
    if (key in map && random.chance(0.4)) {
      delete map[key];
      prune(object, ...path);
      return `remove ${path.join('.')}.${key}`;
    }
    const value = random.pick(values.filter((v) => v !== map[key]));
    map[key] = value;
    return `set ${path.join('.')}.${key}=${JSON.stringify(value)}`;
  };
}

/** Sets (to a value other than the current) or removes a scalar field at `path`. */
export function scalar(path: string[], values: readonly unknown[], removable = true): Edit {
  return (object, { random }) => {
    const parent = at(object, ...path.slice(0, -1));
    const field = path[path.length - 1]!;
    if (removable && field in parent && random.chance(0.35)) {
      delete parent[field];
      prune(object, ...path.slice(0, -1));
      return `remove ${path.join('.')}`;
    }
    const choices = values.filter((v) => JSON.stringify(v) !== JSON.stringify(parent[field]));
    if (choices.length === 0) return undefined;
    parent[field] = structuredClone(random.pick(choices));
    return `set ${path.join('.')}=${JSON.stringify(parent[field])}`;
  };
}

/** Adds or removes an element of the set-type list at `path`. */
export function setElement(path: string[], values: readonly string[]): Edit {
  return (object, { random }) => {
    const parent = at(object, ...path.slice(0, -1));
    const field = path[path.length - 1]!;
    const list: string[] = Array.isArray(parent[field]) ? parent[field] : [];
    const value = random.pick(values);
    if (list.includes(value)) list.splice(list.indexOf(value), 1);
    else list.splice(random.int(list.length + 1), 0, value);
    parent[field] = list;
    prune(object, ...path);
    return `${list.includes(value) ? 'add' : 'remove'} ${path.join('.')} ${value}`;
  };
}

const LABEL_KEYS = ['team', 'tier', 'example.com/owner', 'track'];
const LABEL_VALUES = ['web', 'front', 'shop', 'v2'];
const ANNOTATION_KEYS = ['note', 'example.com/rev', 'example.com/json'];
const ANNOTATION_VALUES = ['1', 'hello world', '<b>&amp;', '{"a":[1,2]}'];
const FINALIZERS = ['example.com/cleanup', 'example.com/backup', 'example.com/audit'];

/** Edits every kind takes: labels, annotations, finalizers (a set). */
export const METADATA_EDITS: readonly Edit[] = [
  mapEntry(['metadata', 'labels'], LABEL_KEYS, LABEL_VALUES),
  mapEntry(['metadata', 'labels'], LABEL_KEYS, LABEL_VALUES),
  mapEntry(['metadata', 'annotations'], ANNOTATION_KEYS, ANNOTATION_VALUES),
  setElement(['metadata', 'finalizers'], FINALIZERS),
];

/** Applies one to `count` edits picked from `edits` (weighted by repetition); their descriptions. */
export function applyEdits(object: Obj, edits: readonly Edit[], context: EditContext, count: number): string[] {
  const done: string[] = [];
  for (let tries = 0; done.length < count && tries < count * 8; tries++) {
    // On a copy, kept only when the edit applies: one that gives up leaves no empty maps behind.
    const copy = structuredClone(object);
    const described = context.random.pick(edits)(copy, context);
    if (described === undefined) continue;
    for (const key of Object.keys(object)) delete object[key];
    Object.assign(object, copy);
    done.push(described);
  }
  return done;
}

/** One edit that takes something out of the object (a removal, when the object is a config), if one is found. */
export function applyRemoval(object: Obj, edits: readonly Edit[], context: EditContext): string | undefined {
  for (let tries = 0; tries < 24; tries++) {
    const copy = structuredClone(object);
    const described = context.random.pick(edits)(copy, context);
    if (described === undefined || !/\b(remove|drop)\b/.test(described)) continue;
    for (const key of Object.keys(object)) delete object[key];
    Object.assign(object, copy);
    return described;
  }
  return undefined;
}
