import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../helpers/deepFreeze.js';
import { LABEL_VALUE, NAME_PART } from './messages.js';
import { findSelectorProblems, InvalidMetadataError, validateSelector } from 'kubepatch';

const REQUIRED = "must be specified when `operator` is 'In' or 'NotIn'";
const FORBIDDEN = "may not be specified when `operator` is 'Exists' or 'DoesNotExist'";

describe('findSelectorProblems', () => {
  it('accepts every operator used right', () => {
    const selector = deepFreeze({
      matchLabels: { app: 'web' },
      matchExpressions: [
        { key: 'tier', operator: 'In', values: ['front', 'back'] },
        { key: 'example.com/track', operator: 'NotIn', values: ['canary'] },
        { key: 'gpu', operator: 'Exists' },
        { key: 'spot', operator: 'DoesNotExist', values: [] },
      ],
    });
    expect(findSelectorProblems(selector)).toEqual([]);
    expect(findSelectorProblems({})).toEqual([]);
    expect(findSelectorProblems(null)).toEqual([]);
  });

  it('requires values for In and NotIn, and forbids them for Exists and DoesNotExist', () => {
    const selector = deepFreeze({
      matchExpressions: [
        { key: 'a', operator: 'In', values: [] },
        { key: 'b', operator: 'NotIn' },
        { key: 'c', operator: 'Exists', values: ['x'] },
        { key: 'd', operator: 'DoesNotExist', values: ['x'] },
      ],
    });
    expect(findSelectorProblems(selector)).toEqual([
      { path: '/spec/selector/matchExpressions/0/values', key: 'a', message: REQUIRED },
      { path: '/spec/selector/matchExpressions/1/values', key: 'b', message: REQUIRED },
      { path: '/spec/selector/matchExpressions/2/values', key: 'c', message: FORBIDDEN },
      { path: '/spec/selector/matchExpressions/3/values', key: 'd', message: FORBIDDEN },
    ]);
  });

  it('rejects other operators (case counts), and checks keys and values', () => {
    const selector = deepFreeze({
      matchLabels: { 'bad key': 'v' },
      matchExpressions: [
        { key: 'tier', operator: 'in', values: ['a'] },
        { key: 'bad key', operator: 'Equals', values: ['front end'] },
        { operator: 'Exists' },
      ],
    });
    expect(findSelectorProblems(selector)).toEqual([
      { path: '/spec/selector/matchLabels/bad key', key: 'bad key', message: NAME_PART },
      { path: '/spec/selector/matchExpressions/0/operator', key: 'tier', message: 'not a valid selector operator' },
      { path: '/spec/selector/matchExpressions/1/operator', key: 'bad key', message: 'not a valid selector operator' },
      { path: '/spec/selector/matchExpressions/1/key', key: 'bad key', message: NAME_PART },
      { path: '/spec/selector/matchExpressions/1/values/0', key: 'bad key', message: LABEL_VALUE },
      { path: '/spec/selector/matchExpressions/2/key', key: '', message: 'name part must be non-empty' },
      { path: '/spec/selector/matchExpressions/2/key', key: '', message: NAME_PART },
    ]);
  });
});

describe('validateSelector', () => {
  it('passes a valid selector', () => {
    expect(() => validateSelector(deepFreeze({ matchLabels: { app: 'web' } }))).not.toThrow();
  });

  it('throws every problem at once, each line as the API server writes it', () => {
    const selector = deepFreeze({
      matchExpressions: [
        { key: 'tier', operator: 'Equals', values: ['a'] },
        { key: 'track', operator: 'In' },
        { key: 'gpu', operator: 'Exists', values: ['x'] },
      ],
    });
    expect(() => validateSelector(selector, { path: '/spec/template/spec/affinity/podAffinity/labelSelector' })).toThrow(InvalidMetadataError);
    expect(() => validateSelector(selector)).toThrow(
      'invalid selector: [' +
        'spec.selector.matchExpressions[0].operator: Invalid value: "Equals": not a valid selector operator, ' +
        `spec.selector.matchExpressions[1].values: Required value: ${REQUIRED}, ` +
        `spec.selector.matchExpressions[2].values: Forbidden: ${FORBIDDEN}]`,
    );
  });
});
