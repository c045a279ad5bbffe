/**
 * How often, and how patiently, a call tries again after a 409 Conflict, re-reading the object
 * each time. The first retry goes at once (a conflict means the copy was stale, and the re-read
 * fixes that); the wait before retry `n` (from 2) is `initialDelayMs × factor^(n−2)`, at most
 * `maxDelayMs`, with up to `jitter` of it taken off at random so that writers that collided do not
 * collide again in step.
 * @example
 * ```ts
 * const retry: RetryOptions = { retries: 8, initialDelayMs: 20, factor: 2, maxDelayMs: 2_000, jitter: 0.5 };
 * ```
 * @public
 */
export interface RetryOptions {
  /** How many times to re-read and try again after a 409. Default 5. `0` gives up at the first conflict. */
  readonly retries?: number;
  /** The first wait, in milliseconds. Default 10. */
  readonly initialDelayMs?: number;
  /** What each wait is multiplied by. Default 2. */
  readonly factor?: number;
  /** The longest wait, in milliseconds. Default 1,000. */
  readonly maxDelayMs?: number;
  /** The random share (0–1) taken off each wait. Default 0.5. */
  readonly jitter?: number;
}

/** The defaults of {@link RetryOptions}. */
export const DEFAULT_RETRY: Required<RetryOptions> = Object.freeze({
  retries: 5,
  initialDelayMs: 10,
  factor: 2,
  maxDelayMs: 1_000,
  jitter: 0.5,
});

/** The options with defaults filled in, checked: a bad number throws a RangeError before any request. */
export function retrySettings(options: RetryOptions | undefined): Required<RetryOptions> {
  const settings = { ...DEFAULT_RETRY, ...definedOnly(options ?? {}) };
  const check = (name: keyof RetryOptions, ok: boolean): void => {
    if (!ok) throw new RangeError(`kubepatch/client: retry.${name} is out of range: ${String(settings[name])}`);
  };
  check('retries', Number.isInteger(settings.retries) && settings.retries >= 0);
  check('initialDelayMs', Number.isFinite(settings.initialDelayMs) && settings.initialDelayMs >= 0);
  check('factor', Number.isFinite(settings.factor) && settings.factor >= 1);
  check('maxDelayMs', Number.isFinite(settings.maxDelayMs) && settings.maxDelayMs >= 0);
  check('jitter', Number.isFinite(settings.jitter) && settings.jitter >= 0 && settings.jitter <= 1);
  return settings;
}

/** The wait after `waits` − 1 earlier waits (1-based): `initialDelayMs × factor^(waits−1)`, capped, jittered. */
export function retryDelay(settings: Required<RetryOptions>, attempt: number, random: () => number = Math.random): number {
  const base = Math.min(settings.maxDelayMs, settings.initialDelayMs * settings.factor ** (attempt - 1));
  return base * (1 - settings.jitter * random());
}

/** Waits `ms`, or rejects with the signal's reason when it fires first. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function definedOnly(options: RetryOptions): RetryOptions {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}
