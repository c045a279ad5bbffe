import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annotationKeys, labelKeys, type JsonObject } from 'kubepatch';
import { kubeConfigFor } from './helpers/clientNode.js';
import { FakeKubeApiServer } from './helpers/fakeKubeApiServer.js';
import { replicaSet } from './helpers/objects.js';
import { client } from './helpers/subject.js';

const { updateWithFallbackToPatch, getObject } = client;

/**
 * The load test of the issue: 8 writers update one ReplicaSet at once, 1,000 updates in all, each
 * from its own (soon stale) copy, through updateWithFallbackToPatch: three scalers changing
 * spec.replicas, three controllers adding annotations of their own (and sharing one), and two
 * rollout-controller workers moving `scale-down-deadline` (and removing it every tenth time). Every
 * write is recorded with the resourceVersion of the object the server answered; for every key, the
 * final object must hold the value of the last write to it (by resourceVersion): nothing lost to a
 * stale copy, and never an empty `scale-down-deadline`.
 *
 * Stays on the fake server: it needs request capture and every version the server stored (its
 * history), at a scale (1,000 updates) the real server cannot take on a CI machine in seconds;
 * test/e2e/client/concurrentWriters.test.ts runs 8 writers × 15 updates on the real one.
 */

const UPDATES_PER_WRITER = 125;
const REF = { apiVersion: 'apps/v1', kind: 'ReplicaSet', namespace: 'shop', name: 'web-7d9f8' };
const DEADLINE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

interface Write {
  readonly writer: string;
  /** `spec.replicas` or `annotations/<key>`. */
  readonly key: string;
  /** The value written; `undefined` for a deletion. */
  readonly value: string | number | undefined;
  /** The resourceVersion of the object the server answered. */
  readonly resourceVersion: number;
}

type Change = (desired: JsonObject, n: number) => Record<string, string | number | undefined>;

interface Writer {
  readonly name: string;
  readonly change: Change;
  readonly fallback: Parameters<typeof updateWithFallbackToPatch>[2] extends infer O ? (O extends { fallback?: infer F } ? F : never) : never;
}

const annotationsOf = (object: JsonObject): Record<string, string> =>
  ((object.metadata as { annotations?: Record<string, string> }).annotations ??= {});
const specOf = (object: JsonObject) => object.spec as { replicas: number };
const resourceVersionOf = (object: JsonObject) => Number((object.metadata as { resourceVersion: string }).resourceVersion);

function valueAt(object: JsonObject, key: string): string | number | undefined {
  return key === 'spec.replicas' ? specOf(object).replicas : annotationsOf(object)[key.slice('annotations/'.length)];
}

function scaler(index: number): Writer {
  return {
    name: `scaler-${index}`,
    fallback: { labels: labelKeys([]), annotations: annotationKeys([]) },
    change: (desired, n) => {
      specOf(desired).replicas = index * 1000 + n + 1;
      return { 'spec.replicas': specOf(desired).replicas };
    },
  };
}

function annotator(index: number): Writer {
  return {
    name: `annotator-${index}`,
    fallback: { labels: labelKeys([]), annotations: annotationKeys({ prefixes: ['annotator.example.com/'] }) },
    change: (desired, n) => {
      const own = `annotator.example.com/a${index}-${n}`;
      annotationsOf(desired)[own] = String(n);
      annotationsOf(desired)['annotator.example.com/latest'] = `a${index}-${n}`;
      return { [`annotations/${own}`]: String(n), 'annotations/annotator.example.com/latest': `a${index}-${n}` };
    },
  };
}

