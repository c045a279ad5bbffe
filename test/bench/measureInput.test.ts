// The bench measures each input in a child process of its own: the reply comes back whole.
import { describe, expect, it } from 'vitest';
import { measureInputInChild } from '../../bench/measureInput.js';
import { benchSettings } from '../../bench/settings.js';
import { tasks } from '../../bench/tasks.js';

describe('measureInputInChild', () => {
  it('times every task of an input in a child process and returns its cases, floor and series stops', () => {
    const settings = { ...benchSettings(true), roundBudgetMs: 2 };
    const reply = measureInputInChild({ inputId: 'env-10', settings, measured: true, stopped: [['env/json-patch-create/rfc6902', 'stopped earlier']] }, 120_000, ['--import', 'tsx']);
    if (typeof reply === 'string') throw new Error(reply);
    expect(reply.summary.id).toBe('env-10');
    expect(reply.floor?.fastDeepEqualMs).toBeGreaterThan(0);
    expect(new Set(reply.cases.map((c) => c.taskId))).toEqual(new Set(tasks.map((task) => task.id)));
    const stopped = reply.cases.find((c) => c.taskId === 'json-patch-create' && c.contender === 'rfc6902');
    expect(stopped?.outcome).toEqual({ kind: 'not-run', reason: 'stopped earlier' });
    const kubepatch = reply.cases.filter((c) => c.isKubepatch);
    expect(kubepatch.length).toBeGreaterThanOrEqual(tasks.length);
    for (const c of kubepatch) {
      expect(c.outcome.kind, `${c.taskId} ${c.contender}`).toBe('timed');
      expect(c.wrong, `${c.taskId} ${c.contender}`).toBeUndefined();
    }
    expect(reply.go).toBeUndefined();
    expect(reply.stopped).toEqual([]);
  }, 120_000);

  it('says why when the child fails instead of throwing', () => {
    const reply = measureInputInChild({ inputId: 'no-such-input', settings: benchSettings(true), measured: true, stopped: [] }, 60_000, ['--import', 'tsx']);
    expect(reply).toMatch(/^the child process exited with 1/);
  }, 60_000);
});
