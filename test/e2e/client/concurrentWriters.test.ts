import { beforeAll, describe, expect, it } from 'vitest';
import { annotationKeys, labelKeys, type JsonObject } from 'kubepatch';
import { getObject, updateWithFallbackToPatch, type KubeConfigLike } from 'kubepatch/client';
import { adminKubeConfig, skipReason } from '../helpers/envtest.js';
import { clientNamespace, createRaw, readStored, REPLICA_SETS, replicaSetManifest, type Stored } from '../helpers/clientObjects.js';

/**
 * The real-server version of test/client/concurrentWriters.test.ts: 8 writers update one
 * ReplicaSet at once through updateWithFallbackToPatch, each from its own (soon stale) copy and
 * each owning its own annotation keys. At the end every writer's every key holds its last value.
 * The first round is forced to collide (all 8 start from the same resourceVersion), so the
 * fallback path is taken whatever the speed of the machine.
 */

const WRITERS = 8;
const UPDATES_PER_WRITER = 15;

/** Counts the requests a client makes, to see that the fallback (GET and PATCH after a 409) ran. */
function counting(client: KubeConfigLike): KubeConfigLike & { readonly requests: number } {
  let requests = 0;
  return {
    getCurrentCluster: () => client.getCurrentCluster(),
    applyToHTTPSOptions: (options) => {
      requests += 1;
      return client.applyToHTTPSOptions(options);
    },
    get requests() {
      return requests;
    },
  };
}

describe.skipIf(skipReason)('updateWithFallbackToPatch: concurrent writers on the real API server', () => {
  let namespace: string;
  beforeAll(async () => {
    namespace = await clientNamespace('writers');
  });

  it(`${WRITERS} writers × ${UPDATES_PER_WRITER} updates of one ReplicaSet lose no write`, async () => {
    await createRaw({ ...REPLICA_SETS, namespace }, replicaSetManifest(namespace, 'web'));
    const ref = { apiVersion: 'apps/v1', kind: 'ReplicaSet', namespace, name: 'web' };
    const client = counting(adminKubeConfig());
    const prefix = (writer: number) => `writer-${writer}.example.com/`;
    const lost: string[] = [];

    // Every writer reads before any writes: the first round's PUTs share one resourceVersion.
    const firstCopies = await Promise.all(Array.from({ length: WRITERS }, () => getObject(client, ref)));
    const run = async (writer: number): Promise<void> => {
      let cached: JsonObject = firstCopies[writer]!;
      for (let n = 0; n < UPDATES_PER_WRITER; n++) {
        const desired: Stored = structuredClone(cached);
        desired.metadata.annotations[`${prefix(writer)}last`] = String(n);
        desired.metadata.annotations[`${prefix(writer)}n-${n}`] = 'done';
        const stored: Stored = await updateWithFallbackToPatch(client, desired, {
          original: cached,
          fallback: { labels: labelKeys([]), annotations: annotationKeys({ prefixes: [prefix(writer)] }) },
          retry: { retries: 20, initialDelayMs: 1, maxDelayMs: 20 },
        });
        if (stored.metadata.annotations[`${prefix(writer)}last`] !== String(n)) lost.push(`writer ${writer} update ${n}`);
        cached = stored;
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, (_, writer) => run(writer)));

    expect(lost).toEqual([]);
    const final = await readStored({ ...REPLICA_SETS, namespace, name: 'web' });
    const expected: Record<string, string> = { 'rollout.argoproj.io/revision': '3' };
    for (let writer = 0; writer < WRITERS; writer++) {
      expected[`${prefix(writer)}last`] = String(UPDATES_PER_WRITER - 1);
      for (let n = 0; n < UPDATES_PER_WRITER; n++) expected[`${prefix(writer)}n-${n}`] = 'done';
    }
    expect(final.metadata.annotations).toEqual(expected);
    // At least 7 of the first round's PUTs met a 409 and went on to a GET and a PATCH.
    expect(client.requests).toBeGreaterThanOrEqual(WRITERS + WRITERS * UPDATES_PER_WRITER + 2 * (WRITERS - 1));
  });
});
