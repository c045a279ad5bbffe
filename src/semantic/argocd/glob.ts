/**
 * Argo CD matches an ignore rule's `group` and `kind` with `glob.Match(pattern, text)`
 * (util/glob/glob.go), github.com/gobwas/glob compiled without separators:
 *
 * - `*` and `**` match any run of characters (there is no separator to stop at), `?` one character;
 * - `[abc]` one of the characters, `[a-z]` one in the range, `[!…]` one not in them (a class
 *   holds one range or one set, not both);
 * - `{a,b}` one of the alternatives, each itself a pattern; `,` and `}` are plain outside braces;
 * - `\` makes the next character plain; everything else matches itself, case-sensitively.
 *
 * The whole text must match: `""` matches only the core group `""`. A pattern gobwas cannot
 * compile (`e[[a*`, `[]`, `[z-a]`) matches nothing, as Argo CD logs and returns `false`.
 *
 * @example
 * ```ts
 * argoGlobMatch('*', 'apps'); // true
 * argoGlobMatch('*.k8s.io', 'admissionregistration.k8s.io'); // true
 * argoGlobMatch('', 'apps'); // false: no group means the core group
 * ```
 * @internal
 */
export function argoGlobMatch(pattern: string, text: string): boolean {
  let compiled = cache.get(pattern);
  if (compiled === undefined) {
    compiled = compileGlob(pattern);
    if (cache.size > 1000) cache.clear();
    cache.set(pattern, compiled);
  }
  return compiled !== null && compiled.test(text);
}

const cache = new Map<string, RegExp | null>();

/** The pattern as an anchored regular expression over code points, or `null` when gobwas refuses it. */
function compileGlob(pattern: string): RegExp | null {
  const chars = Array.from(pattern);
  let i = 0;
  let depth = 0;
  let out = '';
  const escape = (c: string) => c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
  while (i < chars.length) {
    const c = chars[i]!;
    if (c === '{') {
      depth++;
      out += '(?:';
      i++;
    } else if (c === ',' && depth > 0) {
      out += '|';
      i++;
    } else if (c === '}' && depth > 0) {
      depth--;
      out += ')';
      i++;
    } else if (c === '*') {
      out += '[\\s\\S]*';
      i += chars[i + 1] === '*' ? 2 : 1;
    } else if (c === '?') {
      out += '[\\s\\S]';
      i++;
    } else if (c === '[') {
      const parsed = parseClass(chars, i + 1);
      if (parsed === null) return null;
      out += parsed.source;
      i = parsed.next;
    } else {
      // A run of text up to the next special character; `\` escapes one character.
      const breakers = depth > 0 ? '?*[{},' : '?*[{';
      let text = '';
      while (i < chars.length && !breakers.includes(chars[i]!)) {
        if (chars[i] === '\\') {
          i++;
          if (i < chars.length) text += chars[i];
        } else text += chars[i];
        i++;
      }
      out += escape(text);
    }
  }
  // An unclosed `{` takes the rest of the pattern as its last alternative (gobwas parses it so).
  out += ')'.repeat(depth);
  return new RegExp(`^(?:${out})$`, 'u');
}

/** `[...]` after the `[` at `start`: one `Not`, then either `lo-hi` or a run of characters. */
function parseClass(chars: readonly string[], start: number): { source: string; next: number } | null {
  let i = start;
  let not = false;
  if (chars[i] === '!') {
    not = true;
    i++;
  }
  if (i >= chars.length) return null;
  if (chars[i + 1] === '-') {
    const lo = chars[i]!;
    const hi = chars[i + 2];
    if (hi === undefined || chars[i + 3] !== ']') return null;
    if (hi.codePointAt(0)! < lo.codePointAt(0)!) return null;
    const range = `${codePoint(lo)}-${codePoint(hi)}`;
    return { source: not ? `[^${range}]` : `[${range}]`, next: i + 4 };
  }
  let set = '';
  while (i < chars.length && chars[i] !== ']') {
    if (chars[i] === '\\') i++;
    if (i < chars.length) set += chars[i];
    i++;
  }
  if (i >= chars.length || set === '') return null;
  const members = Array.from(set, codePoint).join('');
  return { source: not ? `[^${members}]` : `[${members}]`, next: i + 1 };
}

function codePoint(c: string): string {
  return `\\u{${c.codePointAt(0)!.toString(16)}}`;
}
