// The engine's prediction against the server's answer: managedFields entry by entry (fieldsV1 as
// the server's bytes), the object (what the engine cannot know taken out), and conflicts.
import { FieldSet } from 'kubepatch';
import type { Obj } from '../../helpers/patchPodTemplate.js';
import type { EngineOutcome } from './engine.js';
import { htmlEscaped, rawFieldsV1, type RawAnswer } from './http.js';

/** One difference: where, and both sides (JSON, shortened). */
export interface Difference {
  readonly where: string;
  readonly server: string;
  readonly engine: string;
  /** The difference's class: its place with names and indexes generalised, for the summary. */
  readonly kind: string;
}

/** A conflict as both sides are compared: the owner's identity and the field. */
export interface ConflictView {
  readonly manager: string;
  readonly operation: string;
  readonly apiVersion?: string;
  readonly subresource?: string;
  readonly serverPath: string;
}

const show = (value: unknown): string => {
  const text = value === undefined ? '(absent)' : JSON.stringify(value);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
};

/** `where` with list indexes, map keys under labels/annotations/data and list-item keys generalised. */
export const generalise = (where: string): string =>
  where
    .replace(/\/\d+(?=\/|$)/g, '/*')
    .replace(/\/(labels|annotations|data|selector|matchLabels|nodeSelector)\/[^/]+/g, '/$1/*')
    .replace(/\[[^\]]*\]/g, '[…]');

/** Every place where `server` and `engine` differ (JSON Pointers; a list compared item by item). */
export function differences(server: unknown, engine: unknown, where = ''): Difference[] {
  const here = (): Difference[] => [{ where: where || '/', server: show(server), engine: show(engine), kind: generalise(where || '/') }];
  if (Array.isArray(server) && Array.isArray(engine)) {
    const out: Difference[] = [];
    for (let i = 0; i < Math.max(server.length, engine.length); i++) out.push(...differences(server[i], engine[i], `${where}/${i}`));
    return out;
  }
  const isMap = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (isMap(server) && isMap(engine)) {
    const keys = [...new Set([...Object.keys(server), ...Object.keys(engine)])].sort();
    return keys.flatMap((key) => differences(server[key], engine[key], `${where}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`));
  }
  return JSON.stringify(server) === JSON.stringify(engine) ? [] : here();
}

const DAEMONSET_GENERATION = 'deprecated.daemonset.template.generation';

/**
 * The object as compared: without what the engine does not predict (resourceVersion, uid,
 * creationTimestamp, generation; managedFields are compared apart) and, in the engine's
 * prediction, with the values the server assigns (a new object's namespace, from the URL; a
 * Service's cluster IPs and IP families; a DaemonSet's template generation counter) taken from the
 * server where the engine leaves them out.
 */
export function comparableObjects(server: Obj, engine: Obj, creation: boolean): { server: Obj; engine: Obj } {
  const s = structuredClone(server);
  const e = structuredClone(engine);
  for (const o of [s, e]) {
    if (o.metadata === null || typeof o.metadata !== 'object') continue;
    for (const field of ['resourceVersion', 'uid', 'creationTimestamp', 'generation', 'managedFields']) delete o.metadata[field];
  }
  // A new object's namespace is the request URL's, which the engine is not told.
  if (creation && e.metadata && typeof e.metadata === 'object' && e.metadata.namespace === undefined) e.metadata.namespace = s.metadata?.namespace;
  if (s.kind === 'Service' && s.spec && e.spec && typeof e.spec === 'object') {
    for (const field of ['clusterIP', 'clusterIPs', 'ipFamilies', 'ipFamilyPolicy']) if (e.spec[field] === undefined && s.spec[field] !== undefined) e.spec[field] = s.spec[field];
  }
  const generation = s.metadata?.annotations?.[DAEMONSET_GENERATION];
  if (s.kind === 'DaemonSet' && generation !== undefined && e.metadata && typeof e.metadata === 'object') {
    e.metadata.annotations = { ...(e.metadata.annotations ?? {}), [DAEMONSET_GENERATION]: generation };
  }
  return { server: s, engine: e };
}

/** The managedFields differences: entry by entry, every field but `time`, fieldsV1 as the server's raw bytes. */
export function managedFieldsDifferences(answer: RawAnswer, engineEntries: readonly Obj[]): Difference[] {
  const server: Obj[] = answer.body?.metadata?.managedFields ?? [];
  const raws = rawFieldsV1(answer.text);
  const out: Difference[] = [];
  if (server.length !== engineEntries.length) {
    const names = (entries: readonly Obj[]) => entries.map((m) => `${m.manager}/${m.operation}${m.subresource ? `/${m.subresource}` : ''}`).join(', ');
    out.push({ where: 'managedFields', server: names(server), engine: names(engineEntries), kind: 'managedFields: other entries' });
  }
  for (let i = 0; i < Math.min(server.length, engineEntries.length); i++) {
    const s = server[i]!;
    const e = engineEntries[i]!;
    for (const field of ['manager', 'operation', 'apiVersion', 'fieldsType', 'subresource']) {
      if (s[field] !== e[field]) out.push({ where: `managedFields[${i}].${field}`, server: show(s[field]), engine: show(e[field]), kind: `managedFields: ${field}` });
    }
    const engineText = htmlEscaped(JSON.stringify(e.fieldsV1));
    if (engineText === raws[i]) continue;
    out.push({ where: `managedFields[${i}].fieldsV1 (${s.manager}/${s.operation})`, server: raws[i] ?? '(absent)', engine: engineText, kind: fieldsV1Kind(s.fieldsV1, e.fieldsV1) });
  }
  return out;
}

