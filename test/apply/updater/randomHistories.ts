import fc from 'fast-check';
import { FieldSet } from '../../../src/apply/fieldsV1/FieldSet.js';
import type { ApplyTypeRef } from '../../../src/apply/schema/ApplyType.js';
import type { JsonValue } from '../../../src/json/JsonValue.js';
import { advance, comparable, runOurs, type Outcome, type UpdaterState, type UpdaterStep } from './outcome.js';
import { bothSchemas, type BothSchemas } from './runScenario.js';
import { changeAtomicity, randomSchema, type RandomSchema } from './randomSchema.js';
import { changeValue, freshValue, invalidate, type Rand } from './randomValue.js';
import type { SmdOracle } from './smdOracle.js';

// Random histories: from no object (or an empty one), 3 to 8 applies (forced or not) and updates by
// 2 to 4 managers at one or two apiVersions, sometimes with ignored fields, run through
// structured-merge-diff (Go) and kubepatch and compared after every step. Each history goes on
// from Go's outcome (the same as kubepatch's, as long as they agree).

/** What the histories exercised, counted on Go's outcomes. */
export interface HistoryStats {
  steps: number;
  conflicts: number;
  /** Applies that removed something the live object had (pruning, or a field taken whole). */
  pruned: number;
  noops: number;
  errors: number;
}

/** The JSON Pointers of every member of every object in `value` (not into arrays). */
function memberPaths(value: JsonValue, prefix = '', into: Set<string> = new Set()): Set<string> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, member] of Object.entries(value)) {
      into.add(`${prefix}/${key}`);
      memberPaths(member, `${prefix}/${key}`, into);
    }
  }
  return into;
}

/** The ignored fields of a history: sometimes one field of the root, or one under it. */
function ignoredOf(schema: RandomSchema, r: Rand): string | undefined {
  if (r.int(100) >= 15) return undefined;
  const names = schema === 'deduced' ? ['a', 'b'] : Object.keys(schema.table[schema.root]!.fields);
  const name = names[r.int(names.length)] ?? 'a';
  return FieldSet.fromFieldsV1(r.int(3) === 0 ? { [`f:${name}`]: { 'f:a': {} } } : { [`f:${name}`]: {} }).serialize();
}

/**
 * Plays one random history of `schema`, choices drawn from `r`: returns the reproduction of the
 * first step where the two disagree, or `undefined`; counts what it exercised into `stats`. Every
 * object is valid (see {@link playInvalid} for the others); applies are null now and then. With
 * `schemaChange`, the schema changes the atomicity of one of its types half way through (the live
 * object and the managers' sets stay as they were written).
 */
export async function playHistory(oracle: SmdOracle, first: RandomSchema, r: Rand, stats: HistoryStats, schemaChange = false): Promise<string | undefined> {
  let schema = first;
  let schemas = bothSchemas(schema);
  const rootType: ApplyTypeRef = schema === 'deduced' ? { kind: 'deduced' } : { kind: 'struct', ref: schema.root };
  const managers = Array.from({ length: 2 + r.int(3) }, (_, i) => `manager-${i}`);
  const ignored = ignoredOf(schema, r);
  const lastConfig = new Map<string, JsonValue>();
  let state: UpdaterState = { live: r.int(2) === 0 ? null : {}, managers: [] };
  const steps = 3 + r.int(6);
  for (let i = 0; i < steps; i++) {
    if (schemaChange && i === steps >> 1) {
      schema = changeAtomicity(schema, r);
      schemas = bothSchemas(schema);
    }
    const table = schema === 'deduced' ? {} : schema.table;
    const manager = managers[r.int(managers.length)]!;
    const apiVersion = r.int(5) === 0 ? 'v2' : 'v1';
    const apply = r.int(5) < 3;
    const options = { duplicates: !apply && r.int(3) === 0 };
    const last = lastConfig.get(manager);
    let object = apply
      ? last !== undefined && r.int(10) < 6
        ? changeValue(last, rootType, table, r, options)
        : freshValue(rootType, table, r, options)
      : changeValue(state.live ?? {}, rootType, table, r, options);
    if (object === null || typeof object !== 'object' || Array.isArray(object)) object = {};
    if (apply && r.int(30) === 0) object = null;
    const step: UpdaterStep = { op: apply ? 'apply' : 'update', manager, apiVersion, object, force: apply && r.int(10) < 3 };
    const found = await compareStep(oracle, schemas, state, step, ignored, stats);
    if (found.disagreement !== undefined) return found.disagreement;
    if (apply && found.go.kind === 'ok') lastConfig.set(manager, object);
    state = advance(state, found.go);
  }
  return undefined;
}

/**
 * Plays one step with an invalid object (applied or written by an update) from a valid live object
 * that one update wrote: both must refuse it, or both accept it alike.
 */
export async function playInvalid(oracle: SmdOracle, schema: Exclude<RandomSchema, 'deduced'>, r: Rand, stats: HistoryStats): Promise<string | undefined> {
  const schemas = bothSchemas(schema);
  const rootType: ApplyTypeRef = { kind: 'struct', ref: schema.root };
  const written: UpdaterStep = { op: 'update', manager: 'writer', apiVersion: 'v1', object: freshValue(rootType, schema.table, r, { duplicates: true }), force: false };
  const first = await compareStep(oracle, schemas, { live: null, managers: [] }, written, undefined, stats);
  if (first.disagreement !== undefined) return first.disagreement;
  const state = advance({ live: null, managers: [] }, first.go);
  const apply = r.int(2) === 0;
  const valid = r.int(2) === 0 ? changeValue(state.live, rootType, schema.table, r, { duplicates: !apply }) : freshValue(rootType, schema.table, r, { duplicates: false });
  const step: UpdaterStep = { op: apply ? 'apply' : 'update', manager: 'other', apiVersion: 'v1', object: invalidate(valid, rootType, schema.table, r), force: r.int(2) === 0 };
  return (await compareStep(oracle, schemas, state, step, undefined, stats)).disagreement;
}

