import { describe, expect, it } from 'vitest';
import { callerChanges, changesNothing } from '../../src/client/callerChanges.js';

describe('callerChanges', () => {
  const original = {
    metadata: { annotations: { 'scale-down-deadline': 'd1', 'rollout.argoproj.io/revision': '3' } },
    spec: { replicas: 3, template: { metadata: { labels: { app: 'web' } } } },
  };

  it('keeps what the caller changed or removed, drops what it merely carried over from a stale copy', () => {
    const desired = {
      metadata: { annotations: { 'rollout.argoproj.io/revision': '3' } },
      spec: { replicas: 3, template: { metadata: { labels: { app: 'web', track: 'canary' } } } },
    };
    const patch = {
      metadata: { annotations: { 'scale-down-deadline': null, 'rollout.argoproj.io/revision': '3', 'rollout.argoproj.io/new': null } },
      spec: { replicas: 3, template: { metadata: { labels: { track: 'canary', added: null } } } },
    };
    expect(callerChanges(patch, original, desired)).toEqual({
      metadata: { annotations: { 'scale-down-deadline': null } },
      spec: { template: { metadata: { labels: { track: 'canary' } } } },
    });
  });

  it('keeps a resourceVersion precondition, which alone changes nothing', () => {
    const patch = { metadata: { resourceVersion: '42', annotations: { 'rollout.argoproj.io/revision': '3' } } };
    const filtered = callerChanges(patch, original, original);
    expect(filtered).toEqual({ metadata: { resourceVersion: '42' } });
    expect(changesNothing(filtered)).toBe(true);
    expect(changesNothing({})).toBe(true);
    expect(changesNothing({ spec: { replicas: 1 } })).toBe(false);
  });
});
