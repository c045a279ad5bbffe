import { FieldSet } from '../../../src/apply/fieldsV1/FieldSet.js';
import { formatFieldPath } from '../../../src/apply/fieldsV1/formatFieldPath.js';
import type { ApplySchema } from '../../../src/apply/schema/ApplySchema.js';
import { updaterApply, updaterUpdate, type VersionedSet } from '../../../src/apply/updater/updater.js';
import { InvalidDocumentError } from '../../../src/errors/InvalidDocumentError.js';
import type { JsonObject, JsonValue } from '../../../src/json/JsonValue.js';
import type { OracleManager } from './smdOracle.js';

// One apply or update, run by kubepatch's updater, and its outcome in the form both sides are
// compared in: the object and every manager's set as text, or the conflicts, or an error.

/**
 * What an operation did. `ok`: the object afterwards (`noop` when Apply returned nil) and every
 * manager, sorted by name, its set as `Set.ToJSON` text; `conflicts`: sorted; `error`: refused as
 * invalid; `crash`: kubepatch threw something else.
 */
export type Outcome =
  | { readonly kind: 'ok'; readonly noop: boolean; readonly object: JsonValue; readonly managers: readonly OracleManager[] }
  | { readonly kind: 'conflicts'; readonly conflicts: readonly OutcomeConflict[] }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'crash'; readonly message: string };

/** A conflict: the manager, its path as the text of the set of that one path, and as `Path.String()`. */
export interface OutcomeConflict {
  readonly manager: string;
  readonly pathSet: string;
  readonly path: string;
}

/** Conflicts in one order, whatever order they were found in. */
export function sortConflicts(conflicts: readonly OutcomeConflict[]): OutcomeConflict[] {
  const text = (c: OutcomeConflict): string => `${c.manager}\u0000${c.pathSet}`;
  return [...conflicts].sort((a, b) => (text(a) < text(b) ? -1 : text(a) > text(b) ? 1 : 0));
}

/** The state an operation starts from: the live object and the managers. */
export interface UpdaterState {
  readonly live: JsonValue;
  readonly managers: readonly OracleManager[];
}

/** One operation: apply (with `force`) or update, by `manager` at `apiVersion`. */
export interface UpdaterStep {
  readonly op: 'apply' | 'update';
  readonly manager: string;
  readonly apiVersion: string;
  readonly object: JsonValue;
  readonly force: boolean;
}

/** Managers as text, sorted by name, as the oracle answers them. */
function managersOut(managers: ReadonlyMap<string, VersionedSet>): OracleManager[] {
  return [...managers]
    .map(([name, m]) => ({ name, apiVersion: m.apiVersion, applied: m.applied, fieldsV1: m.set.serialize() }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** kubepatch's outcome of `step` from `state`; `ignored` is the fieldsV1 text of the ignored fields. */
export function runOurs(state: UpdaterState, step: UpdaterStep, schema: ApplySchema, ignored?: string): Outcome {
  const options = {
    apiVersion: step.apiVersion,
    manager: step.manager,
    managers: new Map(state.managers.map((m) => [m.name, { set: FieldSet.parse(m.fieldsV1), apiVersion: m.apiVersion, applied: m.applied }])),
    ...(ignored === undefined ? {} : { ignored: FieldSet.parse(ignored) }),
  };
  try {
    if (step.op === 'update') {
      return { kind: 'ok', noop: false, object: step.object, managers: managersOut(updaterUpdate(state.live, step.object, schema, options)) };
    }
    const result = updaterApply(state.live, step.object, schema, { ...options, force: step.force });
    if (result.kind === 'conflicts') {
      const conflicts = result.conflicts.map((c) => ({ manager: c.manager, pathSet: FieldSet.fromPaths([c.path]).serialize(), path: formatFieldPath(c.path) }));
      return { kind: 'conflicts', conflicts: sortConflicts(conflicts) };
    }
    return { kind: 'ok', noop: result.object === undefined, object: result.object ?? null, managers: managersOut(result.managers) };
  } catch (error) {
    if (error instanceof InvalidDocumentError) return { kind: 'error', message: error.message };
    return { kind: 'crash', message: error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error) };
  }
}

/** The outcome without what may differ between agreeing implementations (error messages, key order), as JSON. */
export function comparable(outcome: Outcome): JsonValue {
  if (outcome.kind === 'error') return { kind: 'error' };
  const json = JSON.parse(JSON.stringify(outcome)) as JsonValue;
  return sortKeys(outcome.kind === 'ok' && outcome.noop ? { ...(json as JsonObject), object: 'noop (unchanged)' } : json);
}

/** `value` with every object's keys sorted, for comparing objects whatever their key order. */
export function sortKeys(value: JsonValue): JsonValue {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(sortKeys);
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys(value[key]!)]),
  );
}

/** The state after `outcome` (unchanged after conflicts or an error), as structured-merge-diff's test fixture advances it. */
export function advance(state: UpdaterState, outcome: Outcome): UpdaterState {
  if (outcome.kind !== 'ok') return state;
  return { live: outcome.noop ? state.live : outcome.object, managers: outcome.managers };
}
