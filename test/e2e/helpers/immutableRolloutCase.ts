import type { UpdateCase } from './immutableRunner.js';

const labels = { app: 'checkout', track: 'stable', tier: 'front' };

/**
 * Rollouts under the v1.9.1 CRD of the run's server: template Rollouts (selector on both sides)
 * and workloadRef Rollouts (no selector: adding one passes the transition rule, as does removing
 * it). The controller's own checks (a selector matching the template) do not run here.
 */
export const rolloutCase: UpdateCase = {
  title: 'Rollout (argoproj.io, CRD v1.9.1): spec.selector',
  collection: (namespace) => `/apis/argoproj.io/v1alpha1/namespaces/${namespace}/rollouts`,
  create: (name, random) => ({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name },
    spec: random.chance(0.3)
      ? { replicas: 2, workloadRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'checkout' }, strategy: { canary: { steps: [{ setWeight: 20 }] } } }
      : {
          replicas: 2,
          selector: { matchLabels: { app: 'checkout' } },
          template: { metadata: { labels: { ...labels } }, spec: { containers: [{ name: 'app', image: 'registry.example/checkout:1' }] } },
          strategy: { canary: { steps: [{ setWeight: 20 }, { pause: {} }] } },
        },
  }),
  mutations: [
    { name: 'selector +track', apply: (o) => void (o.spec.selector = { ...o.spec.selector, matchLabels: { ...o.spec.selector?.matchLabels, track: 'stable' } }) },
    { name: 'selector set', apply: (o) => void (o.spec.selector = { matchLabels: { app: 'checkout' } }) },
    { name: 'selector removed', apply: (o) => void delete o.spec.selector },
    { name: 'selector {}', apply: (o) => void (o.spec.selector = {}) },
    { name: 'selector null', apply: (o) => void (o.spec.selector = null) },
    {
      name: 'selector matchLabels reordered (equal)',
      apply: (o) => {
        if (o.spec.selector?.matchLabels) o.spec.selector.matchLabels = Object.fromEntries(Object.entries(o.spec.selector.matchLabels).reverse());
      },
    },
    {
      name: 'selector +matchExpressions',
      apply: (o) =>
        void (o.spec.selector = {
          ...o.spec.selector,
          matchExpressions: [
            { key: 'tier', operator: 'Exists' },
            { key: 'track', operator: 'In', values: ['stable'] },
          ],
        }),
    },
    {
      name: 'selector matchExpressions swapped',
      apply: (o) => {
        const expressions = o.spec.selector?.matchExpressions;
        if (Array.isArray(expressions)) o.spec.selector.matchExpressions = [...expressions].reverse();
      },
    },
    { name: 'selector matchExpressions null (pruned: equal)', apply: (o) => o.spec.selector && void (o.spec.selector.matchExpressions = null) },
    { name: 'image', apply: (o, r) => o.spec.template && void (o.spec.template.spec.containers[0].image = `registry.example/checkout:${r.int(4)}`) },
    { name: 'replicas', apply: (o, r) => void (o.spec.replicas = r.pick([1, 2, 5])) },
    { name: 'steps', apply: (o, r) => void (o.spec.strategy.canary.steps = [{ setWeight: r.pick([10, 50]) }]) },
  ],
};
