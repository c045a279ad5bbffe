/** Manifests the client tests store on the fake API server. */

/** A ReplicaSet the Argo Rollouts controller manages. */
export function replicaSet(name = 'web-7d9f8', namespace = 'shop') {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace,
      labels: { app: 'web', 'rollouts-pod-template-hash': '7d9f8' },
      annotations: { 'rollout.argoproj.io/revision': '3', 'rollout.argoproj.io/desired-replicas': '3' },
    },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'web', 'rollouts-pod-template-hash': '7d9f8' } },
      template: {
        metadata: { labels: { app: 'web', 'rollouts-pod-template-hash': '7d9f8' }, annotations: { 'prometheus.io/scrape': 'true' } },
        spec: { containers: [{ name: 'app', image: 'web:3' }, { name: 'proxy', image: 'envoy:1' }] },
      },
    },
    status: { replicas: 3, readyReplicas: 3 },
  };
}

/** An Argo Rollout: a custom resource, so no strategic merge patch. */
export function rollout(name = 'web', namespace = 'shop') {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name, namespace, annotations: { 'rollout.argoproj.io/revision': '3' } },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'web:3' }] } },
      strategy: { canary: { steps: [{ setWeight: 20 }, { pause: {} }] } },
    },
  };
}

/** A Deployment. */
export function deployment(name = 'api', namespace = 'shop') {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, labels: { app: name } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'app', image: `${name}:1` }, { name: 'debug', image: 'busybox' }] },
      },
    },
  };
}
