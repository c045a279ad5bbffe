import { deepFreeze } from '../helpers/deepFreeze.js';

/** A canary Rollout with steps, canary metadata and traffic routing, as a team would write it. */
export function canaryRollout(): any {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name: 'checkout', namespace: 'shop', labels: { app: 'checkout' }, resourceVersion: '81723', generation: 4 },
    spec: {
      replicas: 4,
      revisionHistoryLimit: 5,
      selector: { matchLabels: { app: 'checkout' } },
      template: {
        metadata: { labels: { app: 'checkout', tier: 'web' } },
        spec: {
          containers: [
            {
              name: 'app',
              image: 'registry.example.com/checkout:1.4.2',
              ports: [{ name: 'http', containerPort: 8080 }],
              env: [{ name: 'LOG_LEVEL', value: 'info' }],
              resources: { requests: { cpu: '500m', memory: '256Mi' }, limits: { cpu: '1000m', memory: '1Gi' } },
              readinessProbe: { httpGet: { path: '/healthz', port: 'http' }, periodSeconds: 5 },
            },
          ],
        },
      },
      strategy: {
        canary: {
          canaryService: 'checkout-canary',
          stableService: 'checkout-stable',
          canaryMetadata: { labels: { role: 'canary' } },
          stableMetadata: { labels: { role: 'stable' } },
          trafficRouting: { nginx: { stableIngress: 'checkout' } },
          steps: [{ setWeight: 20 }, { pause: { duration: '10m' } }, { setWeight: 50 }, { pause: {} }],
        },
      },
    },
    status: { currentPodHash: '6d9f7c8b5', currentStepHash: '5f8cb5778f', currentStepIndex: 4, stableRS: '6d9f7c8b5' },
  };
}

/** A blue-green Rollout. */
export function blueGreenRollout(): any {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name: 'search', namespace: 'shop' },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'search' } },
      template: {
        metadata: { labels: { app: 'search' } },
        spec: { containers: [{ name: 'search', image: 'search:2.0.0', resources: { limits: { memory: '2Gi' } } }] },
      },
      strategy: { blueGreen: { activeService: 'search-active', previewService: 'search-preview', autoPromotionEnabled: false } },
    },
  };
}

/** A canary Rollout that takes its template from a Deployment (workloadRef). */
export function workloadRefRollout(): any {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name: 'cart', namespace: 'shop' },
    spec: {
      replicas: 3,
      workloadRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'cart', scaleDown: 'progressively' },
      strategy: { canary: { steps: [{ setWeight: 25 }, { pause: { duration: '5m' } }] } },
    },
  };
}

/** A frozen copy of `base` after `edit` (so the inputs of diffRollout are frozen). */
export function edited(base: () => any, edit: (rollout: any) => void = () => {}): any {
  const rollout = base();
  edit(rollout);
  return deepFreeze(rollout);
}
