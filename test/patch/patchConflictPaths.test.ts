// The form of PatchConflictError.conflicts, as docs/strategic-merge-patch.md ("`overwrite` and
// conflicts") describes it: `/`-separated paths with JSON Pointer escaping, that name an element
// of a merge list by the `%s` text of its merge key and an element of any other list by its index
// in the list being compared (for scalars, after Go sorts and de-duplicates them). They locate the
// conflict, but they are not JSON Pointers that resolve in any of the three documents.
import { createThreeWayStrategicMergePatch, PatchConflictError, schemaFor, type JsonValue } from 'kubepatch';
import { describe, expect, it } from 'vitest';

const deployment = schemaFor('apps/v1', 'Deployment')!;

function conflictsOf(original: JsonValue, modified: JsonValue, current: JsonValue): readonly string[] {
  try {
    createThreeWayStrategicMergePatch(original, modified, current, deployment, { overwrite: false });
  } catch (error) {
    if (error instanceof PatchConflictError) {
      expect(error.path).toBe(error.conflicts[0]);
      return error.conflicts;
    }
    throw error;
  }
  throw new Error('no conflict');
}

const app = (container: { [key: string]: JsonValue }): JsonValue => ({ spec: { template: { spec: { containers: [{ name: 'app', ...container }] } } } });

/** Resolves `path` as an RFC 6901 JSON Pointer: undefined where a token does not exist. */
function resolvePointer(document: JsonValue, path: string): JsonValue | undefined {
  let value: JsonValue | undefined = document;
  for (const raw of path.split('/').slice(1)) {
    const token = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (Array.isArray(value)) value = /^(0|[1-9][0-9]*)$/.test(token) ? value[Number(token)] : undefined;
    else if (value !== null && typeof value === 'object') value = Object.hasOwn(value, token) ? value[token] : undefined;
    else return undefined;
  }
  return value;
}

describe('PatchConflictError.conflicts: paths, not resolvable JSON Pointers', () => {
  it('map keys are escaped as in a JSON Pointer (~1 for /, ~0 for ~)', () => {
    const labels = (value: string): JsonValue => ({ metadata: { labels: { 'a/b': value, 'c~d': value } } });
    expect(conflictsOf(labels('1'), labels('2'), labels('3'))).toEqual(['/metadata/labels/a~1b', '/metadata/labels/c~0d']);
  });

  it('an element of a merge list is named by its string merge key, which no JSON Pointer resolves', () => {
    const conflicts = conflictsOf(app({ image: 'app:1' }), app({ image: 'app:2' }), app({ image: 'app:3' }));
    expect(conflicts).toEqual(['/spec/template/spec/containers/app/image']);
    expect(resolvePointer(app({ image: 'app:2' }), conflicts[0]!)).toBeUndefined();
    expect(resolvePointer(app({ image: 'app:2' }), '/spec/template/spec/containers/0/image')).toBe('app:2');
  });

  it('a merge key that is not a string is printed as Go’s fmt %s prints it: %!s(int64=8080)', () => {
    const ports = (name: string): JsonValue => app({ ports: [{ containerPort: 8080, name }] });
    expect(conflictsOf(ports('a'), ports('b'), ports('c'))).toEqual(['/spec/template/spec/containers/app/ports/%!s(int64=8080)/name']);
  });

  it('an element of a list of maps without a merge strategy is named by its index in the patch', () => {
    const tolerations = (second: string): JsonValue => ({ spec: { template: { spec: { tolerations: [{ key: 'a' }, { key: second }] } } } });
    expect(conflictsOf(tolerations('b'), tolerations('c'), tolerations('d'))).toEqual(['/spec/template/spec/tolerations/1/key']);
  });

  it('an element of a list of scalars is named by its index once Go has sorted and de-duplicated both sides', () => {
    // patch args ['z', 'y'] sorted: ['y', 'z']; the live change ['y', 'w'] sorted: ['w', 'y']
    const conflicts = conflictsOf(app({ args: ['x', 'y'] }), app({ args: ['z', 'y'] }), app({ args: ['y', 'w'] }));
    expect(conflicts).toEqual(['/spec/template/spec/containers/app/args/0', '/spec/template/spec/containers/app/args/1']);
  });

  it('lists of different lengths conflict as a whole, at the list’s path', () => {
    const args = (list: string[]): JsonValue => app({ args: list });
    expect(conflictsOf(args(['x']), args(['y']), args(['x', 'w']))).toEqual(['/spec/template/spec/containers/app/args']);
  });
});
