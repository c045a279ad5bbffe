import { InvalidPatchError } from '../errors/InvalidPatchError.js';

/**
 * Escapes one reference token for use in a JSON Pointer (RFC 6901 §3):
 *
 * > Because the characters '~' (%x7E) and '/' (%x2F) have special meanings in JSON Pointer,
 * > '~' needs to be encoded as '~0' and '/' needs to be encoded as '~1' when these characters
 * > appear in a reference token.
 *
 * @example
 * ```ts
 * escapePointerToken('app.kubernetes.io/name'); // 'app.kubernetes.io~1name'
 * ```
 * @public
 */
export function escapePointerToken(token: string): string {
  // Almost every token needs no escaping, which the native searches tell quickest.
  if (!token.includes('~') && !token.includes('/')) return token;
  let escaped = '';
  let copied = 0;
  for (let i = 0; i < token.length; i++) {
    const code = token.charCodeAt(i);
    if (code === 0x7e || code === 0x2f) {
      escaped += token.slice(copied, i) + (code === 0x7e ? '~0' : '~1');
      copied = i + 1;
    }
  }
  return escaped + token.slice(copied);
}

/**
 * Unescapes one reference token of a JSON Pointer (RFC 6901 §4):
 *
 * > ... first transforming any occurrence of the sequence '~1' to '/', and then transforming any
 * > occurrence of the sequence '~0' to '~'. By performing the substitutions in this order, an
 * > implementation avoids the error of turning '~01' first into '~1' and then into '/'.
 *
 * @example
 * ```ts
 * unescapePointerToken('app.kubernetes.io~1name'); // 'app.kubernetes.io/name'
 * ```
 * @public
 */
export function unescapePointerToken(token: string): string {
  if (!token.includes('~')) return token;
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * Builds a JSON Pointer from unescaped reference tokens; `[]` gives `""`, the whole document.
 *
 * @example
 * ```ts
 * formatJsonPointer(['metadata', 'annotations', 'rollout.argoproj.io/revision']);
 * // '/metadata/annotations/rollout.argoproj.io~1revision'
 * ```
 * @public
 */
export function formatJsonPointer(tokens: readonly string[]): string {
  let pointer = '';
  for (const token of tokens) pointer += '/' + escapePointerToken(token);
  return pointer;
}

/**
 * Splits a JSON Pointer into unescaped reference tokens. Throws `InvalidPatchError`
 * (`INVALID_PATCH`) when the pointer is not `""` and does not start with `/`, or when a `~` is
 * not followed by `0` or `1` (RFC 6901 §3: `escaped = "~" ( "0" / "1" )`).
 *
 * @example
 * ```ts
 * parseJsonPointer('/spec/template/spec/containers/0'); // ['spec', 'template', 'spec', 'containers', '0']
 * parseJsonPointer(''); // []
 * ```
 * @public
 */
export function parseJsonPointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (typeof pointer !== 'string' || pointer[0] !== '/') {
    throw new InvalidPatchError(`${JSON.stringify(pointer)} is not a JSON Pointer: it must be "" or start with "/"`, {
      path: String(pointer),
    });
  }
  if (/~(?![01])/.test(pointer)) {
    throw new InvalidPatchError(`${JSON.stringify(pointer)} is not a JSON Pointer: "~" must be followed by 0 or 1`, {
      path: pointer,
    });
  }
  return pointer.slice(1).split('/').map(unescapePointerToken);
}
