import { describe, expect, it } from 'vitest';
import { retryDelay, retrySettings, sleep } from '../../src/client/RetryOptions.js';

describe('RetryOptions', () => {
  it('fills in defaults and refuses numbers out of range', () => {
    expect(retrySettings(undefined)).toEqual({ retries: 5, initialDelayMs: 10, factor: 2, maxDelayMs: 1000, jitter: 0.5 });
    expect(retrySettings({ retries: 2, initialDelayMs: undefined })).toMatchObject({ retries: 2, initialDelayMs: 10 });
    for (const bad of [{ retries: 1.5 }, { retries: -1 }, { factor: 0.5 }, { jitter: 2 }, { maxDelayMs: Number.NaN }]) {
      expect(() => retrySettings(bad)).toThrow(RangeError);
    }
  });

  it('backs off exponentially up to the cap, with jitter taken off', () => {
    const settings = retrySettings({ initialDelayMs: 10, factor: 2, maxDelayMs: 50, jitter: 0.5 });
    expect([1, 2, 3, 4].map((n) => retryDelay(settings, n, () => 0))).toEqual([10, 20, 40, 50]);
    expect(retryDelay(settings, 2, () => 1)).toBe(10);
  });

  it('sleeps, and stops early when aborted', async () => {
    await expect(sleep(1, undefined)).resolves.toBeUndefined();
    const controller = new AbortController();
    const pending = sleep(10_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(pending).rejects.toThrow('stop');
    await expect(sleep(1, AbortSignal.abort())).rejects.toMatchObject({ name: 'AbortError' });
  });
});
