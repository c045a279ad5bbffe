// Argo CD's Server-Side Diff, offline (serverSideDiff) against the real API server's dry run.
//
// Seeded random cases over Deployments (also written through /status), ConfigMaps, Services,
// Secrets and the Argo Rollout (CRD v1.9.1). Each case builds a live object on the server with a
// few steps of the server-side apply sequences' generator (sequences/plan.ts: applies, forced or
// not, PUTs and merge patches by 2 to 4 managers, one of them `argocd-controller`, which creates
// the object two times in three), then takes `argocd-controller`'s next apply configuration as the
// desired manifest. The server is asked what Argo CD asks it: the manifest as Argo CD normalizes it
// (argoCdApplyConfig) in a PATCH application/apply-patch+yaml `?fieldManager=argocd-controller&
// force=true&dryRun=All`; and once more without force, for the conflicts. serverSideDiff's
// prediction must equal the forced answer (managedFields entry by entry, all but `time`, fieldsV1
// byte for byte; the object without resourceVersion, uid, generation, creationTimestamp: see
// sequences/compare.ts), its conflicts the unforced 409's causes (none when it is accepted), and
// its changes semanticDiff(live, the server's object with the live object's server-set metadata;
// a Rollout by its CRD's schema, as serverSideDiff compares it), in any order (see compareCase).
//
// KUBEPATCH_SSD_SEED sets the seed (printed), KUBEPATCH_SSD_CASES the number of cases,
// KUBEPATCH_SSD_ONLY=3,17 runs only those cases: every finding names its replay.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { isRealChange } from '../../../src/semantic/isRealChange.js';
import type { SemanticChange } from '../../../src/semantic/SemanticChange.js';
import { schemaFromCRD } from '../../../src/schema/schemaFromCRD.js';
import { semanticDiff } from '../../../src/semantic/semanticDiff.js';
import { serverSideDiff, type ServerSideDiffResult } from '../../../src/semantic/serverSideDiff.js';
import { argoCdApplyConfig } from '../../../src/semantic/serverSideDiffConfig.js';
import { frozenCopy } from '../../helpers/deepFreeze.js';
import type { Obj } from '../helpers/patchPodTemplate.js';
import { skipReason, uniqueName } from '../helpers/envtest.js';
import { createNamespace } from '../helpers/serverRequest.js';
import { comparableObjects, differences, engineConflictView, generalise, managedFieldsDifferences, serverConflicts, type ConflictView, type Difference } from './sequences/compare.js';
import { APPLY_PATCH, send, type RawAnswer } from './sequences/http.js';
import { SequencePlan } from './sequences/plan.js';
import { sequenceRandom } from './sequences/runner.js';
import { ROLLOUT_CRD, TARGETS, type Target } from './sequences/targets.js';

const SEED = Number(process.env['KUBEPATCH_SSD_SEED'] ?? 20261214);
const CASES = Number(process.env['KUBEPATCH_SSD_CASES'] ?? 150);
const ONLY = process.env['KUBEPATCH_SSD_ONLY']?.split(',').map(Number);
const ARGO = 'argocd-controller';
const OTHERS = ['helm', 'deployer', 'scaler', 'kubectl-edit'];
const KINDS = ['Deployment', 'Deployment+status', 'ConfigMap', 'Service', 'Secret', 'Rollout'];
const CHOSEN: readonly Target[] = TARGETS.filter((t) => KINDS.includes(t.name));
const PARALLEL = 4;

/** One case: how the live object was made, what was asked, both answers, and what differs. */
interface Case {
  readonly index: number;
  readonly target: string;
  readonly steps: string[];
  live: Obj | null;
  desired?: Obj;
  sent?: Obj;
  forced?: RawAnswer;
  unforced?: RawAnswer;
  engine?: ServerSideDiffResult | { readonly error: string };
  readonly differences: Difference[];
}

interface Counts {
  cases: number;
  compared: number;
  withConflicts: number;
  withRealChanges: number;
  unchanged: number;
  /** Cases the server refuses and serverSideDiff too, for the same field and reason. */
  refusedByBoth: number;
  /** Cases whose manifest Argo CD's normalization changed (stringData folded, omitempty zeros dropped, …). */
  normalized: number;
  byTarget: Record<string, number>;
}

