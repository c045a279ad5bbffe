import { ControlPlaneError, type ControlPlaneComponent } from 'kubepatch';
import type { ProcessGroup } from './ProcessGroup.js';

/** How often a readiness check is repeated. */
const POLL_INTERVAL_MS = 100;

/**
 * Repeats `check` until it returns a value other than `undefined`, and fails with a typed error
 * as soon as a process of `group` exits or `deadline` (a `Date.now()` value) passes: a start never
 * hangs. A check that throws counts as "not yet".
 */
export async function waitUntil<T>(
  what: string,
  component: ControlPlaneComponent,
  deadline: number,
  group: ProcessGroup,
  check: () => Promise<T | undefined>,
): Promise<T> {
  let lastProblem = '';
  for (;;) {
    const crashed = group.firstCrashed();
    if (crashed) throw crashed.exitError();
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      lastProblem = (error as Error).message;
    }
    const crashedDuringCheck = group.firstCrashed();
    if (crashedDuringCheck) throw crashedDuringCheck.exitError();
    if (Date.now() >= deadline) {
      const owner = group.processes.find((process) => process.component === component);
      throw new ControlPlaneError(
        'CONTROL_PLANE_TIMEOUT',
        `${what} did not happen in time${lastProblem ? ` (last: ${lastProblem})` : ''}` +
          (owner ? `. ${component}'s last output:\n${owner.output.trimEnd().split('\n').slice(-20).join('\n')}` : ''),
        { component, output: owner?.output ?? '' },
      );
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}
