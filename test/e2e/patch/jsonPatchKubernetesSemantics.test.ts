// Against the real API server: applyJsonPatch(…, { semantics: 'kubernetes' }) predicts what kube-apiserver 1.33
// does with a JSON Patch (gopkg.in/evanphx/json-patch.v4 v4.12.0), deviations from RFC 6902 included: seeded
// random patches on ConfigMaps that use negative and leading-zero indexes, `test` of null on missing members,
// `replace` of missing members, `copy` from missing members and `test`s of strings holding <, > or &. Every
// patch is sent as a dry run; the server's status and stored object must match kubepatch's result or error.
// The default (RFC 6902) semantics refuse most of these patches, which is counted too.
import { applyJsonPatch, isKubepatchError, type JsonPatchOperation, type JsonValue } from 'kubepatch';
import { beforeAll, describe, expect, it } from 'vitest';
import { skipReason, uniqueName } from '../helpers/envtest.js';
import { comparable } from '../helpers/patchCompare.js';
import type { Obj } from '../helpers/patchPodTemplate.js';
import { Random } from '../helpers/seededRandom.js';
import { createNamespace, serverOk, serverRequest } from '../helpers/serverRequest.js';

const OBJECTS = 12;
const PATCHES_PER_OBJECT = 12;
const JSON_PATCH = 'application/json-patch+json';
const kubernetes = { semantics: 'kubernetes' } as const;
const VALUES = ['plain', 'a<b', 'x&y', 'p>q', 'v'];

type Outcome = { result: Obj } | { code: string; message: string };

function kubepatch(object: Obj, patch: JsonPatchOperation[], semantics: 'kubernetes' | 'rfc6902'): Outcome {
  try {
    return { result: applyJsonPatch(object as JsonValue, patch, { semantics }) as Obj };
  } catch (error) {
    if (!isKubepatchError(error)) throw error;
    return { code: error.code, message: error.message };
  }
}

/** A `null` in a ConfigMap's string map is stored as "" (Go decodes JSON null into a string as ""). */
function stored(object: Obj): Obj {
  const strings = (map: Record<string, unknown> | undefined) =>
    map === undefined ? undefined : Object.fromEntries(Object.entries(map).map(([k, v]) => [k, v ?? '']));
  const copy = comparable(object);
  return { ...copy, data: strings(copy.data), metadata: { ...copy.metadata, annotations: strings(copy.metadata.annotations) } };
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.keys(value).sort().filter((k) => (value as Obj)[k] !== undefined).map((k) => [k, sortKeys((value as Obj)[k])]));
}

/** One operation aimed at a deviation (or at the RFC behaviour next to it). */
function randomOperation(random: Random, object: Obj): JsonPatchOperation {
  const finalizers: string[] = object.metadata.finalizers;
  const keys = Object.keys(object.data);
  const n = finalizers.length;
  const index = () => random.pick([`-${1 + random.int(n + 1)}`, `0${random.int(n)}`, `+${random.int(n)}`, String(random.int(n + 1)), '-']);
  const existing = () => random.pick(keys);
  const missing = () => `missing-${random.int(3)}`;
  switch (random.int(8)) {
    case 0:
      return { op: 'remove', path: `/metadata/finalizers/${index()}` };
    case 1:
      return { op: 'add', path: `/metadata/finalizers/${index()}`, value: `example.com/added-${random.int(100)}` };
    case 2:
      return { op: 'replace', path: `/metadata/finalizers/${index()}`, value: 'example.com/replaced' };
    case 3:
      return { op: 'test', path: `/data/${random.chance(0.5) ? missing() : existing()}`, value: null };
    case 4:
      return { op: 'replace', path: `/data/${random.chance(0.5) ? missing() : existing()}`, value: random.pick(VALUES) };
    case 5:
      return { op: 'copy', from: `/data/${random.chance(0.5) ? missing() : existing()}`, path: `/metadata/annotations/copy-${random.int(3)}` };
    case 6: {
      const key = existing();
      return { op: 'test', path: `/data/${key}`, value: random.chance(0.8) ? object.data[key] : random.pick(VALUES) };
    }
    default:
      return { op: 'test', path: `/metadata/finalizers/${index()}`, value: random.pick([...finalizers, 'example.com/other']) };
  }
}

