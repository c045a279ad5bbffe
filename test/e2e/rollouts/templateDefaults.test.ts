// diffRollout's second pass (issue #12, item 13) against the real API server: the ReplicaSet of a
// Rollout's template is stored by kube-apiserver (so its template is server-defaulted, as the
// controller finds it), and the new template is defaulted by the server too (a dry-run create).
// The controller's PodTemplateEqualIgnoreHash then compares the two semantically (quantities by
// value, without the hash label and the deprecated serviceAccount): that is the oracle for
// diffRollout's `templateMatch` and `new-revision`, for explicit defaults and for real edits.
import { beforeAll, describe, expect, it } from 'vitest';
import { ARGO_ROLLOUTS_VERSIONS, diffRollout, quantitiesEqual } from 'kubepatch';
import { deepFreeze } from '../../helpers/deepFreeze.js';
import { skipReason, uniqueName } from '../helpers/envtest.js';
import { createNamespace, serverOk } from '../helpers/serverRequest.js';

const HASH = 'rollouts-pod-template-hash';

function rollout(): any {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name: 'checkout' },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'checkout' } },
      template: {
        metadata: { labels: { app: 'checkout' } },
        spec: {
          serviceAccountName: 'default',
          containers: [
            {
              name: 'app',
              image: 'registry.example.com/checkout:1.4.2',
              ports: [{ name: 'http', containerPort: 8080 }],
              resources: { requests: { memory: '256Mi' }, limits: { cpu: '1' } },
              readinessProbe: { httpGet: { path: '/healthz', port: 'http' }, periodSeconds: 5 },
            },
          ],
          volumes: [{ name: 'config', configMap: { name: 'checkout' } }],
        },
      },
      strategy: { canary: { steps: [{ setWeight: 20 }, { pause: {} }] } },
    },
  };
}

const app = (r: any): any => r.spec.template.spec.containers[0];
const edits: readonly [string, (r: any) => void][] = [
  ['imagePullPolicy: IfNotPresent on a tagged image', (r) => (app(r).imagePullPolicy = 'IfNotPresent')],
  ['protocol: TCP on a port', (r) => (app(r).ports[0].protocol = 'TCP')],
  ['terminationMessagePath and terminationMessagePolicy', (r) => Object.assign(app(r), { terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' })],
  ['probe defaults', (r) => Object.assign(app(r).readinessProbe, { timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3, httpGet: { ...app(r).readinessProbe.httpGet, scheme: 'HTTP' } })],
  ['pod spec defaults', (r) => Object.assign(r.spec.template.spec, { restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', schedulerName: 'default-scheduler', terminationGracePeriodSeconds: 30, securityContext: {} })],
  ['configMap defaultMode 420', (r) => (r.spec.template.spec.volumes[0].configMap.defaultMode = 420)],
  ['256Mi written as 268435456', (r) => (app(r).resources.requests.memory = '268435456')],
  ['the deprecated serviceAccount', (r) => (r.spec.template.spec.serviceAccount = 'default')],
  ['imagePullPolicy: Always (not the default)', (r) => (app(r).imagePullPolicy = 'Always')],
  ['enableServiceLinks: true (a Pod default, not a template default)', (r) => (r.spec.template.spec.enableServiceLinks = true)],
  ['a cpu request equal to the limit (requests come from limits only in a Pod)', (r) => (app(r).resources.requests.cpu = '1')],
  ['protocol: UDP', (r) => (app(r).ports[0].protocol = 'UDP')],
  ['a new image', (r) => (app(r).image = 'registry.example.com/checkout:1.5.0')],
];

/** The template as the controller compares it: no hash label, no deprecated serviceAccount. */
function forComparison(template: any): any {
  const copy = structuredClone(template);
  delete copy.metadata?.labels?.[HASH];
  delete copy.spec?.serviceAccount;
  return copy;
}

/** Semantic equality of two server-stored templates: quantities under `resources` by value. */
function semanticallyEqual(a: unknown, b: unknown, inResources = false): boolean {
  if (inResources && typeof a === 'string' && typeof b === 'string') return quantitiesEqual(a, b);
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => semanticallyEqual(x, b[i], false));
  }
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => semanticallyEqual((a as any)[k], (b as any)[k], inResources || k === 'limits' || k === 'requests'));
  }
  return a === b;
}

describe.skipIf(skipReason)('diffRollout on explicit defaults agrees with the stored ReplicaSet template (real API server)', () => {
  const namespace = uniqueName('rollout-defaults');
  let stored: any;
  beforeAll(async () => {
    await createNamespace(namespace);
    stored = (await serverOk('POST', `/apis/apps/v1/namespaces/${namespace}/replicasets`, replicaSet(rollout().spec.template, 'old', 'h1'))).spec.template;
  });

  function replicaSet(template: any, name: string, hash: string): any {
    const labelled = structuredClone(template);
    labelled.metadata.labels[HASH] = hash;
    return { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name }, spec: { replicas: 0, selector: { matchLabels: { app: 'checkout', [HASH]: hash } }, template: labelled } };
  }

  it.each(edits)('%s', async (_title, edit) => {
    const live = deepFreeze(rollout());
    const next = rollout();
    edit(next);
    deepFreeze(next);
    // What the server makes of the new template (dry run: nothing is stored).
    const created = await serverOk('POST', `/apis/apps/v1/namespaces/${namespace}/replicasets?dryRun=All`, replicaSet(next.spec.template, 'new', 'h2'));
    const serverSaysSame = semanticallyEqual(forComparison(stored), forComparison(created.spec.template));
    for (const argoVersion of ARGO_ROLLOUTS_VERSIONS) {
      const report = diffRollout(live, next, { argoVersion });
      expect(report.reactions.some((r) => r.reaction === 'new-revision'), `new revision on ${argoVersion}`).toBe(!serverSaysSame);
      expect(report.templateMatch === 'none', `templateMatch ${report.templateMatch} on ${argoVersion}`).toBe(!serverSaysSame);
    }
  });

  it('finds the explicit defaults equal and the real edits different (the oracle is not trivial)', async () => {
    const verdicts: boolean[] = [];
    for (const [, edit] of edits) {
      const next = rollout();
      edit(next);
      const created = await serverOk('POST', `/apis/apps/v1/namespaces/${namespace}/replicasets?dryRun=All`, replicaSet(next.spec.template, 'new', 'h2'));
      verdicts.push(semanticallyEqual(forComparison(stored), forComparison(created.spec.template)));
    }
    expect(verdicts).toEqual([true, true, true, true, true, true, true, true, false, false, false, false, false]);
  });
});
