import { FieldSet } from '../../../src/apply/fieldsV1/FieldSet.js';
import { ApplySchema } from '../../../src/apply/schema/ApplySchema.js';
import { smdDeducedSchema, smdSchemaFromTable, type SmdSchema } from '../../helpers/smdSchema.js';
import { advance, comparable, runOurs, sortKeys, type Outcome, type UpdaterState, type UpdaterStep } from './outcome.js';
import type { Scenario, ScenarioWrite } from './scenario.js';
import type { SmdOracle } from './smdOracle.js';

// Runs one of structured-merge-diff's merge scenarios through both updaters, each from its own
// state (as the Go fixture starts: no object, no managers), and says where each one departs from
// what the Go test expects, and where the two depart from each other.

/** A schema for both sides: kubepatch's and structured-merge-diff's. */
export interface BothSchemas {
  /** What both were made from. */
  readonly source: Scenario['schema'];
  readonly ours: ApplySchema;
  readonly smd: { readonly schema: SmdSchema; readonly typeName: string; readonly schemaId?: string };
}

/** Both schemas of a scenario's schema. */
export function bothSchemas(schema: Scenario['schema']): BothSchemas {
  if (schema === 'deduced') return { source: schema, ours: ApplySchema.deduced(), smd: smdDeducedSchema() };
  return { source: schema, ours: ApplySchema.fromTable(schema.table, schema.root), smd: smdSchemaFromTable(schema.table, schema.root) };
}

/** What one side did in a scenario: the problems against the Go test's expectations, and its outcomes step by step. */
export interface ScenarioRun {
  readonly problems: string[];
  readonly outcomes: Outcome[];
  readonly final: UpdaterState;
}

/** The problems of one step's outcome against what the scenario's operation expects. */
function stepProblems(op: ScenarioWrite, outcome: Outcome, index: number): string[] {
  const at = `operation ${index} (${op.op} by ${op.manager})`;
  if (op.error === true) return outcome.kind === 'error' ? [] : [`${at}: expected an error, got ${JSON.stringify(outcome)}`];
  if (op.conflicts !== undefined) {
    const got = outcome.kind === 'conflicts' ? outcome.conflicts.map((c) => `${c.manager} ${c.path}`).sort() : [];
    const want = op.conflicts.map((c) => `${c.manager} ${c.path}`).sort();
    return JSON.stringify(got) === JSON.stringify(want) ? [] : [`${at}: expected conflicts ${JSON.stringify(want)}, got ${JSON.stringify(outcome)}`];
  }
  return outcome.kind === 'ok' ? [] : [`${at}: expected success, got ${JSON.stringify(outcome)}`];
}

/** The problems of the final state against the scenario's expected object and managers (sets and versions). */
function finalProblems(scenario: Scenario, final: UpdaterState): string[] {
  const problems: string[] = [];
  if (scenario.object !== undefined && JSON.stringify(sortKeys(final.live)) !== JSON.stringify(sortKeys(scenario.object))) {
    problems.push(`object: expected ${JSON.stringify(scenario.object)}, got ${JSON.stringify(final.live)}`);
  }
  if (scenario.managed !== undefined) {
    const got = Object.fromEntries(final.managers.map((m) => [m.name, `${m.apiVersion} ${m.fieldsV1}`]));
    const want = Object.fromEntries(
      Object.entries(scenario.managed).map(([name, m]) => [name, `${m.apiVersion ?? 'v1'} ${FieldSet.fromFieldsV1(m.fields).serialize()}`]),
    );
    if (JSON.stringify(sortKeys(got)) !== JSON.stringify(sortKeys(want))) problems.push(`managers: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
  }
  return problems;
}

/** The step a scenario's operation is. */
function stepOf(op: ScenarioWrite): UpdaterStep {
  return { op: op.op === 'update' ? 'update' : 'apply', manager: op.manager, apiVersion: op.apiVersion ?? 'v1', object: op.object, force: op.op === 'forceApply' };
}

/** Runs `scenario` through the Go oracle and through kubepatch, each from its own state. */
export async function runScenario(scenario: Scenario, oracle: SmdOracle): Promise<{ readonly go: ScenarioRun; readonly ours: ScenarioRun }> {
  const ignored = scenario.ignored === undefined ? undefined : FieldSet.fromFieldsV1(scenario.ignored).serialize();
  const run = async (side: (state: UpdaterState, step: UpdaterStep, schemas: BothSchemas) => Promise<Outcome> | Outcome): Promise<ScenarioRun> => {
    let state: UpdaterState = { live: null, managers: [] };
    let schemas = bothSchemas(scenario.schema);
    const problems: string[] = [];
    const outcomes: Outcome[] = [];
    for (const [index, op] of scenario.ops.entries()) {
      if (op.op === 'changeSchema') {
        schemas = bothSchemas(op.schema);
        continue;
      }
      const outcome = await side(state, stepOf(op), schemas);
      outcomes.push(outcome);
      problems.push(...stepProblems(op, outcome, index));
      state = advance(state, outcome);
    }
    problems.push(...finalProblems(scenario, state));
    return { problems, outcomes, final: state };
  };
  const go = await run((state, step, schemas) =>
    oracle.run({ ...step, ...schemas.smd, live: state.live, managers: state.managers, ...(ignored === undefined ? {} : { ignored }) }),
  );
  const ours = await run((state, step, schemas) => runOurs(state, step, schemas.ours, ignored));
  return { go, ours };
}

/** The steps where the two sides' outcomes differ (the first one explains the rest). */
export function divergence(go: ScenarioRun, ours: ScenarioRun): { readonly step: number; readonly go: unknown; readonly ours: unknown }[] {
  return go.outcomes.flatMap((outcome, step) => {
    const mine = ours.outcomes[step]!;
    return JSON.stringify(comparable(outcome)) === JSON.stringify(comparable(mine)) ? [] : [{ step, go: comparable(outcome), ours: comparable(mine) }];
  });
}