const replay = (index: number) => `KUBEPATCH_SSD_SEED=${SEED} KUBEPATCH_SSD_ONLY=${index}`;
const line = (value: unknown) => JSON.stringify(value) ?? 'undefined';
const sortViews = (views: ConflictView[]) => views.map((v) => ({ v, k: JSON.stringify(v) })).sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0)).map(({ v }) => v);

/** The time the server gave argocd-controller's Apply entry (what the engine writes for a change), else its clock. */
function serverClock(answer: RawAnswer): Date {
  const entry = ((answer.body?.metadata?.managedFields ?? []) as Obj[]).find((e) => e.manager === ARGO && e.operation === 'Apply' && e.subresource === undefined);
  const time = typeof entry?.time === 'string' ? entry.time : answer.date;
  return time === undefined ? new Date() : new Date(time);
}

/** The server's object with the live object's server-set metadata, which the engine leaves as it is. */
function withLiveMetadata(server: Obj, live: Obj): Obj {
  const out = structuredClone(server);
  for (const field of ['resourceVersion', 'generation', 'uid', 'creationTimestamp']) {
    if (live.metadata?.[field] === undefined) delete out.metadata?.[field];
    else out.metadata[field] = live.metadata[field];
  }
  return out;
}

/** Builds the live object on the server and picks argocd-controller's next configuration. */
async function prepare(c: Case, plan: SequencePlan, random: ReturnType<typeof sequenceRandom>): Promise<void> {
  const steps = 1 + random.int(5);
  for (let step = 0; step < steps || c.live === null; step++) {
    if (step > 8) return;
    const op = plan.next(c.live);
    const answer = await send(op.request);
    const ok = answer.statusCode >= 200 && answer.statusCode < 300;
    c.steps.push(`${op.kind} by ${op.manager}${op.force ? ' (force)' : ''}${op.subresource ? ' /status' : ''} → ${answer.statusCode}: ${op.edits.join('; ') || '(no edits)'}`);
    plan.settle(op, ok);
    if (ok) c.live = answer.body ?? null;
  }
  for (let tries = 0; tries < 400 && c.desired === undefined; tries++) {
    const op = plan.next(c.live);
    if (op.kind === 'apply' && op.manager === ARGO && op.engine.call === 'serverSideApply') c.desired = structuredClone(op.engine.config);
  }
  // What rendered manifests often carry and Argo CD's normalization deals with (or keeps).
  if (c.desired !== undefined && random.chance(0.25)) c.desired.metadata.creationTimestamp = null;
  if (c.desired?.spec?.template !== undefined && random.chance(0.25)) c.desired.spec.template.metadata = { ...c.desired.spec.template.metadata, creationTimestamp: null };
}

