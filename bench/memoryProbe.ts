/**
 * Child process of the benchmark: makes one call of one contender on one input, so that no other
 * case's garbage counts against it. The parent runs it with `--trace-gc` and reads the heap sizes
 * V8 prints (see {@link peakFromGcTrace}); the child itself only brackets the call with `gc()`.
 *
 * Usage (from run.ts): node --expose-gc --trace-gc <tsx loader> bench/memoryProbe.ts <input> <task> <contender>
 */
import { buildInput } from './inputs.js';
import { tasks } from './tasks.js';

const [inputId, taskId, contenderName] = process.argv.slice(2);
const contender = tasks.find((task) => task.id === taskId)?.contenders.find((candidate) => candidate.name === contenderName);
if (inputId === undefined || contender === undefined) {
  throw new Error(`usage: memoryProbe.ts <input> <task> <contender>; got ${process.argv.slice(2).join(' ')}`);
}
const collect = (globalThis as { gc?: () => void }).gc;
if (collect === undefined) throw new Error('memoryProbe.ts needs node --expose-gc');

const run = contender.prepare(buildInput(inputId));
// Two full collections before the call (the second one's result is the baseline), one after.
collect();
collect();
const started = performance.now();
const output = run();
const ms = performance.now() - started;
collect();
// Keep the output alive until after the last collection, so the call is not optimized away.
if (output === Symbol.for('never')) process.exitCode = 3;
process.stdout.write(`${JSON.stringify({ ms })}\n`);
