import { describe, expect, it } from 'vitest';
import { InvalidDocumentError, isKubepatchError } from 'kubepatch';
import type { StepsHashVector } from '../../scripts/rollout/sources.ts';
import { readK8sSchema } from '../helpers/conformance.js';
import { deepFreeze, frozenCopy } from '../helpers/deepFreeze.js';
import { ARGO_ROLLOUTS_VERSIONS, canaryStepsJson, stepHash, type ArgoRolloutsVersion } from 'kubepatch';

/** The release whose data each line's vectors come from. */
const tags: Record<ArgoRolloutsVersion, string> = { '1.9': 'v1.9.1', '1.8': 'v1.8.4' };
const vectors = (line: ArgoRolloutsVersion): StepsHashVector[] =>
  readK8sSchema<{ stepsHash: { testVectors: StepsHashVector[] } }>(`argo-rollouts/${tags[line]}/rollout-types.json`).stepsHash.testVectors;

/** A canary Rollout with these steps (`undefined`: no `steps` member). */
const canary = (steps?: unknown): object =>
  deepFreeze({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name: 'web' }, spec: { strategy: { canary: steps === undefined ? {} : { steps } } } });

describe.each(ARGO_ROLLOUTS_VERSIONS)('the 14 test vectors of Argo Rollouts %s', (line) => {
  const cases = vectors(line);

  it('has 14 of them', () => {
    expect(cases).toHaveLength(14);
  });

  it.each(cases.map((vector, index) => [index, vector] as const))('vector %i: Go’s JSON bytes and the hash', (_, vector) => {
    const steps = frozenCopy(vector.stepsInput);
    expect(canaryStepsJson(steps as object, { argoVersion: line })).toBe(vector.goJSON);
    expect(stepHash(canary(steps), { argoVersion: line })).toBe(vector.stepsHash);
  });
});

