import { describe, expect, it, vi } from 'vitest';
import {
  applyJsonPatch,
  InvalidPatchError,
  isKubepatchError,
  KubepatchError,
  PatchTestFailedError,
} from 'kubepatch';

describe('errors', () => {
  it('carry a code, the path and the operation index', () => {
    try {
      applyJsonPatch({ a: 1 }, [
        { op: 'replace', path: '/a', value: 2 },
        { op: 'test', path: '/a', value: 1 },
      ]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PatchTestFailedError);
      expect(error).toBeInstanceOf(KubepatchError);
      expect(error).toMatchObject({ name: 'PatchTestFailedError', code: 'TEST_FAILED', path: '/a', operationIndex: 1, actual: 2, expected: 1 });
    }
  });

  it('are recognised across copies of the package, where instanceof fails', async () => {
    // A second, independent copy of the module graph, as when the ESM and CJS builds are both loaded.
    vi.resetModules();
    const copy = await import('kubepatch');
    expect(copy.KubepatchError).not.toBe(KubepatchError);
    let foreign: unknown;
    try {
      copy.applyJsonPatch({}, [{ op: 'remove', path: '/x' }]);
    } catch (error) {
      foreign = error;
    }
    expect(foreign).not.toBeInstanceOf(KubepatchError);
    expect(isKubepatchError(foreign)).toBe(true);
    expect(isKubepatchError(foreign, 'PATH_NOT_FOUND')).toBe(true);
    expect(isKubepatchError(foreign, 'TEST_FAILED')).toBe(false);
  });

  it('are not confused with other errors', () => {
    expect(isKubepatchError(new Error('x'))).toBe(false);
    expect(isKubepatchError({ code: 'CONFLICT', name: 'KubepatchError' })).toBe(false);
    expect(isKubepatchError(undefined)).toBe(false);
    expect(new InvalidPatchError('bad', { code: 'PATH_NOT_FOUND' }).code).toBe('PATH_NOT_FOUND');
  });
});
