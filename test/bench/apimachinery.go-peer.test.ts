import { beforeAll, describe, expect, it } from 'vitest';
import { compareWithGo, liveOf } from '../../bench/apimachinery.js';
import { prepareGoPeer, type GoPeer } from '../../bench/goPeer.js';
import { buildInput } from '../../bench/inputs.js';

// Go's apimachinery on the benchmark's documents (go/cmd/apimachinery-bench, built and cached
// like the test oracles): its patches must be kubepatch's, so that the bench compares times of the
// same work. Skipped, saying so, without Go and nothing cached, unless KUBEPATCH_E2E=require.
let peer: GoPeer | undefined;
let skipped: string | undefined;

beforeAll(async () => {
  const prepared = await prepareGoPeer((line) => process.stderr.write(`${line}\n`));
  if (typeof prepared === 'string') {
    if (process.env['KUBEPATCH_E2E'] === 'require') throw new Error(prepared);
    skipped = `Go's apimachinery in the bench is skipped: ${prepared}`;
    process.stderr.write(`\n${skipped}\n`);
  } else peer = prepared;
}, 600_000);

describe("the bench's Go peer", () => {
  it('gives the same outputs as kubepatch on manifests, lists and MergeItem documents', (context) => {
    if (peer === undefined) return context.skip(skipped);
    for (const id of ['deployment', 'configmap-10k', 'env-10', 'containers-10', 'mergeitem-10', 'mergeitem-100']) {
      const { rows, reply } = compareWithGo(buildInput(id), peer, { rounds: 1, roundBudgetMs: 1, slowCallMs: 10_000, goTimeoutMs: 120_000 });
      expect(typeof reply === 'string' ? reply : reply.apimachinery, id).toBe('v0.33.13');
      expect(rows.map((row) => [row.taskId, row.agreement, row.wrong]), id).toEqual([
        ['smp-create', 'same', undefined],
        ['smp-apply', 'same', undefined],
        ['smp-three-way', 'same', undefined],
        ['merge-three-way', 'same', undefined],
      ]);
    }
  });
});

describe('liveOf (the three-way tasks)', () => {
  it('adds a change made on the server, without touching the document it is given', () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } };
    expect(liveOf(pod)).toEqual({ ...pod, metadata: { name: 'p', annotations: { 'example.com/set-on-the-server': 'yes' } } });
    expect(pod).toEqual({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } });
    expect(liveOf({ name: 'root' })).toEqual({ name: 'root', other: 'set on the server' });
  });
});
