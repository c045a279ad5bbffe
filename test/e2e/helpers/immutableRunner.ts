import type { JsonObject } from 'kubepatch';
import { Random } from './seededRandom.js';
import { compareFieldErrors, isImmutabilityError, kubepatchFieldErrors, serverFieldErrors } from './immutableServerErrors.js';
import { serverOk, serverRequest } from './serverRequest.js';

/** One kind of random edit of a stored object; it changes `object` in place. */
export interface Mutation {
  readonly name: string;
  apply(object: any, random: Random): void; // eslint-disable-line @typescript-eslint/no-explicit-any -- free-form edits of stored JSON
}

/** The objects of one rule of `findImmutableFieldChanges` and the edits tried on them. */
export interface UpdateCase {
  readonly title: string;
  /** The collection URL of the kind in a namespace. */
  collection(namespace: string): string;
  /** A valid object to create (different ones by `random`, e.g. with or without optional fields). */
  create(name: string, random: Random): object;
  /** Runs once after the create, e.g. to give a claim a `Bound` status; resolves with the object as stored. */
  prepare?(stored: JsonObject, url: string, random: Random): Promise<JsonObject>;
  readonly mutations: readonly Mutation[];
}

/** What the random updates of one case showed. */
export interface UpdateReport {
  accepted: number;
  refused: number;
  /** kubepatch and the server disagree: each a sentence with the edits, the server's and kubepatch's errors. */
  disagreements: string[];
  /** The server refused the update for a reason that is not immutability: a generator bug, not compared. */
  otherwiseInvalid: string[];
  /** Updates an admission plugin refused before validation ran: kubepatch's rules say nothing about them. */
  notCompared: string[];
  /** Pairs that differ only in how the bad value is printed (Go `%#v` in 1.33, JSON in kubepatch). */
  valueFormat: Set<string>;
}

/**
 * Creates objects of `testCase` in `namespace` and sends `updates` random PUTs of them (a fresh
 * object every `perObject` updates; an accepted update is the next one's old object), each made
 * of one to three mutations. For every PUT it compares the server's verdict with
 * `findImmutableFieldChanges(stored, sent)`: 200 must come with no change, a 422 with exactly the
 * server's "cannot change" field errors (see immutableServerErrors.ts).
 */
export async function runRandomUpdates(
  testCase: UpdateCase,
  options: { namespace: string; seed: number; updates: number; perObject: number },
): Promise<UpdateReport> {
  const random = new Random(options.seed);
  const report: UpdateReport = { accepted: 0, refused: 0, disagreements: [], otherwiseInvalid: [], notCompared: [], valueFormat: new Set() };
  let stored: JsonObject | undefined;
  let url = '';
  for (let i = 0; i < options.updates; i++) {
    if (i % options.perObject === 0) {
      const name = `obj-${options.seed}-${i}`;
      url = `${testCase.collection(options.namespace)}/${name}`;
      stored = await serverOk('POST', testCase.collection(options.namespace), testCase.create(name, random));
      if (testCase.prepare) stored = await testCase.prepare(stored!, url, random);
    }
    const sent = structuredClone(stored!) as JsonObject;
    const picked = pickMutations(testCase.mutations, random);
    for (const mutation of picked) mutation.apply(sent, random);
    const edits = picked.map((mutation) => mutation.name).join(' + ');
    const answer = await serverRequest('PUT', url, sent);
    const expected = kubepatchFieldErrors(stored!, sent);
    const say = (what: string) => `#${i} [${edits}] ${what}; server: ${JSON.stringify(answer.body?.message)}; kubepatch: ${JSON.stringify(expected)}`;
    if (answer.statusCode === 200) {
      report.accepted++;
      if (expected.length > 0) report.disagreements.push(say('accepted by the server, flagged by kubepatch'));
      stored = answer.body;
    } else if (answer.statusCode === 422) {
      report.refused++;
      const errors = serverFieldErrors(answer.body);
      const immutability = errors.filter(isImmutabilityError);
      if (immutability.length < errors.length) report.otherwiseInvalid.push(say('refused for another reason'));
      const unmatched = matchErrors(immutability, expected, report.valueFormat);
      if (unmatched.server.length > 0 || unmatched.kubepatch.length > 0) {
        report.disagreements.push(say(`server only: ${JSON.stringify(unmatched.server)}, kubepatch only: ${JSON.stringify(unmatched.kubepatch)}`));
      }
    } else if (answer.statusCode === 400 && /does not match the (name|namespace)/.test(String(answer.body?.message))) {
      // A new name or namespace: the request names the object, so the server refuses it before
      // validation (docs/immutable-fields.md). kubepatch must flag the metadata field.
      report.refused++;
      if (!expected.some((error) => /^metadata\.(name|namespace):/.test(error))) report.disagreements.push(say('renamed, not flagged'));
    } else if (answer.statusCode === 409 && /Precondition failed: UID in precondition/.test(String(answer.body?.message))) {
      // A new uid is a precondition of the storage layer, checked before validation: 409, not 422.
      report.refused++;
      if (!expected.some((error) => error.startsWith('metadata.uid:'))) report.disagreements.push(say('new uid, not flagged'));
    } else if (answer.statusCode === 403 && /only dynamically provisioned pvc can be resized/.test(String(answer.body?.message))) {
      // The PersistentVolumeClaimResize admission answers before validation: not compared.
      report.notCompared.push(say('refused by admission'));
    } else {
      report.otherwiseInvalid.push(say(`answered ${answer.statusCode}`));
    }
  }
  return report;
}

function pickMutations(mutations: readonly Mutation[], random: Random): Mutation[] {
  const count = 1 + random.int(3);
  const picked = new Set<Mutation>();
  while (picked.size < Math.min(count, mutations.length)) picked.add(random.pick(mutations));
  return [...picked];
}

/** The server's errors and kubepatch's, each matched once with one the other side says the same way. */
function matchErrors(server: string[], kubepatch: string[], valueFormat: Set<string>): { server: string[]; kubepatch: string[] } {
  const left = [...kubepatch];
  const unmatchedServer: string[] = [];
  for (const error of server) {
    const index = left.findIndex((candidate) => compareFieldErrors(error, candidate) !== 'different');
    if (index < 0) {
      unmatchedServer.push(error);
      continue;
    }
    if (compareFieldErrors(error, left[index]!) === 'value-format') valueFormat.add(`${error}  ≈  ${left[index]}`);
    left.splice(index, 1);
  }
  return { server: unmatchedServer, kubepatch: left };
}