async function runCase(index: number, namespace: string, counts: Counts): Promise<Case> {
  const random = sequenceRandom(SEED, index);
  const target = CHOSEN[index % CHOSEN.length]!;
  const others = OTHERS.slice(0, 1 + random.int(3));
  const managers = random.chance(2 / 3) ? [ARGO, ...others] : [others[0]!, ARGO, ...others.slice(1)];
  const name = `${target.name.toLowerCase().replace(/\W+/g, '-')}-ssd-${index}`;
  const plan = new SequencePlan(target, random, namespace, name, managers);
  const c: Case = { index, target: target.name, steps: [], live: null, differences: [] };
  counts.cases++;
  counts.byTarget[target.name] = (counts.byTarget[target.name] ?? 0) + 1;
  await prepare(c, plan, random);
  const live = c.live;
  if (live === null || c.desired === undefined) {
    c.differences.push({ where: 'case', server: live === null ? 'no live object' : 'no configuration of argocd-controller', engine: '', kind: 'case not built' });
    return c;
  }
  c.sent = argoCdApplyConfig(c.desired) as Obj;
  if (!isDeepStrictEqual(c.sent, c.desired)) counts.normalized++;
  const item = `${target.collection(namespace)}/${name}?fieldManager=${ARGO}&dryRun=All`;
  c.forced = await send({ method: 'PATCH', path: `${item}&force=true`, contentType: APPLY_PATCH, body: c.sent });
  c.unforced = await send({ method: 'PATCH', path: item, contentType: APPLY_PATCH, body: c.sent });
  const options = { manager: ARGO, now: serverClock(c.forced), ...(target.crds ? { crds: target.crds } : {}) };
  try {
    c.engine = serverSideDiff(frozenCopy(live), frozenCopy(c.desired), options);
  } catch (error) {
    c.engine = { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
  c.differences.push(...compareCase(c.forced, c.unforced, c.engine, live));
  if (c.forced.statusCode >= 300) {
    if (c.differences.length === 0) counts.refusedByBoth++;
    return c;
  }
  counts.compared++;
  if ('predicted' in c.engine) {
    if (c.engine.conflicts.length > 0) counts.withConflicts++;
    if (c.engine.changes.some(isRealChange)) counts.withRealChanges++;
    else counts.unchanged++;
  }
  return c;
}

/**
 * Whether the engine's error names the field and the reason of the server's refusal
 * (`InvalidDocumentError: /spec/x: field not declared in schema` and `… .spec.x: field not declared in schema`).
 */
function bothRefuse(said: string, error: string): boolean {
  const match = /^InvalidDocumentError: (\/\S*): (.+)$/.exec(error);
  return match !== null && said.includes(`${match[1]!.replace(/\//g, '.')}: ${match[2]!}`);
}

/** Every difference between the server's two dry runs and serverSideDiff's answer. */
function compareCase(forced: RawAnswer, unforced: RawAnswer, engine: NonNullable<Case['engine']>, live: Obj): Difference[] {
  const accepted = (a: RawAnswer) => a.statusCode >= 200 && a.statusCode < 300;
  if (!accepted(forced)) {
    const said = String(forced.body?.message ?? forced.text);
    if ('error' in engine && bothRefuse(said, engine.error)) return [];
    return [{ where: 'forced dry run', server: `${forced.statusCode} ${said}`, engine: 'error' in engine ? engine.error : 'accepted', kind: `server refused ${forced.statusCode}` }];
  }
  if ('error' in engine) return [{ where: 'outcome', server: `${forced.statusCode}`, engine: engine.error, kind: `engine threw ${engine.error.split(':')[0]}` }];
  const out: Difference[] = [];
  const server = forced.body ?? {};
  const objects = comparableObjects(server, engine.predicted.object as Obj, false);
  out.push(...managedFieldsDifferences(forced, engine.predicted.managedFields as readonly Obj[]));
  out.push(...differences(objects.server, objects.engine).map((d) => ({ ...d, kind: `object ${d.kind}` })));
  if (accepted(unforced) || unforced.statusCode === 409) {
    const s = sortViews(unforced.statusCode === 409 ? serverConflicts(unforced.body) : []);
    const e = sortViews(engine.conflicts.map((conflict) => engineConflictView(conflict as Obj)));
    out.push(...differences(s, e, '/conflicts').map((d) => ({ ...d, kind: `conflicts ${d.kind}` })));
  } else {
    out.push({ where: 'unforced dry run', server: `${unforced.statusCode} ${unforced.body?.message ?? ''}`, engine: '', kind: `server refused ${unforced.statusCode} without force` });
  }
  // Compared as lists in any order: changes come in the order of the keys of the new object, and
  // the server writes map keys (and a custom resource's every key) sorted, where the engine keeps
  // the order it merged them in (which compare.ts, comparing objects, does not look at either).
  const schema = live.kind === 'Rollout' ? { schema: schemaFromCRD(ROLLOUT_CRD, 'v1alpha1') } : {};
  out.push(...changeDifferences(semanticDiff(live, withLiveMetadata(server, live), schema), engine.changes));
  return out;
}

/** JSON with every object's keys sorted: values compared whatever the order of their keys. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v));

/** The changes only one side has (as multisets, keys in any order), each with where it is. */
function changeDifferences(server: readonly SemanticChange[], engine: readonly SemanticChange[]): Difference[] {
  const left = engine.map((change) => canonical(change));
  const out: Difference[] = [];
  for (const change of server) {
    const i = left.indexOf(canonical(change));
    if (i >= 0) left.splice(i, 1);
    else out.push({ where: `changes ${change.path}`, server: line(change), engine: '(absent)', kind: `changes: server only ${change.kind} ${generalise(change.pointer)}` });
  }
  for (const text of left) {
    const change = JSON.parse(text) as SemanticChange;
    out.push({ where: `changes ${change.path}`, server: '(absent)', engine: text, kind: `changes: engine only ${change.kind} ${generalise(change.pointer)}` });
  }
  return out;
}

/** One case in full: its replay, how live was built, what was sent, both answers, the differences. */
function formatCase(c: Case, full: boolean): string {
  const lines = [`── seed ${SEED} case ${c.index} (${c.target}) — replay: ${replay(c.index)}`, ...c.steps.map((s) => `   step: ${s}`)];
  if (full) {
    lines.push(`   live: ${line(c.live)}`, `   desired: ${line(c.desired)}`, `   sent (Argo CD's form): ${line(c.sent)}`);
    lines.push(`   server, forced: ${c.forced?.statusCode} ${line(c.forced?.body)}`, `   server, unforced: ${c.unforced?.statusCode} ${line(c.unforced?.body?.details ?? c.unforced?.body?.metadata?.managedFields)}`);
    lines.push(`   engine: ${line(c.engine)}`);
  }
  lines.push('   differences (server | engine):', ...c.differences.map((d) => `     ${d.where}: ${d.server} | ${d.engine}`));
  return lines.join('\n');
}

function failureReport(cases: readonly Case[]): string {
  const failed = cases.filter((c) => c.differences.length > 0);
  if (failed.length === 0) return '';
  const file = join(tmpdir(), `kubepatch-server-side-diff-${SEED}.txt`);
  writeFileSync(file, failed.map((c) => formatCase(c, true)).join('\n\n'));
  const classes = new Map<string, Case[]>();
  for (const c of failed) for (const kind of new Set(c.differences.map((d) => d.kind))) classes.set(kind, [...(classes.get(kind) ?? []), c]);
  const summary = [...classes].sort((a, b) => b[1].length - a[1].length).map(([kind, list]) => `${String(list.length).padStart(5)}  ${kind}  (first: case ${list[0]!.index}, ${list[0]!.target})`);
  const examples = [...new Set([...classes.values()].map((list) => list[0]!))].slice(0, 8).map((c) => formatCase(c, false));
  return [`${failed.length} of ${cases.length} cases where serverSideDiff and the server differ (seed ${SEED}; all in full in ${file}), by class:`, ...summary, '', ...examples, '', 'The first in full:', formatCase(failed[0]!, true)].join('\n');
}

describe.skipIf(skipReason)("Argo CD's Server-Side Diff offline: serverSideDiff against the server's dry-run apply", () => {
  const cases: Case[] = [];
  const counts: Counts = { cases: 0, compared: 0, withConflicts: 0, withRealChanges: 0, unchanged: 0, normalized: 0, refusedByBoth: 0, byTarget: {} };

  beforeAll(async () => {
    process.stderr.write(`server-side diff: seed ${SEED} (KUBEPATCH_SSD_SEED)\n`);
    const namespaces = [uniqueName('ssd'), uniqueName('ssd')];
    for (const ns of namespaces) await createNamespace(ns);
    const indexes = ONLY ?? Array.from({ length: CASES }, (_, i) => i);
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < indexes.length; i = next++) cases[i] = await runCase(indexes[i]!, namespaces[indexes[i]! % namespaces.length]!, counts);
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
  }, 300_000);

  it("serverSideDiff's prediction, conflicts and changes equal the server's dry runs in every case", () => {
    expect(failureReport(cases)).toBe('');
  });

  it('counts: cases of every kind, some with conflicts, some with changes, some in sync', () => {
    process.stderr.write(`server-side diff, seed ${SEED}: ${line(counts)}\n`);
    if (ONLY !== undefined) return;
    expect(counts.compared).toBeGreaterThanOrEqual(100);
    expect(Object.keys(counts.byTarget).sort()).toEqual([...KINDS].sort());
    expect(counts.withConflicts).toBeGreaterThan(5);
    expect(counts.withRealChanges).toBeGreaterThan(20);
    expect(counts.unchanged).toBeGreaterThan(0);
    expect(counts.normalized).toBeGreaterThan(0);
  });
});
