import { InvalidDocumentError } from '../../errors/InvalidDocumentError.js';
import { isJsonObject } from '../../json/ownProperty.js';
import { escapePointerToken } from '../../json/pointer.js';
import { parsePathElement, serializePathElement } from './pathElementKey.js';
import { normalizeEntries, type SetEntry, type SetNode } from './setNode.js';

/**
 * Reads a `fieldsV1` object as structured-merge-diff's `Set.FromJSON` (`readIterV1`) does: each
 * key is a path element whose value is the subtree under it; `.` marks the node itself as a member
 * ("returns true if this subtree is also (or only) a member of parent"), and a node with no
 * children (`{}`) is a member. Keys out of order, or naming one element twice, are sorted and
 * merged, as Go's `Insert` does. A value that is not an object, or a key that is not a path
 * element, is an INVALID_DOCUMENT error whose `path` points at it. Linear in the size of the input
 * when its keys come in the server's order.
 *
 * @example
 * ```ts
 * decodeFieldsV1({ 'f:spec': { 'f:replicas': {} } }); // the set {.spec.replicas}
 * ```
 * @internal
 */
export function decodeFieldsV1(fieldsV1: unknown): SetNode {
  if (!isJsonObject(fieldsV1)) throw notAnObject('');
  return decodeNode(fieldsV1, '').children;
}

function decodeNode(object: Record<string, unknown>, pointer: string): { children: SetNode; member: boolean } {
  const entries: SetEntry[] = [];
  let dot = false;
  for (const key of Object.keys(object)) {
    const value = object[key];
    const at = `${pointer}/${escapePointerToken(key)}`;
    if (!isJsonObject(value)) throw notAnObject(at);
    if (key === '.') {
      dot = true;
      continue;
    }
    const element = parsePathElement(key, at);
    const child = decodeNode(value, at);
    entries.push({
      element,
      key: serializePathElement(element),
      member: child.member,
      children: child.children.length > 0 ? child.children : undefined,
    });
  }
  return { children: normalizeEntries(entries), member: dot || entries.length === 0 };
}

function notAnObject(pointer: string): InvalidDocumentError {
  return new InvalidDocumentError(`fieldsV1 must hold only objects: ${pointer === '' ? 'the root' : pointer} is not one`, {
    path: pointer,
    input: 'fieldsV1',
  });
}
