/** A field one document has and another lacks: its JSON Pointer and its value. */
export interface AddedField {
  readonly pointer: string;
  readonly value: unknown;
}

const escapeToken = (token: string) => token.replace(/~/g, '~0').replace(/\//g, '~1');
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The fields `after` has and `before` lacks (absent or `null`), each at its highest point: a
 * whole object the server added is one field (`securityContext: {}`), not its members. Lists are
 * matched by position (the server keeps the order of what it was sent), and elements past the end
 * of `before`'s list are added whole. A value that differs is not "added" (the defaults check compares the
 * values of added fields, not changed ones).
 */
export function addedFields(before: unknown, after: unknown, pointer = ''): AddedField[] {
  if (isObject(before) && isObject(after)) {
    return Object.keys(after).flatMap((key) => {
      const at = `${pointer}/${escapeToken(key)}`;
      if (before[key] === undefined || before[key] === null) return after[key] === null ? [] : [{ pointer: at, value: after[key] }];
      return addedFields(before[key], after[key], at);
    });
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    return after.flatMap((item, i) => (i < before.length ? addedFields(before[i], item, `${pointer}/${i}`) : [{ pointer: `${pointer}/${i}`, value: item }]));
  }
  return [];
}
