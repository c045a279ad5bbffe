import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureGoTool } from '../../../scripts/go/ensureGoTool.js';
import { divergence, runScenario } from './runScenario.js';
import { runBuiltinHistories } from './randomBuiltin.js';
import { runProperty } from './randomHistories.js';
import type { Scenario } from './scenario.js';
import { deducedScenarios } from './scenarios.deduced.js';
import { keyScenarios } from './scenarios.keys.js';
import { leafSetScenarios } from './scenarios.leafSet.js';
import { multipleScenarios } from './scenarios.multiple.js';
import { nestedScenarios } from './scenarios.nested.js';
import { overrideScenarios } from './scenarios.overrides.js';
import { schemaChangeScenarios } from './scenarios.schemaChange.js';
import { SmdOracle } from './smdOracle.js';

// kubepatch's port of structured-merge-diff's merge.Updater against the original, at the version
// go/go.mod resolves (v4.6.0, the one kube-apiserver 1.33 is built with): go/cmd/smd-oracle, built
// once and cached (scripts/go/ensureGoTool.ts), with a converter that converts nothing. First
// structured-merge-diff's own merge scenarios (merge/*_test.go, retold as data in scenarios.*.ts),
// then, with fixed seeds, random schemas (randomSchema.ts) and histories of applies and updates by
// several managers compared after every step (randomHistories.ts), the same with a change of
// schema half way, histories of built-in objects under the built-in table (randomBuiltin.ts), and
// invalid objects. Without Go (and no cached binary) this file is skipped, and says so, unless
// KUBEPATCH_E2E=require. KUBEPATCH_UPDATER_RUNS sets every count of random runs (FC_SEED the seed).

/** Random histories (3 to 8 steps each). */
const HISTORY_RUNS = Number(process.env['KUBEPATCH_UPDATER_RUNS'] ?? 2_000);
/** Random histories whose schema changes half way. */
const SCHEMA_CHANGE_RUNS = Number(process.env['KUBEPATCH_UPDATER_RUNS'] ?? 1_000);
/** Random histories of built-in objects under the built-in apply table. */
const BUILTIN_RUNS = Number(process.env['KUBEPATCH_UPDATER_RUNS'] ?? 300);
/** Random invalid objects, each applied or written once. */
const INVALID_RUNS = Number(process.env['KUBEPATCH_UPDATER_RUNS'] ?? 1_000);

/** Not an assertion: what ends a hung property (a few seconds each, more on a loaded machine). */
const PROPERTY_TIMEOUT = 180_000;

let oracle: SmdOracle | undefined;
let skipped: string | undefined;

beforeAll(async () => {
  try {
    const tool = await ensureGoTool('smd-oracle', (line) => process.stderr.write(`${line}\n`));
    oracle = new SmdOracle(tool.path);
  } catch (error) {
    if (process.env['KUBEPATCH_E2E'] === 'require') throw error;
    skipped = `the updater against structured-merge-diff (Go) is skipped: ${(error as Error).message}`;
    process.stderr.write(`\n${skipped}\n`);
  }
  // The first build compiles structured-merge-diff: give it time, never a timed assertion.
}, 600_000);

afterAll(async () => {
  await oracle?.stop();
});

const scenarios: readonly Scenario[] = [...leafSetScenarios, ...nestedScenarios, ...keyScenarios, ...deducedScenarios, ...multipleScenarios, ...overrideScenarios, ...schemaChangeScenarios];

describe("structured-merge-diff's merge scenarios", () => {
  it('are at least 25, with unique names', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(25);
    expect(new Set(scenarios.map((s) => s.name)).size).toBe(scenarios.length);
  });

  describe.each(scenarios.map((scenario) => [scenario.name, scenario] as const))('%s', (_, scenario) => {
    it('structured-merge-diff (Go) does what its test expects (checks the transcription and the oracle)', async (context) => {
      if (oracle === undefined) return context.skip(skipped);
      const { go } = await runScenario(scenario, oracle);
      expect(go.problems).toEqual([]);
    });

    it('kubepatch does the same as structured-merge-diff at every step, and what the test expects', async (context) => {
      if (oracle === undefined) return context.skip(skipped);
      const { go, ours } = await runScenario(scenario, oracle);
      expect({ divergence: divergence(go, ours), problems: ours.problems }).toEqual({ divergence: [], problems: [] });
    });
  });
});

describe('the updater against structured-merge-diff (Go), on random schemas', () => {
  it(`agrees after every apply and update, on ${HISTORY_RUNS} random histories`, async (context) => {
    if (oracle === undefined) return context.skip(skipped);
    const stats = await runProperty(oracle, 'histories', HISTORY_RUNS);
    // The histories reach what they are meant to exercise (counted on Go's outcomes).
    expect(stats.steps).toBeGreaterThan(HISTORY_RUNS * 3);
    expect(stats.conflicts).toBeGreaterThan(HISTORY_RUNS / 10);
    expect(stats.pruned).toBeGreaterThan(HISTORY_RUNS / 10);
    expect(stats.noops).toBeGreaterThan(HISTORY_RUNS / 10);
  }, PROPERTY_TIMEOUT);

  it(`agrees on ${SCHEMA_CHANGE_RUNS} random histories where the schema changes an atomicity half way`, async (context) => {
    if (oracle === undefined) return context.skip(skipped);
    const stats = await runProperty(oracle, 'schema-change', SCHEMA_CHANGE_RUNS);
    expect(stats.steps).toBeGreaterThan(SCHEMA_CHANGE_RUNS * 3);
  }, PROPERTY_TIMEOUT);

  it(`agrees on ${BUILTIN_RUNS} random histories of built-in objects (Deployment, StatefulSet, Pod, Service)`, async (context) => {
    if (oracle === undefined) return context.skip(skipped);
    const stats = await runBuiltinHistories(oracle, BUILTIN_RUNS);
    expect(stats.steps).toBeGreaterThan(BUILTIN_RUNS * 3);
    expect(stats.conflicts).toBeGreaterThan(BUILTIN_RUNS / 20);
  }, PROPERTY_TIMEOUT);

  it(`refuses what structured-merge-diff refuses (updaterApply and updaterUpdate throw InvalidDocumentError), on ${INVALID_RUNS} random invalid objects`, async (context) => {
    if (oracle === undefined) return context.skip(skipped);
    const stats = await runProperty(oracle, 'invalid', INVALID_RUNS);
    expect(stats.errors).toBeGreaterThan(INVALID_RUNS / 2);
  }, PROPERTY_TIMEOUT);
});
