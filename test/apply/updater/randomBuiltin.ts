import fc from 'fast-check';
import { ApplySchema } from '../../../src/apply/schema/ApplySchema.js';
import { builtinApplyTable } from '../../../src/apply/schema/builtinApplyTable.js';
import type { JsonValue } from '../../../src/json/JsonValue.js';
import { editOf, KIND_NAMES, KINDS, serverFields, type KindName, type Obj } from '../../helpers/builtinObjects.js';
import { smdSchemaFromTable, type SmdSchema } from '../../helpers/smdSchema.js';
import { advance, type UpdaterState, type UpdaterStep } from './outcome.js';
import { compareStep, type HistoryStats } from './randomHistories.js';
import type { BothSchemas } from './runScenario.js';
import type { SmdOracle } from './smdOracle.js';

// Random histories of built-in objects (Deployment, StatefulSet, Pod, Service, from
// test/helpers/builtinObjects.ts) under kubepatch's built-in apply table, written as
// structured-merge-diff's schema whole (sent to the oracle once): applies of manifests and of edits
// of them, updates that edit the live object and add what the server adds (status), by two or
// three managers, sometimes with `status` ignored (a strategy's reset fields).

const TYPE_IDS: { readonly [kind in KindName]: string } = {
  Deployment: 'io.k8s.api.apps.v1.Deployment',
  StatefulSet: 'io.k8s.api.apps.v1.StatefulSet',
  Pod: 'io.k8s.api.core.v1.Pod',
  Service: 'io.k8s.api.core.v1.Service',
};

let smdTable: SmdSchema | undefined;

/** Both schemas of a built-in kind; the structured-merge-diff one is the whole table, named `builtin`. */
function builtinSchemas(kind: KindName): BothSchemas {
  const table = builtinApplyTable();
  smdTable ??= smdSchemaFromTable(table, TYPE_IDS[kind]).schema;
  return {
    source: { table, root: TYPE_IDS[kind] },
    ours: ApplySchema.fromTable(table, TYPE_IDS[kind]),
    smd: { schema: smdTable, typeName: TYPE_IDS[kind], schemaId: 'builtin' },
  };
}

/** `value` without members whose value is `null` (which pruning may leave; the object shapes do not edit them). */
function withoutNulls(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).flatMap(([key, member]) => (member === null ? [] : [[key, withoutNulls(member)]])));
}

/** Runs `runs` random histories of built-in objects as a property; a disagreement fails it with the step that shows it. */
export async function runBuiltinHistories(oracle: SmdOracle, runs: number): Promise<HistoryStats> {
  const stats: HistoryStats = { steps: 0, conflicts: 0, pruned: 0, noops: 0, errors: 0 };
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...KIND_NAMES), fc.gen(), async (kind, g) => {
      const schemas = builtinSchemas(kind);
      const managers = ['kubectl', 'controller', 'helm'].slice(0, g(fc.integer, { min: 2, max: 3 }));
      const ignored = g(fc.boolean) ? '{"f:status":{}}' : undefined;
      const lastConfig = new Map<string, Obj>();
      let state: UpdaterState = { live: null, managers: [] };
      const steps = g(fc.integer, { min: 3, max: 6 });
      for (let i = 0; i < steps; i++) {
        const manager = g(fc.constantFrom, ...managers);
        const apply = g(fc.integer, { min: 0, max: 4 }) < 3;
        const last = lastConfig.get(manager);
        const live = state.live === null ? null : (withoutNulls(state.live) as Obj);
        let object: Obj;
        if (apply) object = last !== undefined && g(fc.boolean) ? g(() => editOf(last)) : g(() => KINDS[kind].gen);
        else object = live === null ? g(() => KINDS[kind].gen) : g(() => editOf(live));
        if (!apply && g(fc.boolean)) object = serverFields(object, i + 1);
        const step: UpdaterStep = { op: apply ? 'apply' : 'update', manager, apiVersion: String(object['apiVersion']), object: object as JsonValue, force: apply && g(fc.boolean) };
        const found = await compareStep(oracle, schemas, state, step, ignored, stats);
        if (found.disagreement !== undefined) throw new Error(found.disagreement);
        if (apply && found.go.kind === 'ok') lastConfig.set(manager, object);
        state = advance(state, found.go);
      }
    }),
    { numRuns: runs },
  );
  return stats;
}