describe('stepHash', () => {
  it('reproduces the constants of Argo’s TestComputeStepHash, on both lines', () => {
    for (const argoVersion of ARGO_ROLLOUTS_VERSIONS) {
      expect(stepHash(canary([{ pause: {} }]), { argoVersion })).toBe('6b9b86fbd5');
      expect(stepHash(canary([{ pause: {} }, { pause: {} }]), { argoVersion })).toBe('79c9b9f6bf');
      expect(stepHash(canary(), { argoVersion })).toBe('5ffbfbbd64');
    }
  });

  it('hashes no steps (absent or null, Go’s nil slice: "null") differently from [] ("[]")', () => {
    expect(stepHash(canary())).toBe('5ffbfbbd64');
    expect(stepHash(canary(null))).toBe('5ffbfbbd64');
    expect(stepHash(canary([]))).toBe('5f8cb5778f');
    expect(stepHash(canary([]))).not.toBe(stepHash(canary()));
  });

  it('defaults to the 1.9 line', () => {
    const steps = [{ analysis: { templates: [{ templateName: 'x' }] } }];
    expect(stepHash(canary(steps))).toBe(stepHash(canary(steps), { argoVersion: '1.9' }));
  });

  it('hashes the same steps differently under 1.8 and 1.9: analysisRunMetadata became a pointer', () => {
    const steps = [{ analysis: { templates: [{ templateName: 'x' }] } }];
    expect(canaryStepsJson(steps, { argoVersion: '1.9' })).toBe('[{"analysis":{"templates":[{"templateName":"x"}]}}]');
    expect(canaryStepsJson(steps, { argoVersion: '1.8' })).toBe('[{"analysis":{"templates":[{"templateName":"x"}],"analysisRunMetadata":{}}}]');
    expect(stepHash(canary(steps), { argoVersion: '1.9' })).toBe('687975f78c');
    expect(stepHash(canary(steps), { argoVersion: '1.8' })).toBe('76978c7bff');
  });

  it('hashes clusterScope: false differently: a *bool in 1.9 keeps it, a bool in 1.8 drops it', () => {
    const steps = [{ analysis: { templates: [{ templateName: 'x', clusterScope: false }] } }];
    expect(canaryStepsJson(steps, { argoVersion: '1.9' })).toBe('[{"analysis":{"templates":[{"templateName":"x","clusterScope":false}]}}]');
    expect(canaryStepsJson(steps, { argoVersion: '1.8' })).toContain('{"templateName":"x"}');
    const experiment = [{ experiment: { templates: [], scaleDownDelaySeconds: 30 } }];
    expect(canaryStepsJson(experiment, { argoVersion: '1.9' })).toBe('[{"experiment":{"templates":[],"analysisRunMetadata":{},"scaleDownDelaySeconds":30}}]');
    expect(canaryStepsJson(experiment, { argoVersion: '1.8' })).toBe('[{"experiment":{"templates":[],"analysisRunMetadata":{}}}]');
  });

  it('is "" for a blue-green Rollout, and for one without a canary strategy', () => {
    expect(stepHash({ spec: { strategy: { blueGreen: { activeService: 'web' } } } })).toBe('');
    // Argo checks blueGreen first: a Rollout with both gets "".
    expect(stepHash({ spec: { strategy: { blueGreen: {}, canary: { steps: [] } } } })).toBe('');
    expect(stepHash({ spec: { strategy: { blueGreen: null, canary: { steps: [] } } } })).toBe('5f8cb5778f');
    expect(stepHash({ spec: { strategy: { canary: null } } })).toBe('');
    expect(stepHash({ spec: { strategy: {} } })).toBe('');
    expect(stepHash({ spec: {} })).toBe('');
    expect(stepHash({})).toBe('');
  });

  it('hashes what the Go structs keep: unknown and differently-cased members are dropped', () => {
    expect(stepHash(canary([{ setWeight: 10, note: 'x' }]))).toBe(stepHash(canary([{ setWeight: 10 }])));
    expect(canaryStepsJson([{ SetWeight: 10 }])).toBe('[{}]');
  });

  it('tells 10 from "10" in a pause duration (an IntOrString), and 0 from an absent weight', () => {
    expect(stepHash(canary([{ pause: { duration: 10 } }]))).not.toBe(stepHash(canary([{ pause: { duration: '10' } }])));
    expect(canaryStepsJson([{ setWeight: 0 }, {}])).toBe('[{"setWeight":0},{}]');
  });

  it('does not change its input', () => {
    const rollout = deepFreeze({ spec: { strategy: { canary: { steps: [{ setMirrorRoute: { name: 'm', match: [{ headers: { b: {}, a: {} } }] } }] } } } });
    expect(() => stepHash(rollout)).not.toThrow();
  });

  it('throws InvalidDocumentError for a value Go could not decode, with its JSON Pointer', () => {
    const cases: [unknown, string][] = [
      [[{ setWeight: '20' }], '/spec/strategy/canary/steps/0/setWeight'],
      [[{ setWeight: 1.5 }], '/spec/strategy/canary/steps/0/setWeight'],
      [[{ setWeight: 2 ** 31 }], '/spec/strategy/canary/steps/0/setWeight'],
      [[{ pause: { duration: true } }], '/spec/strategy/canary/steps/0/pause/duration'],
      [[{ analysis: { templates: {} } }], '/spec/strategy/canary/steps/0/analysis/templates'],
      [[{ setMirrorRoute: { name: 'm', match: [{ headers: [] }] } }], '/spec/strategy/canary/steps/0/setMirrorRoute/match/0/headers'],
      [[1], '/spec/strategy/canary/steps/0'],
      [{}, '/spec/strategy/canary/steps'],
    ];
    for (const [steps, path] of cases) {
      const error = catchError(() => stepHash(canary(steps)));
      expect(error, JSON.stringify(steps)).toBeInstanceOf(InvalidDocumentError);
      expect(error).toMatchObject({ code: 'INVALID_DOCUMENT', path, input: 'rollout' });
    }
    expect(catchError(() => stepHash({ spec: { strategy: { canary: 'yes' } } }))).toMatchObject({ path: '/spec/strategy/canary' });
    expect(catchError(() => stepHash({ spec: [] }))).toMatchObject({ path: '/spec' });
    expect(catchError(() => stepHash([]))).toMatchObject({ code: 'INVALID_DOCUMENT', path: '' });
    expect(catchError(() => stepHash({ spec: { when: new Date() } }))).toMatchObject({ code: 'INVALID_DOCUMENT', path: '/spec/when' });
  });

  it('throws InvalidDocumentError naming options for an unsupported argoVersion', () => {
    for (const argoVersion of ['1.7', 'v1.9.1', '1.9.1', 19]) {
      const error = catchError(() => stepHash(canary([]), { argoVersion: argoVersion as ArgoRolloutsVersion }));
      expect(isKubepatchError(error, 'INVALID_DOCUMENT')).toBe(true);
      expect(error).toMatchObject({ input: 'options', path: '/argoVersion' });
    }
  });
});

