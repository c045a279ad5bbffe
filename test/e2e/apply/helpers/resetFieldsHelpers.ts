// Helpers of test/e2e/apply/resetFields.test.ts: requests, managedFields sets and the small JSON
// operations the test needs to say what was sent.
import { expect } from 'vitest';
import { FieldSet } from '../../../../src/apply/fieldsV1/FieldSet.js';
import type { FieldPath } from '../../../../src/apply/fieldsV1/PathElement.js';
import type { JsonObject, JsonValue } from '../../../../src/json/JsonValue.ts';
import { serverOk, serverRequest } from '../../helpers/serverRequest.js';

const APPLY = 'application/apply-patch+yaml';

/** The collection URL of `resource` in `apiVersion` (core `v1` under /api), in namespace `ns` when given. */
export function collectionPath(apiVersion: string, resource: string, ns?: string): string {
  const root = apiVersion === 'v1' ? '/api/v1' : `/apis/${apiVersion}`;
  return ns === undefined ? `${root}/${resource}` : `${root}/namespaces/${ns}/${resource}`;
}

/** A server-side apply (forced) as `manager`; resolves with the status code and stored object. */
export async function apply(path: string, manager: string, body: unknown): Promise<{ statusCode: number; object: any }> {
  const answer = await serverRequest('PATCH', `${path}?fieldManager=${manager}&force=true`, body, APPLY);
  if (answer.statusCode >= 300) throw new Error(`apply to ${path} answered ${answer.statusCode}: ${JSON.stringify(answer.body)}`);
  return { statusCode: answer.statusCode, object: answer.body };
}

/** A PUT as `manager`; resolves with the stored object. */
export function put(path: string, manager: string, body: unknown): Promise<any> {
  return serverOk('PUT', `${path}?fieldManager=${manager}`, body);
}

/** The fields `manager` owns through `operation` (and `subresource`), empty when it has no entry. */
export function ownedBy(object: any, manager: string, operation: 'Apply' | 'Update', subresource?: string): FieldSet {
  const entries: any[] = object.metadata.managedFields ?? [];
  const entry = entries.find((e) => e.manager === manager && e.operation === operation && e.subresource === subresource);
  return entry === undefined ? FieldSet.EMPTY : FieldSet.fromFieldsV1(entry.fieldsV1);
}

/** True when the set holds no path at or under a path of `reset` (what the server's exclude filter guarantees). */
export function ownsNothingUnder(owned: FieldSet, reset: FieldSet | undefined): boolean {
  return reset === undefined || owned.recursiveDifference(reset).equals(owned);
}

/**
 * The leaf paths of an apply configuration as the field manager counts them: objects field by
 * field, an empty object or a scalar a leaf; without `apiVersion`, `kind`, `metadata.name` and
 * `metadata.namespace`, which managedFields never hold. Lists are left out (the test's
 * configurations compare them otherwise): `hasLists` says whether there were any.
 */
export function configLeaves(config: JsonObject): { set: FieldSet; hasLists: boolean } {
  const paths: FieldPath[] = [];
  let hasLists = false;
  const walk = (value: JsonValue, path: FieldPath): void => {
    if (Array.isArray(value)) {
      hasLists = true;
      return;
    }
    if (value !== null && typeof value === 'object' && Object.keys(value).length > 0) {
      for (const [name, member] of Object.entries(value)) walk(member, [...path, { kind: 'field', name }]);
      return;
    }
    paths.push(path);
  };
  for (const [name, member] of Object.entries(config)) {
    if (name === 'apiVersion' || name === 'kind') continue;
    if (name === 'metadata' && member !== null && typeof member === 'object' && !Array.isArray(member)) {
      const { name: _name, namespace: _namespace, ...rest } = member;
      walk(rest, [{ kind: 'field', name }]);
    } else walk(member, [{ kind: 'field', name }]);
  }
  return { set: FieldSet.fromPaths(paths.filter((path) => path.length > 1 || path[0]?.kind !== 'field' || path[0].name !== 'metadata')), hasLists };
}

/**
 * `base` with `patch` merged in as server-side apply merges maps (member by member); lists and
 * scalars replace. Enough to say what an apply of maps and scalars leaves before the strategy runs.
 */
export function overlay(base: JsonValue | undefined, patch: JsonValue): JsonValue {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const result: JsonObject = base !== null && typeof base === 'object' && !Array.isArray(base) ? { ...base } : {};
  for (const [name, member] of Object.entries(patch)) result[name] = overlay(result[name], member);
  return result;
}

/** A deep copy through JSON. */
export const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The parts of an object that reset rules decide. */
export function resetParts(object: any): { spec: unknown; status: unknown; labels: unknown; annotations: unknown } {
  return { spec: object.spec, status: object.status, labels: object.metadata?.labels, annotations: object.metadata?.annotations };
}

/** Expects the stored object's spec, status, labels and annotations to be those predicted. */
export function expectResetParts(stored: any, predicted: any, what: string): void {
  expect(resetParts(stored), what).toEqual(resetParts(predicted));
}

/**
 * What an apply of `config` must leave `owned` with: nothing at or under `reset`, and every leaf
 * of the configuration outside it (exactly those when the configuration has no lists).
 */
export function expectApplyOwnership(owned: FieldSet, config: JsonObject, reset: FieldSet | undefined, what: string): void {
  expect(ownsNothingUnder(owned, reset), `${what} owns no reset field:\n${owned.toString()}`).toBe(true);
  const leaves = configLeaves(config);
  const expected = reset === undefined ? leaves.set : leaves.set.recursiveDifference(reset);
  if (leaves.hasLists) expect(expected.difference(owned.leaves()).toString(), `${what} owns every field it set`).toBe('');
  else expect(owned.leaves().toString(), `${what} owns exactly what it set outside the reset fields`).toBe(expected.toString());
}
