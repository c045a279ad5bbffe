import { describe, expect, it } from 'vitest';
import { ApplyConflictError, ConflictError, isKubepatchError, type PathElement } from 'kubepatch';
import { deepFreeze } from '../helpers/deepFreeze.js';
import { client } from './helpers/subject.js';

const { apiErrorFrom } = client;

// The 409s below are kube-apiserver 1.33.13's, as test/e2e/client/applyConflicts.test.ts provokes
// them (copied from the server's answers; the causes in one of the orders the server sent them).

const status = (message: string, causes: readonly { message: string; field: string }[]) =>
  deepFreeze({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason: 'Conflict',
    details: { causes: causes.map((cause) => ({ reason: 'FieldManagerConflict', ...cause })) },
    code: 409,
  });

const field = (name: string): PathElement => ({ kind: 'field', name });
const app: PathElement = { kind: 'key', fields: [{ name: 'name', value: 'app' }] };
const containers = [field('spec'), field('template'), field('spec'), field('containers')];

const byCreator = 'conflict with "creator" using apps/v1';
const fourConflicts = status(
  'Apply failed with 4 conflicts: conflicts with "creator" using apps/v1:\n- .metadata.labels.app.kubernetes.io/name\n- .spec.replicas\n' +
    '- .spec.template.spec.containers[name="app"].image\n- .spec.template.spec.containers[name="app"].env[name="A.B"].value',
  [
    { message: byCreator, field: '.metadata.labels.app.kubernetes.io/name' },
    { message: byCreator, field: '.spec.replicas' },
    { message: byCreator, field: '.spec.template.spec.containers[name="app"].image' },
    { message: byCreator, field: '.spec.template.spec.containers[name="app"].env[name="A.B"].value' },
  ],
);

/** The configuration that conflicted: it holds the label key `app.kubernetes.io/name`. */
const applied = deepFreeze({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'update', namespace: 'shop', labels: { 'app.kubernetes.io/name': 'other' } },
  spec: { replicas: 5, template: { spec: { containers: [{ name: 'app', image: 'web:2', env: [{ name: 'A.B', value: 'z' }] }] } } },
});

