import type { ServerDefault } from './ServerDefault.js';

/**
 * What a row of {@link SERVER_DEFAULTS} reads besides the object it fills, so that the walk can
 * tell, without filling anything, that two equal objects get the same defaults. Most rows read
 * nothing else: a constant, a function of the object alone (one parameter), or a function that
 * also looks at the types of the structs above it (`onlyIn`), which are the same on both sides of
 * a comparison. A row that reads the values of the structs above it (the host network of the pod
 * spec a port is in) declares which ones with {@link readsAncestors}; the walk then compares those
 * values on both sides. Any other function of the context is taken as reading anything.
 * @internal
 */
export interface AncestorRead {
  /** Which struct above: 1 is the struct holding the object, 2 the one above that, and so on. */
  readonly up: number;
  /** The fields of that struct the row reads. */
  readonly fields: readonly string[];
}

/** What one row reads beyond its object: nothing, declared ancestor values, or anything. @internal */
export type RowReads = 'own' | readonly AncestorRead[] | 'anything';

type RowFunction = (...args: never[]) => unknown;

const declared = new WeakMap<RowFunction, readonly AncestorRead[]>();
const typesOnly = new WeakMap<RowFunction, ServerDefault['value']>();

/** Declares the ancestor values `fn` reads (and returns it), for a row whose default depends on them. @internal */
export function readsAncestors<F extends RowFunction>(fn: F, reads: readonly AncestorRead[]): F {
  declared.set(fn, reads);
  return fn;
}

/** Declares that `fn` reads the types of the structs above (not their values) before giving `inner`'s default. @internal */
export function readsAncestorTypes<F extends RowFunction>(fn: F, inner: ServerDefault['value']): F {
  typesOnly.set(fn, inner);
  return fn;
}

/** What `value`, a row's default, reads beyond the object it fills. @internal */
export function rowReads(value: ServerDefault['value']): RowReads {
  if (typeof value !== 'function') return 'own';
  const reads = declared.get(value);
  if (reads !== undefined) return reads;
  if (typesOnly.has(value)) return rowReads(typesOnly.get(value)!);
  // One parameter: the function cannot see the context (the table's functions use no `arguments`).
  return value.length <= 1 ? 'own' : 'anything';
}

/** What the rows of one struct read, together: `'own'` when none reads more than its object. @internal */
export function rowsRead(rows: readonly ServerDefault[]): RowReads {
  const reads: AncestorRead[] = [];
  for (const row of rows) {
    const read = rowReads(row.value);
    if (read === 'anything') return 'anything';
    if (read !== 'own') reads.push(...read);
  }
  return reads.length === 0 ? 'own' : reads;
}