describe('canaryStepsJson: Go encoding/json details', () => {
  it('escapes as Go does: HTML characters, U+2028/U+2029, control characters (\\b and \\f short, Go ≥ 1.22)', () => {
    const value = 'a<b>&c\u2028\u2029"\\\n\r\t\b\f\u0001\u001f\u007fé😀';
    expect(canaryStepsJson([{ setHeaderRoute: { name: value } }])).toBe(
      '[{"setHeaderRoute":{"name":"a\\u003cb\\u003e\\u0026c\\u2028\\u2029\\"\\\\\\n\\r\\t\\b\\f\\u0001\\u001f\u007fé😀"}}]',
    );
  });

  it('writes a lone surrogate as U+FFFD, what Go decodes it to', () => {
    expect(canaryStepsJson([{ setHeaderRoute: { name: 'a\ud800b' } }])).toBe('[{"setHeaderRoute":{"name":"a\ufffdb"}}]');
  });

  it('sorts map keys by UTF-8 bytes (code points), not UTF-16 code units', () => {
    const labels = { b: '1', a: '2', '\u{1F600}': '3', '\uFFFF': '4', __proto__x: '5', A: '6' };
    const json = canaryStepsJson([{ experiment: { templates: [{ name: 'c', specRef: 'canary', metadata: { labels } }] } }]);
    expect(json).toContain('"labels":{"A":"6","__proto__x":"5","a":"2","b":"1","\uFFFF":"4","\u{1F600}":"3"}');
  });

  it('keeps a "__proto__" map key as data', () => {
    const labels = JSON.parse('{"__proto__":"x","a":"y"}') as object;
    const json = canaryStepsJson([{ experiment: { templates: [{ name: 'c', specRef: 'canary', metadata: { labels } }] } }]);
    expect(json).toContain('"labels":{"__proto__":"x","a":"y"}');
  });

  it('writes nil slices and maps as null where there is no omitempty, and zero structs whole', () => {
    // RolloutExperimentStep.templates has no omitempty; metadata and analysisRunMetadata are value structs.
    expect(canaryStepsJson([{ experiment: {} }])).toBe('[{"experiment":{"templates":null,"analysisRunMetadata":{}}}]');
    expect(canaryStepsJson([{ experiment: { templates: [null] } }])).toBe(
      '[{"experiment":{"templates":[{"name":"","specRef":"","metadata":{}}],"analysisRunMetadata":{}}}]',
    );
    // HeaderRoutingMatch.headerValue is a pointer without omitempty.
    expect(canaryStepsJson([{ setHeaderRoute: { match: [{ headerName: 'h' }] } }])).toBe('[{"setHeaderRoute":{"match":[{"headerName":"h","headerValue":null}]}}]');
  });

  it('treats null as Go does: nil for pointers, slices and maps, no effect on strings, numbers and structs', () => {
    expect(canaryStepsJson([{ setWeight: null, pause: null }])).toBe('[{}]');
    expect(canaryStepsJson([{ setMirrorRoute: { name: null, percentage: null } }])).toBe('[{"setMirrorRoute":{"name":""}}]');
    expect(canaryStepsJson([{ experiment: { templates: [{ name: 'a', specRef: 'canary', metadata: null }] } }])).toContain('"metadata":{}');
  });

  it('keeps a json.RawMessage as given: members in order, null kept, HTML escaped', () => {
    expect(canaryStepsJson([{ plugin: { name: 'p', config: { z: [1, 2.5, -0, 1e21], a: '<&>' } } }])).toBe(
      '[{"plugin":{"name":"p","config":{"z":[1,2.5,0,1e+21],"a":"\\u003c\\u0026\\u003e"}}}]',
    );
    expect(canaryStepsJson([{ plugin: { name: 'p', config: null } }])).toBe('[{"plugin":{"name":"p","config":null}}]');
    expect(canaryStepsJson([{ plugin: { name: 'p' } }])).toBe('[{"plugin":{"name":"p"}}]');
  });

  it('gives "null" for no steps, and checks its input', () => {
    expect(canaryStepsJson(undefined)).toBe('null');
    expect(canaryStepsJson(null)).toBe('null');
    expect(catchError(() => canaryStepsJson([{ pause: { duration: Number.NaN } }]))).toMatchObject({ code: 'INVALID_DOCUMENT', input: 'steps', path: '/0/pause/duration' });
    expect(catchError(() => canaryStepsJson([{ setWeight: 'x' }]))).toMatchObject({ code: 'INVALID_DOCUMENT', input: 'steps', path: '/0/setWeight' });
  });
});

function catchError(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
