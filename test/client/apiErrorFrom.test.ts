import { describe, expect, it } from 'vitest';
import { ApiError, ConflictError, ImmutableFieldError, isKubepatchError, UnsupportedMediaTypeError } from 'kubepatch';
import { client } from './helpers/subject.js';

const { apiErrorFrom } = client;

const status = (code: number, reason: string, message: string, details?: object) => ({
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  message,
  reason,
  ...(details === undefined ? {} : { details }),
  code,
});

describe('apiErrorFrom', () => {
  it('maps 409 to ConflictError, from a refusal or a client-node ApiException (JSON text body)', () => {
    const body = status(409, 'Conflict', 'Operation cannot be fulfilled on replicasets.apps "x": the object has been modified');
    for (const answer of [{ statusCode: 409, status: body }, { code: 409, body: JSON.stringify(body) }, { code: 409, body }]) {
      const error = apiErrorFrom(answer);
      expect(error).toBeInstanceOf(ConflictError);
      expect(error).toMatchObject({ code: 'API_CONFLICT', statusCode: 409, status: body });
      expect(error.message).toBe('409 Conflict: Operation cannot be fulfilled on replicasets.apps "x": the object has been modified');
    }
  });

  it('maps 415 to UnsupportedMediaTypeError with the media types the server listed', () => {
    const message =
      'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml';
    const error = apiErrorFrom({ code: 415, body: status(415, 'UnsupportedMediaType', message) }, { method: 'PATCH', path: '/apis/x' });
    expect(error).toBeInstanceOf(UnsupportedMediaTypeError);
    expect((error as UnsupportedMediaTypeError).acceptedMediaTypes).toEqual([
      'application/json-patch+json',
      'application/merge-patch+json',
      'application/apply-patch+yaml',
    ]);
    expect(error.message.startsWith('PATCH /apis/x: 415 UnsupportedMediaType: the body')).toBe(true);
    expect((apiErrorFrom({ code: 415, body: 'nope' }) as UnsupportedMediaTypeError).acceptedMediaTypes).toEqual([]);
  });

  it('maps a 422 "field is immutable" to ImmutableFieldError, one change per cause', () => {
    const causes = [
      { reason: 'FieldValueInvalid', message: 'Invalid value: {"matchLabels":{"app":"b"}}: field is immutable', field: 'spec.selector' },
      { reason: 'FieldValueInvalid', message: 'Invalid value: "None": may not change once set', field: 'spec.clusterIPs[0]' },
      { reason: 'FieldValueRequired', message: 'Required value', field: 'spec.template.metadata.labels' },
    ];
    const message = 'Deployment.apps "web" is invalid: [spec.selector: Invalid value: ..., ...]';
    const error = apiErrorFrom({ code: 422, body: status(422, 'Invalid', message, { name: 'web', group: 'apps', kind: 'Deployment', causes }) });
    expect(error).toBeInstanceOf(ImmutableFieldError);
    expect(isKubepatchError(error, 'IMMUTABLE_FIELD')).toBe(true);
    expect((error as ImmutableFieldError).changes).toEqual([
      {
        path: '/spec/selector',
        field: 'spec.selector',
        old: undefined,
        new: { matchLabels: { app: 'b' } },
        message: 'spec.selector: Invalid value: {"matchLabels":{"app":"b"}}: field is immutable',
      },
      { path: '/spec/clusterIPs/0', field: 'spec.clusterIPs[0]', old: undefined, new: 'None', message: 'spec.clusterIPs[0]: Invalid value: "None": may not change once set' },
    ]);
  });

  it('reads the change from the message when the Status has no causes (the declarative form renders null)', () => {
    const message = 'Job.batch "j" is invalid: spec.completionMode: Invalid value: null: field is immutable';
    const error = apiErrorFrom({ statusCode: 422, status: status(422, 'Invalid', message) }) as ImmutableFieldError;
    expect(error.changes).toEqual([
      { path: '/spec/completionMode', field: 'spec.completionMode', old: undefined, new: null, message: 'spec.completionMode: Invalid value: null: field is immutable' },
    ]);
  });

  // The Statuses of kube-apiserver 1.33 as test/e2e/client/immutableFields.test.ts meets them.
  it('recognises the words of kube-apiserver 1.33: "may not change once set" alone, and a CRD rule\'s "… is immutable"', () => {
    const clusterIP = { reason: 'FieldValueInvalid', message: 'Invalid value: []string{"10.0.0.99"}: may not change once set', field: 'spec.clusterIPs[0]' };
    const service = status(422, 'Invalid', `Service "svc" is invalid: spec.clusterIPs[0]: ${clusterIP.message}`, { name: 'svc', kind: 'Service', causes: [clusterIP] });
    expect((apiErrorFrom({ code: 422, body: service }) as ImmutableFieldError).changes).toEqual([
      { path: '/spec/clusterIPs/0', field: 'spec.clusterIPs[0]', old: undefined, new: undefined, message: `spec.clusterIPs[0]: ${clusterIP.message}` },
    ]);
    const rule = { reason: 'FieldValueInvalid', message: 'Invalid value: "object": .spec.selector is immutable', field: 'spec.selector' };
    const rollout = status(422, 'Invalid', `Rollout.argoproj.io "web" is invalid: spec.selector: ${rule.message}`, { name: 'web', kind: 'Rollout', causes: [rule] });
    const error = apiErrorFrom({ code: 422, body: rollout });
    expect(error).toBeInstanceOf(ImmutableFieldError);
    // "object" is the schema type CEL prints, not the refused value.
    expect((error as ImmutableFieldError).changes).toEqual([
      { path: '/spec/selector', field: 'spec.selector', old: undefined, new: undefined, message: `spec.selector: ${rule.message}` },
    ]);
  });

  it('does not read a Go-syntax value as the refused one', () => {
    const message = 'Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable';
    const cause = { reason: 'FieldValueInvalid', message, field: 'spec.selector' };
    const error = apiErrorFrom({ code: 422, body: status(422, 'Invalid', `Deployment.apps "d" is invalid: spec.selector: ${message}`, { causes: [cause] }) });
    expect((error as ImmutableFieldError).changes).toEqual([{ path: '/spec/selector', field: 'spec.selector', old: undefined, new: undefined, message: `spec.selector: ${message}` }]);
  });

  it('maps other refusals to ApiError, a 422 without "field is immutable" included, and keeps a text body', () => {
    const invalid = apiErrorFrom({ code: 422, body: status(422, 'Invalid', 'ReplicaSet.apps "x" is invalid: spec.replicas: Invalid value: -1') });
    expect(invalid.constructor).toBe(ApiError);
    expect(invalid).toMatchObject({ code: 'API_ERROR', statusCode: 422 });
    const proxy = apiErrorFrom({ code: 502, body: 'Bad Gateway' });
    expect(proxy).toMatchObject({ code: 'API_ERROR', statusCode: 502, status: undefined, message: '502: Bad Gateway' });
    expect(apiErrorFrom({ code: 500 }).message).toBe('500: the API server refused the request');
  });
});