describe.skipIf(skipReason)("applyJsonPatch(…, { semantics: 'kubernetes' }) against the real API server", () => {
  const namespace = uniqueName('jsonpatch-k8s');
  const collection = `/api/v1/namespaces/${namespace}/configmaps`;
  beforeAll(() => createNamespace(namespace));

  async function create(random: Random, name: string): Promise<Obj> {
    const data = Object.fromEntries(['a', 'b', 'c'].map((k) => [k, random.pick(VALUES)]));
    const finalizers = Array.from({ length: 2 + random.int(3) }, (_, i) => `example.com/f${i}`);
    return serverOk('POST', collection, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, finalizers, annotations: { note: 'x' } }, data });
  }

  it('seeded random patches exercising every deviation: same status and same stored object', async () => {
    const failures: string[] = [];
    const tally = { applied: 0, refused: 0, rfcRefusedServerApplied: 0, rfcAppliedServerRefused: 0 };
    for (let i = 0; i < OBJECTS; i++) {
      const random = Random.forLabel(`jsonpatch-kubernetes-${i}`);
      const object = await create(random, uniqueName(`jpk-${i}`));
      const patches = Array.from({ length: PATCHES_PER_OBJECT }, () => Array.from({ length: 1 + random.int(3) }, () => randomOperation(random, object)));
      const answers = await Promise.all(patches.map((patch) => serverRequest('PATCH', `${collection}/${object.metadata.name}?dryRun=All`, patch, JSON_PATCH)));
      patches.forEach((patch, p) => {
        const answer = answers[p]!;
        const ok = answer.statusCode >= 200 && answer.statusCode < 300;
        const ours = kubepatch(object, patch, 'kubernetes');
        const rfc = kubepatch(object, patch, 'rfc6902');
        const context = `${JSON.stringify(patch)} on ${JSON.stringify({ data: object.data, finalizers: object.metadata.finalizers })}: server ${answer.statusCode} ${answer.body?.message ?? ''}, kubepatch ${JSON.stringify('code' in ours ? ours : 'applied')}`;
        if (ok !== 'result' in ours) failures.push(context);
        else if (ok && JSON.stringify(sortKeys(stored(answer.body))) !== JSON.stringify(sortKeys(stored((ours as { result: Obj }).result)))) failures.push(`${context}: results differ`);
        else if (!ok && answer.statusCode !== 422) failures.push(`${context}: expected 422`);
        tally[ok ? 'applied' : 'refused']++;
        if (ok && 'code' in rfc) tally.rfcRefusedServerApplied++;
        if (!ok && 'result' in rfc) tally.rfcAppliedServerRefused++;
      });
    }
    expect(failures, `${failures.length} of ${OBJECTS * PATCHES_PER_OBJECT} patches`).toEqual([]);
    // The seeds reach both outcomes, and the deviations matter: the RFC gets many of them wrong.
    expect(tally.applied).toBeGreaterThan(30);
    expect(tally.refused).toBeGreaterThan(30);
    expect(tally.rfcRefusedServerApplied).toBeGreaterThan(10);
    expect(tally.rfcAppliedServerRefused).toBeGreaterThan(3);
  }, 120_000);

  it('each deviation of the issue, by hand', async () => {
    const object = await serverOk('POST', collection, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: uniqueName('jpk-fixed'), finalizers: ['example.com/a', 'example.com/b', 'example.com/c'] },
      data: { html: 'a<b&c>d' },
    });
    const cases: [JsonPatchOperation[], (o: Obj) => unknown, unknown][] = [
      [[{ op: 'remove', path: '/metadata/finalizers/-1' }], (o) => o.metadata.finalizers, ['example.com/a', 'example.com/b']],
      [[{ op: 'add', path: '/metadata/finalizers/01', value: 'example.com/x' }], (o) => o.metadata.finalizers, ['example.com/a', 'example.com/x', 'example.com/b', 'example.com/c']],
      [[{ op: 'test', path: '/data/paused', value: null }], (o) => o.data, { html: 'a<b&c>d' }],
      [[{ op: 'replace', path: '/data/added', value: 'x' }], (o) => o.data.added, 'x'],
      [[{ op: 'copy', from: '/data/absent', path: '/data/copy' }], (o) => o.data.copy ?? '', ''],
    ];
    for (const [patch, pick, expected] of cases) {
      const answer = await serverRequest('PATCH', `${collection}/${object.metadata.name}?dryRun=All`, patch, JSON_PATCH);
      expect(answer.statusCode, JSON.stringify(patch)).toBe(200);
      expect(pick(answer.body)).toEqual(expected);
      const ours = kubepatch(object, patch, 'kubernetes');
      expect('result' in ours && pick(stored(ours.result))).toEqual(expected);
      expect('code' in kubepatch(object, patch, 'rfc6902')).toBe(true);
    }
    // A test of an equal string holding <, > and &: the server compares JSON text and fails it (422).
    const html: JsonPatchOperation[] = [{ op: 'test', path: '/data/html', value: 'a<b&c>d' }];
    const answer = await serverRequest('PATCH', `${collection}/${object.metadata.name}?dryRun=All`, html, JSON_PATCH);
    expect(answer.statusCode).toBe(422);
    expect(kubepatch(object, html, 'kubernetes')).toMatchObject({ code: 'TEST_FAILED' });
    expect(kubepatch(object, html, 'rfc6902')).toHaveProperty('result');
  });

  it('a test comparing an array holding null: the library crashes and the server drops the connection; kubepatch says INVALID_PATCH', async () => {
    const object = await create(Random.forLabel('jpk-null'), uniqueName('jpk-null'));
    const path = `${collection}/${object.metadata.name}?dryRun=All`;
    const patch: JsonPatchOperation[] = [{ op: 'test', path: '/metadata/finalizers', value: [null, ...object.metadata.finalizers.slice(1)] }];
    // kube-apiserver recovers the handler's panic by aborting the response: no status reaches the client.
    await expect(serverRequest('PATCH', path, patch, JSON_PATCH)).rejects.toThrow(/socket hang up|ECONNRESET|stream/i);
    expect(kubepatch(object, patch, 'kubernetes')).toMatchObject({ code: 'INVALID_PATCH' });
    expect((await serverRequest('GET', `${collection}/${object.metadata.name}`)).statusCode).toBe(200); // the server lives on
  });

  it('at most 10,000 operations (413 beyond), and copies adding at most 3 MiB (422 beyond)', async () => {
    const object = await serverOk('POST', collection, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: uniqueName('jpk-limits') }, data: { big: 'x'.repeat(700_000) } });
    const path = `${collection}/${object.metadata.name}?dryRun=All`;
    const tests = (n: number): JsonPatchOperation[] => Array.from({ length: n }, () => ({ op: 'test', path: '/data/absent', value: null }));
    expect((await serverRequest('PATCH', path, tests(10_000), JSON_PATCH)).statusCode).toBe(200);
    expect(kubepatch(object, tests(10_000), 'kubernetes')).toHaveProperty('result');
    const tooMany = await serverRequest('PATCH', path, tests(10_001), JSON_PATCH);
    expect(tooMany.statusCode).toBe(413);
    expect(kubepatch(object, tests(10_001), 'kubernetes')).toMatchObject({ code: 'INVALID_PATCH', message: expect.stringContaining(tooMany.body.message) });
    // Five copies of 700,002 bytes of JSON text pass 3 MiB on the fifth: the library refuses the patch, and the server
    // answers a bare 422 (its message names no cause). Four copies apply, and then the ConfigMap fails validation
    // for its size, with a cause: so the bare answer is the copy limit.
    const copies: JsonPatchOperation[] = Array.from({ length: 5 }, (_, i) => ({ op: 'copy', from: '/data/big', path: `/data/c${i}` }));
    const answer = await serverRequest('PATCH', path, copies, JSON_PATCH);
    expect(answer.statusCode).toBe(422);
    expect(answer.body).toMatchObject({ message: 'the server rejected our request due to an error in our request', details: {} });
    expect(kubepatch(object, copies, 'kubernetes')).toMatchObject({ code: 'INVALID_PATCH', message: expect.stringContaining('3145728') });
    const four = await serverRequest('PATCH', path, copies.slice(0, 4), JSON_PATCH);
    expect(four.statusCode).toBe(422);
    expect(JSON.stringify(four.body.details.causes)).toContain('Too long');
    expect(kubepatch(object, copies.slice(0, 4), 'kubernetes')).toHaveProperty('result'); // kubepatch does not validate sizes
  }, 60_000);
});
