import type { MetadataProblem } from 'kubepatch';
import { serverRequest } from './serverRequest.js';

/** One entry of the server's `Status.details.causes`: the field path and `ErrorBody` (`Invalid value: "x": …`). */
export interface ServerCause {
  readonly field: string;
  readonly message: string;
}

/**
 * Sends `body` to `collection` with `dryRun=All` (validated and admitted, never stored) and returns
 * the causes the server gave, `[]` when it accepted the object. Anything else than 201 or 422 throws.
 */
export async function serverCauses(collection: string, body: unknown): Promise<ServerCause[]> {
  const answer = await serverRequest('POST', `${collection}?dryRun=All`, body);
  if (answer.statusCode === 201 || answer.statusCode === 200) return [];
  if (answer.statusCode !== 422) throw new Error(`POST ${collection} answered ${answer.statusCode}: ${JSON.stringify(answer.body)}`);
  return (answer.body.details?.causes ?? []).map((c: { field: string; message: string }) => ({ field: c.field, message: c.message }));
}

/**
 * How kubepatch's answer differs from the server's, `[]` when they agree: the same number of
 * problems, each problem's message ending one cause's message (matched one to one), and every
 * cause written, field and all, in the message kubepatch throws (`field: Invalid value: "x": …`).
 */
export function disagreements(causes: readonly ServerCause[], problems: readonly MetadataProblem[], thrown: string): string[] {
  const out: string[] = [];
  if (causes.length !== problems.length) out.push(`server gave ${causes.length} causes, kubepatch ${problems.length} problems`);
  const left = [...causes];
  for (const problem of problems) {
    const i = left.findIndex((c) => c.message === problem.message || c.message.endsWith(`: ${problem.message}`));
    if (i < 0) out.push(`kubepatch only: ${problem.path}: ${problem.message}`);
    else left.splice(i, 1);
  }
  for (const cause of left) out.push(`server only: ${cause.field}: ${cause.message}`);
  for (const cause of causes) {
    if (!thrown.includes(`${cause.field}: ${cause.message}`)) out.push(`not in kubepatch's message: ${cause.field}: ${cause.message}`);
  }
  return out;
}

/** The message `validate` throws, `''` when it does not throw. */
export function thrownMessage(validate: () => void): string {
  try {
    validate();
    return '';
  } catch (error) {
    return (error as Error).message;
  }
}

/** Runs `task` on every item, `width` at a time, in order. */
export async function inBatches<T, R>(items: readonly T[], width: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += width) results.push(...(await Promise.all(items.slice(i, i + width).map(task))));
  return results;
}
