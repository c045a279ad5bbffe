import equal from 'fast-deep-equal';
import { describe, expect, it } from 'vitest';
import { buildInput, inputBuilders } from '../../bench/inputs.js';
import { elementFates } from '../../bench/random.js';

describe('benchmark inputs', () => {
  it('are the same on every build (fixed seeds) and each pair differs', () => {
    for (const id of inputBuilders.keys()) {
      const first = buildInput(id);
      const second = buildInput(id);
      expect(equal(first.before, second.before) && equal(first.after, second.after), id).toBe(true);
      expect(equal(first.before, first.after), id).toBe(false);
    }
  });

  it('change 5% of the elements each way, at least one of each', () => {
    for (const count of [10, 1_000]) {
      const fates = elementFates(count, 7);
      const each = Math.max(1, Math.round(count * 0.05));
      for (const fate of ['changed', 'removed', 'followed-by-new'] as const) {
        expect(fates.filter((f) => f === fate)).toHaveLength(each);
      }
    }
    expect(elementFates(1_000, 7)).not.toEqual(elementFates(1_000, 8));
  });

  it('give every list input the length it is named after', () => {
    const input = buildInput('env-1000');
    const env = (input.before as { spec: { containers: Array<{ env: unknown[] }> } }).spec.containers[0]!.env;
    expect(env).toHaveLength(1_000);
    expect(input.size).toBe(1_000);
  });
});
