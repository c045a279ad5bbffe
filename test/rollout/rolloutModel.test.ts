import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { RolloutModel } from '../../src/rollout/generated/rolloutModel.ts';
import { rolloutModelFile } from '../../scripts/rollout/model.ts';
import { stepHash } from '../../src/rollout/stepHash.ts';

type AntiAffinity = RolloutModel.AntiAffinity;
type CanaryStep = RolloutModel.CanaryStep;
type Container = RolloutModel.Container;
type IstioTrafficRouting = RolloutModel.IstioTrafficRouting;
type ObjectMeta = RolloutModel.ObjectMeta;
type PodTemplateSpec = RolloutModel.PodTemplateSpec;
type Rollout = RolloutModel.Rollout;
type RolloutPause = RolloutModel.RolloutPause;
type RolloutSpec = RolloutModel.RolloutSpec;
type RolloutStatus = RolloutModel.RolloutStatus;

/** A realistic canary Rollout, as `kubectl get rollout -o json` shows one. */
const storefront = {
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Rollout',
  metadata: {
    name: 'storefront',
    namespace: 'shop',
    labels: { 'app.kubernetes.io/name': 'storefront' },
    annotations: { 'rollout.argoproj.io/revision': '7' },
    creationTimestamp: '2026-10-02T09:14:27Z',
    generation: 7,
  },
  spec: {
    replicas: 4,
    revisionHistoryLimit: 3,
    selector: { matchLabels: { 'app.kubernetes.io/name': 'storefront' } },
    template: {
      metadata: { labels: { 'app.kubernetes.io/name': 'storefront' }, creationTimestamp: null },
      spec: {
        serviceAccountName: 'storefront',
        containers: [
          {
            name: 'storefront',
            image: 'ghcr.io/example/storefront:2.7.0',
            ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
            env: [{ name: 'LOG_LEVEL', value: 'info' }, { name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } }],
            resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: 1, memory: '512Mi' } },
            volumeMounts: [{ name: 'config', mountPath: '/etc/storefront', readOnly: true }],
            readinessProbe: { httpGet: { path: '/healthz', port: 'http' } },
          },
        ],
        volumes: [{ name: 'config', configMap: { name: 'storefront' } }],
      },
    },
    strategy: {
      canary: {
        canaryService: 'storefront-canary',
        stableService: 'storefront-stable',
        maxSurge: '25%',
        maxUnavailable: 0,
        trafficRouting: { istio: { virtualService: { name: 'storefront', routes: ['primary'] } } },
        analysis: { templates: [{ templateName: 'success-rate' }], startingStep: 2, args: [{ name: 'service', value: 'storefront' }] },
        steps: [
          { setWeight: 20 },
          { pause: { duration: '10m' } },
          { experiment: { duration: '5m', templates: [{ name: 'canary', specRef: 'canary', weight: 5 }], analyses: [{ name: 'smoke', templateName: 'smoke' }] } },
          { analysis: { templates: [{ templateName: 'success-rate', clusterScope: true }], args: [{ name: 'hash', valueFrom: { podTemplateHashValue: 'Latest' } }] } },
          { setCanaryScale: { matchTrafficWeight: true } },
          { setHeaderRoute: { name: 'beta', match: [{ headerName: 'X-Beta', headerValue: { exact: 'yes' } }] } },
          { plugin: { name: 'example/plugin', config: { threshold: 0.99, checks: ['latency'] } } },
          { pause: {} },
        ],
      },
    },
  },
  status: {
    phase: 'Healthy',
    observedGeneration: '7',
    currentPodHash: '6d9f8b7c5',
    stableRS: '6d9f8b7c5',
    currentStepIndex: 8,
    conditions: [
      { type: 'Available', status: 'True', reason: 'AvailableReason', message: 'Rollout has minimum availability', lastTransitionTime: '2026-10-02T09:20:00Z', lastUpdateTime: '2026-10-02T09:20:00Z' },
    ],
    canary: { weights: { canary: { weight: 0, podTemplateHash: '6d9f8b7c5' }, stable: { weight: 100, podTemplateHash: '6d9f8b7c5' } } },
  },
} satisfies Rollout;