describe('apiErrorFrom: the 409 of a server-side apply is an ApplyConflictError', () => {
  it('with the server\'s message word for word and one conflict per cause, from a refusal or an ApiException', () => {
    const request = { method: 'PATCH', path: '/apis/apps/v1/namespaces/shop/deployments/update', body: applied };
    for (const answer of [{ statusCode: 409, status: fourConflicts }, { code: 409, body: JSON.stringify(fourConflicts) }, { code: 409, body: fourConflicts }]) {
      const error = apiErrorFrom(answer, request);
      expect(error).toBeInstanceOf(ApplyConflictError);
      expect(isKubepatchError(error, 'APPLY_CONFLICT')).toBe(true);
      expect(error.message).toBe(fourConflicts.message);
      const creator = { manager: 'creator', operation: 'Update', apiVersion: 'apps/v1' };
      expect((error as ApplyConflictError).conflicts).toEqual([
        { ...creator, path: [field('metadata'), field('labels'), field('app.kubernetes.io/name')], serverPath: '.metadata.labels.app.kubernetes.io/name' },
        { ...creator, path: [field('spec'), field('replicas')], serverPath: '.spec.replicas' },
        { ...creator, path: [...containers, app, field('image')], serverPath: '.spec.template.spec.containers[name="app"].image' },
        {
          ...creator,
          path: [...containers, app, field('env'), { kind: 'key', fields: [{ name: 'name', value: 'A.B' }] }, field('value')],
          serverPath: '.spec.template.spec.containers[name="app"].env[name="A.B"].value',
        },
      ]);
    }
  });

  it('without the configuration sent, a label key with dots reads as several fields', () => {
    const error = apiErrorFrom({ statusCode: 409, status: fourConflicts }) as ApplyConflictError;
    expect(error.conflicts[0]?.path).toEqual(['metadata', 'labels', 'app', 'kubernetes', 'io/name'].map(field));
  });

  it('puts the causes (Go map order) in the message\'s order: by manager identifier, "web!" (Apply) before "web" (Update)', () => {
    const message =
      'Apply failed with 3 conflicts: conflicts with "web!":\n- .spec.template.spec.containers[name="app"].image\n' +
      'conflicts with "web" using apps/v1:\n- .spec.replicas\n- .spec.template.spec.containers[name="debug"].image';
    const causes = [
      { message: 'conflict with "web" using apps/v1', field: '.spec.replicas' },
      { message: 'conflict with "web" using apps/v1', field: '.spec.template.spec.containers[name="debug"].image' },
      { message: 'conflict with "web!"', field: '.spec.template.spec.containers[name="app"].image' },
    ];
    for (const order of [causes, [causes[2]!, causes[0]!, causes[1]!]]) {
      const error = apiErrorFrom({ statusCode: 409, status: status(message, order) }) as ApplyConflictError;
      expect(error.conflicts.map((c) => [c.manager, c.operation, c.apiVersion, c.serverPath])).toEqual([
        ['web!', 'Apply', undefined, '.spec.template.spec.containers[name="app"].image'],
        ['web', 'Update', 'apps/v1', '.spec.replicas'],
        ['web', 'Update', 'apps/v1', '.spec.template.spec.containers[name="debug"].image'],
      ]);
    }
  });

  it('reads subresource managers, Update and Apply, and sorts one name\'s entries by their identifiers', () => {
    const update = apiErrorFrom({
      statusCode: 409,
      status: status('Apply failed with 1 conflict: conflict with "status-writer" with subresource "status" using apps/v1: .status.replicas', [
        { message: 'conflict with "status-writer" with subresource "status" using apps/v1', field: '.status.replicas' },
      ]),
    }) as ApplyConflictError;
    expect(update.conflicts).toEqual([
      { manager: 'status-writer', operation: 'Update', apiVersion: 'apps/v1', subresource: 'status', path: [field('status'), field('replicas')], serverPath: '.status.replicas' },
    ]);
    // The same name as three managers: the /status applier first, as its identifier goes on with ',"subresource"'.
    const ci = apiErrorFrom({
      statusCode: 409,
      status: status(
        'Apply failed with 3 conflicts: conflicts with "ci" with subresource "status":\n- .metadata.annotations.note\n' +
          'conflicts with "ci":\n- .spec.replicas\nconflicts with "ci" using argoproj.io/v1alpha1:\n- .spec.paused',
        [
          { message: 'conflict with "ci" using argoproj.io/v1alpha1', field: '.spec.paused' },
          { message: 'conflict with "ci"', field: '.spec.replicas' },
          { message: 'conflict with "ci" with subresource "status"', field: '.metadata.annotations.note' },
        ],
      ),
    }) as ApplyConflictError;
    expect(ci.conflicts.map((c) => [c.operation, c.apiVersion, c.subresource, c.serverPath])).toEqual([
      ['Apply', undefined, 'status', '.metadata.annotations.note'],
      ['Apply', undefined, undefined, '.spec.replicas'],
      ['Update', 'argoproj.io/v1alpha1', undefined, '.spec.paused'],
    ]);
  });

  it('unquotes manager names as Go quoted them (%q)', () => {
    const error = apiErrorFrom({
      statusCode: 409,
      status: status('Apply failed with 1 conflict: conflict with "say \\"hi\\" \\\\ é": .spec.replicas', [
        { message: 'conflict with "say \\"hi\\" \\\\ é"', field: '.spec.replicas' },
      ]),
    }) as ApplyConflictError;
    expect(error.conflicts[0]).toMatchObject({ manager: 'say "hi" \\ é', operation: 'Apply' });
  });

  it('keeps ConflictError for a stale resourceVersion and for a 409 it cannot read, with the Status', () => {
    const stale = {
      kind: 'Status',
      message: 'Operation cannot be fulfilled on deployments.apps "stale": the object has been modified; please apply your changes to the latest version and try again',
      reason: 'Conflict',
      details: { name: 'stale', group: 'apps', kind: 'deployments' },
      code: 409,
    };
    const unreadable = [
      stale,
      status('Apply failed with 1 conflict: …', [{ message: 'conflicts somehow', field: '.spec.replicas' }]),
      status('Apply failed with 1 conflict: …', [{ message: 'conflict with "x"', field: 'spec.replicas' }]),
      status('Apply failed with 1 conflict: …', [{ message: 'conflict with "x', field: '.spec.replicas' }]),
      status('Apply failed with 1 conflict: …', [{ message: 'conflict with "x" with subresource "\\q"', field: '.spec.replicas' }]),
      { ...status('Apply failed with 1 conflict: …', []), details: { causes: [{ reason: 'FieldValueInvalid', message: 'conflict with "x"', field: '.a' }] } },
      { ...status('Apply failed with 1 conflict: …', [{ message: 'conflict with "x"', field: '.a' }]), reason: 'AlreadyExists' },
    ];
    for (const body of unreadable) {
      const error = apiErrorFrom({ statusCode: 409, status: body }, { method: 'PATCH', path: '/x' });
      expect(error, JSON.stringify(body)).toBeInstanceOf(ConflictError);
      expect(error).toMatchObject({ code: 'API_CONFLICT', statusCode: 409, status: body, message: `PATCH /x: 409 ${body.reason}: ${body.message}` });
    }
  });
});