function rolloutController(index: number): Writer {
  return {
    name: `rollout-controller-${index}`,
    fallback: {},
    change: (desired, n) => {
      const annotations = annotationsOf(desired);
      if (n % 10 === 9) {
        delete annotations['scale-down-deadline'];
        return { 'annotations/scale-down-deadline': undefined };
      }
      const deadline = new Date(Date.UTC(2026, 10, 23, 10, 0, 0) + (index * 1000 + n) * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
      annotations['scale-down-deadline'] = deadline;
      return { 'annotations/scale-down-deadline': deadline };
    },
  };
}

let server: FakeKubeApiServer;
beforeAll(async () => {
  server = await FakeKubeApiServer.start();
});
afterAll(() => server.close());

describe('updateWithFallbackToPatch under load', () => {
  it('8 concurrent writers, 1,000 updates: the final object holds the last write to every key', { timeout: 30_000 }, async () => {
    const kc = kubeConfigFor(server.url);
    const initial = server.create(replicaSet());
    const writers = [scaler(0), scaler(1), scaler(2), annotator(0), annotator(1), annotator(2), rolloutController(0), rolloutController(1)];
    const writes: Write[] = [];
    const mismatches: string[] = [];

    const run = async (writer: Writer): Promise<void> => {
      let cached = await getObject(kc, REF);
      for (let n = 0; n < UPDATES_PER_WRITER; n++) {
        const desired = structuredClone(cached);
        const changed = writer.change(desired, n);
        const stored = await updateWithFallbackToPatch(kc, desired, {
          original: cached,
          fallback: writer.fallback,
          retry: { retries: 10, initialDelayMs: 1, maxDelayMs: 10 },
        });
        for (const [key, value] of Object.entries(changed)) {
          if (valueAt(stored, key) !== value) mismatches.push(`${writer.name} #${n}: ${key} is ${String(valueAt(stored, key))}, wrote ${String(value)}`);
          writes.push({ writer: writer.name, key, value, resourceVersion: resourceVersionOf(stored) });
        }
        cached = stored;
      }
    };
    await Promise.all(writers.map(run));

    expect(mismatches).toEqual([]);
    expect(new Set(writes.map((w) => `${w.writer}`)).size).toBe(8);
    const updates = writes.filter((w) => !w.key.startsWith('annotations/annotator.example.com/a'));
    expect(updates.length).toBe(1000);

    const final = server.get('apps/v1', 'ReplicaSet', 'shop', 'web-7d9f8')!;
    const lastWrites = new Map<string, Write>();
    for (const write of writes) {
      const last = lastWrites.get(write.key);
      if (last === undefined || write.resourceVersion >= last.resourceVersion) lastWrites.set(write.key, write);
    }
    const lost = [...lastWrites.values()].filter((w) => valueAt(final, w.key) !== w.value).map((w) => `${w.key}: last ${w.writer} wrote ${String(w.value)}`);
    expect(lost).toEqual([]);
    // Every annotator's own keys (375) survived, and nothing else changed.
    expect(Object.keys(annotationsOf(final)).filter((k) => /^annotator\.example\.com\/a\d-\d+$/.test(k))).toHaveLength(375);
    expect(annotationsOf(final)['rollout.argoproj.io/revision']).toBe('3');
    expect(final.spec).toMatchObject({ selector: initial.spec.selector, template: initial.spec.template });
    expect((final.metadata as { labels: unknown }).labels).toEqual(initial.metadata.labels);
    // Never an empty deadline, in any version the server stored.
    const deadlines = server.history.map((object) => annotationsOf(object)['scale-down-deadline']).filter((d) => d !== undefined);
    expect(deadlines.every((d) => DEADLINE.test(d))).toBe(true);
    // The fallback did the work: most PUTs met a stale resourceVersion.
    const count = (method: string, status: number) => server.requests.filter((r) => r.method === method && r.status === status).length;
    expect(count('PUT', 409)).toBeGreaterThan(100);
    expect(count('PATCH', 200)).toBeGreaterThan(100);
    expect(count('PUT', 200) + count('PATCH', 200) + count('GET', 200)).toBeGreaterThan(1000);
    expect(server.requests.every((r) => r.method !== 'PATCH' || r.contentType === 'application/merge-patch+json')).toBe(true);
  });
});