describe('the Rollout model', () => {
  it('types a realistic canary Rollout manifest', () => {
    // Compile-time checks: `satisfies Rollout` above fails `npm run typecheck` if the model rejects it.
    const rollout: Rollout = storefront;
    expectTypeOf(rollout.spec).toEqualTypeOf<RolloutSpec>();
    expectTypeOf(rollout.status).toEqualTypeOf<RolloutStatus | undefined>();
    expectTypeOf(rollout.spec.strategy?.canary?.steps).toEqualTypeOf<CanaryStep[] | undefined>();
    expectTypeOf(rollout.spec.template).toEqualTypeOf<PodTemplateSpec | undefined>();
    expectTypeOf(rollout.spec.strategy?.canary?.trafficRouting?.istio).toEqualTypeOf<IstioTrafficRouting | undefined>();
    // The model is plain JSON: the steps hash takes it as it is.
    expect(stepHash(rollout)).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{9,10}$/);
  });

  it('types leaf values as Kubernetes writes them', () => {
    expectTypeOf<NonNullable<RolloutPause['duration']>>().toEqualTypeOf<number | string>();
    expectTypeOf<NonNullable<NonNullable<Container['resources']>['limits']>[string]>().toEqualTypeOf<string | number>();
    expectTypeOf<ObjectMeta['creationTimestamp']>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<NonNullable<RolloutSpec['restartAt']>>().toEqualTypeOf<string>();
  });

  it('rejects what the CRD rejects', () => {
    // @ts-expect-error setWeight is an int32
    const badWeight: CanaryStep = { setWeight: '20' };
    // @ts-expect-error a Rollout needs a spec (the CRD requires it)
    const noSpec: Rollout = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout' };
    // @ts-expect-error a container needs a name
    const noName: Container = { image: 'nginx' };
    // @ts-expect-error unknown step types are not steps
    const unknownStep: CanaryStep = { setWieght: 20 };
    // @ts-expect-error RequiredDuringSchedulingIgnoredDuringExecution has no fields
    const notEmpty: AntiAffinity = { requiredDuringSchedulingIgnoredDuringExecution: { topologyKey: 'x' } };
    const empty: AntiAffinity = { requiredDuringSchedulingIgnoredDuringExecution: {} };
    expect([badWeight, noSpec, noName, unknownStep, notEmpty, empty]).toHaveLength(6);
  });

  it('accepts the pod template fields it does not type (the built-in subset is open)', () => {
    const container: Container = { name: 'app', securityContext: { runAsNonRoot: true } };
    expectTypeOf(container['securityContext']).toEqualTypeOf<unknown>();
  });

  it('has examples that typecheck', () => {
    const text = readFileSync(rolloutModelFile, 'utf8');
    const examples = [...text.matchAll(/```ts\n([\s\S]*?) *\* ```/g)].map((match) => (match[1] as string).replace(/^ *\* ?/gm, ''));
    const names = [...text.matchAll(/^ {2}export interface (\w+)/gm)].map((match) => match[1] as string);
    expect(names).toContain('Rollout');
    // One example for the namespace and one for each of its interfaces.
    expect(examples).toHaveLength(names.length + 1);
    const source = [
      `import type { RolloutModel } from ${JSON.stringify(rolloutModelFile.replace(/\.ts$/, '.js'))};`,
      ...examples.map((example, index) => `namespace Example${index} {\n${example}}`),
    ].join('\n');
    const diagnostics = typecheck(source);
    expect(diagnostics).toEqual([]);
  }, 60_000);
});

/** Type-checks one in-memory module against the sources, with the project's compiler options. */
function typecheck(source: string): string[] {
  const configFile = fileURLToPath(new URL('../../tsconfig.json', import.meta.url));
  const config = ts.parseJsonConfigFileContent(ts.readConfigFile(configFile, ts.sys.readFile).config, ts.sys, fileURLToPath(new URL('../../', import.meta.url)));
  const virtual = fileURLToPath(new URL('./rolloutModelExamples.generated.ts', import.meta.url));
  const host = ts.createCompilerHost(config.options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, ...rest) =>
    name === virtual ? ts.createSourceFile(name, source, language) : getSourceFile(name, language, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === virtual || fileExists(name);
  const program = ts.createProgram([virtual], { ...config.options, noUnusedLocals: false }, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}
