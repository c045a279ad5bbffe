import { createNamespace, serverOk } from './serverRequest.js';
import { uniqueName } from './envtest.js';

/**
 * What the kubepatch/client e2e tests share: a namespace of their own, the manifests they create,
 * and a raw read-back that names the resource itself (its plural spelled out), so that what the
 * server stored is seen without going through kubepatch/client.
 */

/** An object as the server sent it: tests reach into it freely. */
export type Stored = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- whatever the server sent

/** Where an object lives, with its plural spelled out (not guessed by kubepatch). */
export interface StoredAt {
  readonly apiVersion: string;
  readonly plural: string;
  readonly namespace?: string;
  readonly name: string;
}

/** Creates a namespace no other test file uses, and answers its name. */
export async function clientNamespace(prefix: string): Promise<string> {
  const namespace = uniqueName(prefix);
  await createNamespace(namespace);
  return namespace;
}

/** The URL path of an object, or of its collection without `name`. */
export function objectPath(at: Omit<StoredAt, 'name'> & { readonly name?: string }): string {
  const base = at.apiVersion.includes('/') ? `/apis/${at.apiVersion}` : `/api/${at.apiVersion}`;
  const scope = at.namespace === undefined ? '' : `/namespaces/${at.namespace}`;
  return `${base}${scope}/${at.plural}${at.name === undefined ? '' : `/${at.name}`}`;
}

/** Creates an object with a raw POST and answers what the server stored. */
export function createRaw(at: Omit<StoredAt, 'name'>, object: object): Promise<Stored> {
  return serverOk('POST', objectPath(at), object);
}

/** What the server holds now, read with a raw GET. */
export function readStored(at: StoredAt): Promise<Stored> {
  return serverOk('GET', objectPath(at));
}

/**
 * The object without what the server owns and writes on every change (resourceVersion, uid,
 * generation, creationTimestamp, managedFields, status), for comparing stored with edited.
 */
export function withoutServerFields(object: Stored): Stored {
  const copy = structuredClone(object);
  delete copy.status;
  for (const field of ['resourceVersion', 'uid', 'generation', 'creationTimestamp', 'managedFields']) delete copy.metadata?.[field];
  return copy;
}

/** A Deployment with two containers. */
export function deploymentManifest(namespace: string, name = 'api') {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, labels: { app: name } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'app', image: `${name}:1` }, { name: 'debug', image: 'busybox:1' }] },
      },
    },
  };
}

/** A ConfigMap. */
export function configMapManifest(namespace: string, name = 'settings') {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace }, data: { mode: 'fast', level: '3' } };
}

/** A ReplicaSet as the Argo Rollouts controller makes them. */
export function replicaSetManifest(namespace: string, name = 'web-7d9f8') {
  const labels = { app: 'web', 'rollouts-pod-template-hash': '7d9f8' };
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace, labels, annotations: { 'rollout.argoproj.io/revision': '3' } },
    spec: {
      replicas: 3,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: 'app', image: 'web:3' }] } },
    },
  };
}

/** A minimal valid Argo Rollout (v1.9.1 CRD): selector, template and a canary strategy. */
export function rolloutManifest(namespace: string, name = 'web') {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name, namespace, annotations: { 'rollout.argoproj.io/revision': '3' } },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'app', image: `${name}:3` }, { name: 'proxy', image: 'envoy:1' }] },
      },
      strategy: { canary: { steps: [{ setWeight: 20 }, { pause: {} }] } },
    },
  };
}

export const DEPLOYMENTS = { apiVersion: 'apps/v1', plural: 'deployments' } as const;
export const REPLICA_SETS = { apiVersion: 'apps/v1', plural: 'replicasets' } as const;
export const CONFIG_MAPS = { apiVersion: 'v1', plural: 'configmaps' } as const;
export const ROLLOUTS = { apiVersion: 'argoproj.io/v1alpha1', plural: 'rollouts' } as const;