/** A fieldsV1 difference's class: the first field only one side has, or "same set, other bytes". */
function fieldsV1Kind(server: unknown, engine: unknown): string {
  let s: FieldSet;
  let e: FieldSet;
  try {
    s = FieldSet.fromFieldsV1(server);
    e = FieldSet.fromFieldsV1(engine);
  } catch (error) {
    return `fieldsV1: unreadable (${(error as Error).message})`;
  }
  const missing = s.difference(e).toString().split('\n')[0];
  const extra = e.difference(s).toString().split('\n')[0];
  if (missing) return `fieldsV1: engine lacks ${missing.replace(/\[[^\]]*\]/g, '[…]')}`;
  if (extra) return `fieldsV1: engine adds ${extra.replace(/\[[^\]]*\]/g, '[…]')}`;
  return 'fieldsV1: same set, other bytes';
}

const CAUSE = /^conflict with "((?:[^"\\]|\\.)*)"(?: with subresource "((?:[^"\\]|\\.)*)")?(?: using (\S+))?/;

/** The conflicts of the server's 409, from its causes (`conflict with "m" with subresource "s" using v`). */
export function serverConflicts(body: Obj | undefined): ConflictView[] {
  return ((body?.details?.causes ?? []) as Obj[]).map((cause) => {
    const match = CAUSE.exec(String(cause.message));
    if (match === null) return { manager: `(unparsed: ${cause.message})`, operation: '?', serverPath: String(cause.field) };
    return {
      manager: JSON.parse(`"${match[1]}"`) as string,
      operation: match[3] === undefined ? 'Apply' : 'Update',
      ...(match[3] !== undefined ? { apiVersion: match[3] } : {}),
      ...(match[2] !== undefined ? { subresource: JSON.parse(`"${match[2]}"`) as string } : {}),
      serverPath: String(cause.field),
    };
  });
}

/** An engine conflict as compared (an applier's apiVersion is not part of its identity). */
export function engineConflictView(conflict: Obj): ConflictView {
  return {
    manager: conflict.manager,
    operation: conflict.operation,
    ...(conflict.operation === 'Update' && conflict.apiVersion !== undefined ? { apiVersion: conflict.apiVersion } : {}),
    ...(conflict.subresource ? { subresource: conflict.subresource } : {}),
    serverPath: conflict.serverPath,
  };
}

const conflictKey = (c: ConflictView) => JSON.stringify([c.manager, c.operation, c.apiVersion ?? '', c.subresource ?? '', c.serverPath]);
const sortConflicts = (list: ConflictView[]) => list.sort((a, b) => (conflictKey(a) < conflictKey(b) ? -1 : conflictKey(a) > conflictKey(b) ? 1 : 0));

/** Every difference between the server's answer and the engine's outcome for one step. */
export function compareStep(answer: RawAnswer, engine: EngineOutcome, creation: boolean): Difference[] {
  const ok = answer.statusCode >= 200 && answer.statusCode < 300;
  if ('error' in engine) return [{ where: 'outcome', server: `${answer.statusCode}`, engine: `threw ${engine.error}`, kind: `engine threw ${engine.error.split(':')[0]}` }];
  if ('conflict' in engine) {
    if (answer.statusCode !== 409) return [{ where: 'outcome', server: `${answer.statusCode}`, engine: `conflict: ${engine.conflict.message}`, kind: 'engine conflict, server accepted' }];
    const out: Difference[] = [];
    if (engine.conflict.message !== answer.body?.message) out.push({ where: 'conflict message', server: show(answer.body?.message), engine: show(engine.conflict.message), kind: 'conflict: message' });
    // The server lists its causes manager by manager in Go's map order (random): compared sorted.
    const s = sortConflicts(serverConflicts(answer.body));
    const e = sortConflicts(engine.conflict.conflicts.map(engineConflictView));
    for (const d of differences(s, e, '/conflicts')) out.push({ ...d, kind: `conflict: ${d.kind}` });
    return out;
  }
  if (!ok) return [{ where: 'outcome', server: `${answer.statusCode} ${answer.body?.message ?? ''}`, engine: 'accepted', kind: answer.statusCode === 409 ? 'server conflict, engine accepted' : `server ${answer.statusCode}, engine accepted` }];
  const { server, engine: predicted } = comparableObjects(answer.body ?? {}, engine.result.object, creation);
  return [...managedFieldsDifferences(answer, engine.result.managedFields), ...differences(server, predicted).map((d) => ({ ...d, kind: `object ${d.kind}` }))];
}
