// The kinds test/e2e/apply/resetFields.test.ts writes to the real API server, through the main
// resource and through /status: a manifest to create, a status the main resource must not take,
// a status for the status writes, a spec change they must not make, and a spec change the main
// resource takes.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { JsonObject } from '../../../../src/json/JsonValue.ts';
import { ROLLOUT_CRD_V191 } from '../../helpers/crds.js';

export interface ResetFieldsCase {
  readonly apiVersion: string;
  readonly kind: string;
  readonly resource: string;
  /** The CRD of a custom resource. */
  readonly crd?: object;
  /** The object to create, `status` included (which the server does not keep). */
  readonly manifest: (name: string) => JsonObject;
  /** A status the main resource's apply and update try to set. */
  readonly mainStatus: JsonObject;
  /** A status the status subresource's apply sets. */
  readonly status: JsonObject;
  /** A status the status subresource's update (PUT) sets, from the stored one. */
  readonly statusUpdate: (status: any) => JsonObject;
  /** A spec change the status writes try. */
  readonly specChange: JsonObject;
  /** A spec change the main resource's update makes (absent where spec hardly changes). */
  readonly mainSpecChange?: JsonObject;
  /**
   * Status members the read-back adds by defaulting (`SetDefaults_*` when the stored object is
   * decoded), which is not the strategy's doing and so not `resetObject`'s.
   */
  readonly statusReadDefaults?: JsonObject;
}

const containers = [{ name: 'app', image: 'registry.example.com/app:1', resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '100m', memory: '64Mi' } } }];
const template = (app: string) => ({ metadata: { labels: { app } }, spec: { containers } });

export const resetFieldsCases: readonly ResetFieldsCase[] = [
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    resource: 'deployments',
    manifest: (name) => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, labels: { app: name } },
      spec: { replicas: 2, selector: { matchLabels: { app: name } }, template: template(name) },
      status: { replicas: 4, observedGeneration: 9 },
    }),
    mainStatus: { replicas: 5, observedGeneration: 3 },
    status: { replicas: 2, observedGeneration: 1 },
    statusUpdate: (status) => ({ ...status, replicas: 1, updatedReplicas: 1 }),
    specChange: { replicas: 7 },
    mainSpecChange: { minReadySeconds: 5 },
  },
  {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    resource: 'statefulsets',
    manifest: (name) => ({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name, labels: { app: name } },
      spec: { replicas: 1, serviceName: name, selector: { matchLabels: { app: name } }, template: template(name) },
      status: { replicas: 3 },
    }),
    mainStatus: { replicas: 6 },
    status: { replicas: 2, currentRevision: 'r1' },
    statusUpdate: (status) => ({ ...status, replicas: 1, updateRevision: 'r2' }),
    specChange: { replicas: 9 },
    mainSpecChange: { minReadySeconds: 3 },
  },
  {
    apiVersion: 'v1',
    kind: 'Service',
    resource: 'services',
    manifest: (name) => ({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name, labels: { app: name } },
      spec: { selector: { app: name }, ports: [{ port: 80 }] },
      status: { conditions: [{ type: 'Ready', status: 'True', reason: 'Created', message: 'on create', lastTransitionTime: '2026-01-01T00:00:00Z' }] },
    }),
    mainStatus: { conditions: [{ type: 'Ready', status: 'False', reason: 'Main', message: 'main', lastTransitionTime: '2026-01-02T00:00:00Z' }] },
    status: { conditions: [{ type: 'Ready', status: 'True', reason: 'Status', message: 'status', lastTransitionTime: '2026-01-03T00:00:00Z' }] },
    statusUpdate: (status) => ({ ...status, conditions: [{ type: 'Ready', status: 'False', reason: 'Put', message: 'put', lastTransitionTime: '2026-01-04T00:00:00Z' }] }),
    specChange: { publishNotReadyAddresses: true },
    mainSpecChange: { publishNotReadyAddresses: true },
  },
  {
    apiVersion: 'v1',
    kind: 'Pod',
    resource: 'pods',
    manifest: (name) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, labels: { app: name } },
      spec: { containers },
      status: { phase: 'Running', message: 'set on create' },
    }),
    mainStatus: { phase: 'Failed', message: 'main' },
    status: { phase: 'Running', message: 'status' },
    statusUpdate: (status) => ({ ...status, message: 'put', reason: 'Testing' }),
    specChange: { activeDeadlineSeconds: 100 },
    mainSpecChange: { activeDeadlineSeconds: 300 },
  },
  {
    apiVersion: 'batch/v1',
    kind: 'Job',
    resource: 'jobs',
    manifest: (name) => ({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name, labels: { app: name } },
      spec: { template: { spec: { restartPolicy: 'Never', containers } } },
      status: { succeeded: 1 },
    }),
    mainStatus: { succeeded: 3 },
    status: { active: 1, startTime: '2026-01-01T00:00:00Z' },
    statusUpdate: (status) => ({ ...status, active: 2 }),
    specChange: { parallelism: 4 },
    mainSpecChange: { activeDeadlineSeconds: 600 },
  },
  {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    resource: 'persistentvolumeclaims',
    manifest: (name) => ({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name, labels: { app: name } },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
      status: { phase: 'Bound', capacity: { storage: '1Gi' } },
    }),
    mainStatus: { phase: 'Lost' },
    status: { phase: 'Bound', capacity: { storage: '1Gi' } },
    statusUpdate: (status) => ({ ...status, capacity: { storage: '2Gi' } }),
    specChange: { volumeName: 'some-volume' },
    statusReadDefaults: { phase: 'Pending' },
  },
  {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    resource: 'rollouts',
    crd: parse(readFileSync(ROLLOUT_CRD_V191, 'utf8')) as object,
    manifest: (name) => ({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Rollout',
      metadata: { name, labels: { app: name } },
      spec: { replicas: 2, selector: { matchLabels: { app: name } }, template: template(name), strategy: { canary: { steps: [{ setWeight: 20 }] } } },
      status: { phase: 'Healthy', message: 'set on create' },
    }),
    mainStatus: { phase: 'Degraded', message: 'main' },
    status: { phase: 'Progressing', message: 'status', replicas: 2 },
    statusUpdate: (status) => ({ ...status, phase: 'Healthy', readyReplicas: 2 }),
    specChange: { replicas: 9 },
    mainSpecChange: { minReadySeconds: 10 },
  },
];