/** Runs `step` from `state` on both sides: Go's outcome, and the reproduction of a disagreement if they disagree. */
export async function compareStep(
  oracle: SmdOracle,
  schemas: BothSchemas,
  state: UpdaterState,
  step: UpdaterStep,
  ignored: string | undefined,
  stats: HistoryStats,
): Promise<{ readonly go: Outcome; readonly disagreement?: string }> {
  const go = await oracle.run({ ...step, ...schemas.smd, live: state.live, managers: state.managers, ...(ignored === undefined ? {} : { ignored }) });
  const ours = runOurs(state, step, schemas.ours, ignored);
  count(stats, state, step, go);
  if (JSON.stringify(comparable(go)) === JSON.stringify(comparable(ours))) return { go };
  const note = await reconciledNote(oracle, schemas, state, step, ignored, go);
  const described = schemas.smd.schemaId === undefined ? schemas.source : `the built-in type ${schemas.smd.typeName}`;
  return { go, disagreement: `${disagreement(described, state, step, ignored, go, ours)}${note}` };
}

/**
 * When Go's reconciliation of the managers' sets with the schema (its Updater's first step)
 * changes them and kubepatch, given the reconciled sets, agrees with Go: a line that says so.
 */
async function reconciledNote(oracle: SmdOracle, schemas: BothSchemas, state: UpdaterState, step: UpdaterStep, ignored: string | undefined, go: Outcome): Promise<string> {
  const reconciled = await oracle.run({ ...step, op: 'reconcile', ...schemas.smd, live: state.live, managers: state.managers });
  if (reconciled.kind !== 'ok' || JSON.stringify(reconciled.managers) === JSON.stringify(state.managers)) return '';
  const ours = runOurs({ live: state.live, managers: reconciled.managers }, step, schemas.ours, ignored);
  if (JSON.stringify(comparable(go)) !== JSON.stringify(comparable(ours))) return '';
  return `\nGiven the managers as Go reconciles them with the schema first (${JSON.stringify(reconciled.managers)}), kubepatch agrees: it lacks reconcileManagedFieldsWithSchemaChanges.`;
}

/**
 * Runs `runs` random histories (`'histories'`, {@link playHistory}; `'schema-change'` with a change
 * of schema half way) or invalid steps (`'invalid'`, {@link playInvalid}) as a property; a
 * disagreement fails it with the step that shows it.
 */
export async function runProperty(oracle: SmdOracle, kind: 'histories' | 'schema-change' | 'invalid', runs: number): Promise<HistoryStats> {
  const stats: HistoryStats = { steps: 0, conflicts: 0, pruned: 0, noops: 0, errors: 0 };
  await fc.assert(
    fc.asyncProperty(randomSchema, fc.gen(), async (schema, g) => {
      const r: Rand = { int: (n) => (n <= 1 ? 0 : g(fc.nat, { max: n - 1 })) };
      const found =
        kind === 'histories' || kind === 'schema-change'
          ? await playHistory(oracle, schema, r, stats, kind === 'schema-change')
          : schema === 'deduced'
            ? undefined
            : await playInvalid(oracle, schema, r, stats);
      if (found !== undefined) throw new Error(found);
    }),
    { numRuns: runs },
  );
  return stats;
}

/** Counts what Go's outcome of `step` shows into `stats`. */
function count(stats: HistoryStats, state: UpdaterState, step: UpdaterStep, go: Outcome): void {
  stats.steps++;
  if (go.kind === 'conflicts') stats.conflicts++;
  if (go.kind === 'error') stats.errors++;
  if (go.kind === 'ok' && go.noop) stats.noops++;
  if (go.kind === 'ok' && !go.noop && step.op === 'apply') {
    const after = memberPaths(go.object);
    if ([...memberPaths(state.live)].some((path) => !after.has(path))) stats.pruned++;
  }
}

/** A reproduction of a disagreement: the schema, the step and its starting state, and both answers. */
function disagreement(schema: unknown, state: UpdaterState, step: UpdaterStep, ignored: string | undefined, go: Outcome, ours: Outcome): string {
  return [
    'kubepatch and structured-merge-diff disagree:',
    `schema: ${JSON.stringify(schema)}`,
    `live: ${JSON.stringify(state.live)}`,
    `managers: ${JSON.stringify(state.managers)}`,
    ...(ignored === undefined ? [] : [`ignored: ${ignored}`]),
    `${step.op}${step.force ? ' (force)' : ''} by ${step.manager} at ${step.apiVersion}: ${JSON.stringify(step.object)}`,
    `structured-merge-diff: ${JSON.stringify(comparable(go))}${go.kind === 'error' ? ` (${go.message})` : ''}`,
    `kubepatch:             ${JSON.stringify(comparable(ours))}${ours.kind === 'error' || ours.kind === 'crash' ? ` (${ours.message})` : ''}`,
  ].join('\n');
}
