// What the server's answers must satisfy whatever the engine says: the rules of server-side apply
// the harness relies on (and that the engine is written to), checked on every step.
import { isDeepStrictEqual } from 'node:util';
import { FieldSet } from 'kubepatch';
import type { Obj } from '../../helpers/patchPodTemplate.js';
import { serverConflicts } from './compare.js';
import { htmlEscaped, rawFieldsV1, type RawAnswer } from './http.js';
import type { Op } from './plan.js';

const identity = (e: Obj) => JSON.stringify([e.manager, e.operation, e.operation === 'Update' ? e.apiVersion : '', e.subresource ?? '']);

/** The kinds whose status the main resource does not write (a status subresource), and the reverse. */
const HAS_STATUS_SUBRESOURCE = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'Service']);

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * Annotations without kubectl's last-applied configuration when `kubectl` applies: the server
 * rewrites it to the applied configuration even through /status (after the status reset).
 */
function withoutLastApplied(op: Op, annotations: unknown): unknown {
  if (op.manager !== 'kubectl' || !op.kind.endsWith('apply') || annotations === null || typeof annotations !== 'object') return annotations;
  const rest: Obj = { ...(annotations as Obj) };
  delete rest[LAST_APPLIED];
  return rest;
}

/** The server's invariants broken by this step's answer (empty when none). */
export function serverInvariants(op: Op, live: Obj | null, answer: RawAnswer): string[] {
  const out: string[] = [];
  const ok = answer.statusCode >= 200 && answer.statusCode < 300;
  if (!ok) {
    if (answer.statusCode !== 409) return out; // a refusal for another reason is a generator bug, reported apart
    if (!op.kind.endsWith('apply') || op.force) out.push(`409 for a ${op.force ? 'forced apply' : op.kind}`);
    const conflicts = serverConflicts(answer.body);
    if (conflicts.length === 0) out.push('409 without conflict causes');
    if (!String(answer.body?.message).startsWith(`Apply failed with ${conflicts.length} conflict`)) out.push(`409 message does not count ${conflicts.length} conflicts`);
    for (const c of conflicts) {
      // An object without managedFields: the server gives all its fields to `before-first-apply` first.
      if (c.manager === 'before-first-apply' && (live?.metadata?.managedFields ?? []).length === 0) continue;
      const owner = ((live?.metadata?.managedFields ?? []) as Obj[]).find(
        (e) => e.manager === c.manager && e.operation === c.operation && (e.subresource ?? undefined) === c.subresource && (c.operation === 'Apply' || e.apiVersion === c.apiVersion),
      );
      if (owner === undefined) out.push(`conflict names ${c.manager}/${c.operation}, which has no managedFields entry`);
      else if (!FieldSet.fromFieldsV1(owner.fieldsV1).toString().split('\n').includes(c.serverPath)) out.push(`conflict names ${c.serverPath}, which ${c.manager} does not own`);
      if (c.manager === op.manager && c.operation === 'Apply' && c.subresource === op.subresource) out.push('an applier conflicts with itself');
    }
    return out;
  }
  const object = answer.body ?? {};
  const entries: Obj[] = object.metadata?.managedFields ?? [];
  const raws = rawFieldsV1(answer.text);
  if (raws.length !== entries.length) out.push(`${raws.length} raw fieldsV1 for ${entries.length} entries`);
  const seen = new Set<string>();
  entries.forEach((entry, i) => {
    if (seen.has(identity(entry))) out.push(`two managedFields entries for ${identity(entry)}`);
    seen.add(identity(entry));
    // (`time` may be absent: a manager whose first apply changes nothing gets no time.)
    if (entry.fieldsType !== 'FieldsV1') out.push(`entry ${i} without fieldsType FieldsV1`);
    const set = FieldSet.fromFieldsV1(entry.fieldsV1);
    if (set.isEmpty()) out.push(`entry ${i} (${entry.manager}) owns nothing`);
    if (htmlEscaped(set.serialize()) !== raws[i]) out.push(`entry ${i} (${entry.manager}): FieldSet does not re-serialize the server's bytes`);
  });
  // Writes through one door leave what the other owns alone.
  if (live !== null && HAS_STATUS_SUBRESOURCE.has(String(object.kind))) {
    if (op.subresource === undefined && !isDeepStrictEqual(object.status, live.status)) out.push('a main-resource write changed status');
    if (op.subresource === 'status') {
      if (!isDeepStrictEqual(object.spec, live.spec)) out.push('a status write changed spec');
      for (const field of ['labels', 'annotations', 'finalizers']) {
        if (!isDeepStrictEqual(withoutLastApplied(op, object.metadata?.[field]), withoutLastApplied(op, live.metadata?.[field]))) out.push(`a status write changed metadata.${field}`);
      }
    }
  }
  return out;
}

/** The fields the manager's entry of this step lost (its config dropped them): a removal, when not empty. */
export function droppedFields(op: Op, live: Obj | null, answer: RawAnswer): string[] {
  if (!op.kind.endsWith('apply') || live === null || answer.statusCode >= 300) return [];
  const entryOf = (object: Obj | undefined) =>
    ((object?.metadata?.managedFields ?? []) as Obj[]).find((e) => e.manager === op.manager && e.operation === 'Apply' && e.subresource === op.subresource);
  const before = entryOf(live);
  if (before === undefined) return [];
  const after = entryOf(answer.body);
  const lost = FieldSet.fromFieldsV1(before.fieldsV1).difference(after === undefined ? FieldSet.EMPTY : FieldSet.fromFieldsV1(after.fieldsV1));
  return lost.isEmpty() ? [] : lost.toString().split('\n');
}
