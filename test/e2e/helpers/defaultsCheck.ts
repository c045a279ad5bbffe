import { isDeepStrictEqual } from 'node:util';
import { isRealChange, schemaFor, semanticDiff, type SemanticChange } from 'kubepatch';
// Internal: the fill semanticDiff does, to compare the table's predictions with the server field by field.
import { fillServerDefaults } from '../../../src/semantic/serverDefaults.js';
import { SchemaLookup } from '../../../src/semantic/SchemaLookup.js';
import { addedFields, type AddedField } from './defaultsAddedFields.js';
import { assignedField } from './defaultsAssigned.js';
import type { DefaultsCase } from './defaultsManifests.js';
import { serverOk } from './serverRequest.js';

/** What one created object shows about the defaults table. */
export interface DefaultsVerdict {
  /** Fields the server added that the table does not predict (and that are not assigned values). */
  readonly missed: AddedField[];
  /** Fields the table predicts that the server did not add, or added with another value. */
  readonly wrong: AddedField[];
  /** Real changes `semanticDiff(stored, sent)` reports outside the assigned fields. */
  readonly unexplained: SemanticChange[];
  /** How many added fields the table predicted, and how many were assigned values. */
  readonly predicted: number;
  readonly assigned: number;
}

/** Creates `testCase` in `namespace` and compares the stored object with the table's prediction. */
export async function checkDefaults(namespace: string, testCase: DefaultsCase): Promise<DefaultsVerdict> {
  const sent = testCase.manifest;
  const kind = String(sent['kind']);
  const stored = await serverOk('POST', testCase.collection(namespace), sent);
  const schema = schemaFor(String(sent['apiVersion']), kind);
  if (schema === undefined) throw new Error(`no built-in schema for ${kind}`);
  const prediction = addedFields(sent, fillServerDefaults(sent as never, schema, new SchemaLookup()).value);
  const changes = semanticDiff(stored, sent);
  const emptyEqualsAbsent = new Set(changes.filter((c) => c.equalBecause === 'empty-equals-absent').map((c) => c.pointer));
  const missed: AddedField[] = [];
  let predicted = 0;
  let assigned = 0;
  const added = addedFields(sent, stored);
  for (const field of added) {
    if (prediction.some((p) => p.pointer === field.pointer && isDeepStrictEqual(p.value, field.value))) predicted++;
    else if (assignedField(kind, field.pointer, field.value) !== undefined) assigned++;
    else if (!emptyEqualsAbsent.has(field.pointer)) missed.push(field);
  }
  const wrong = prediction.filter((p) => !added.some((s) => s.pointer === p.pointer && isDeepStrictEqual(s.value, p.value)));
  const unexplained = changes.filter((c) => isRealChange(c) && assignedField(kind, c.pointer, c.from) === undefined);
  return { missed, wrong, unexplained, predicted, assigned };
}
