// The defaults that depend on where a struct sits (a Pod's own spec, a Job's own spec) or fill a
// map entry by entry, and the volume/probe defaults, as test/e2e/defaults/ found them on a real
// kube-apiserver 1.33.
import { describe, expect, it } from 'vitest';
import { frozenCopy } from '../helpers/deepFreeze.js';
import { isRealChange, semanticDiff, type SemanticNormalizeOptions } from 'kubepatch';

const real = (a: object, b: object, normalize: SemanticNormalizeOptions = {}) =>
  semanticDiff(frozenCopy(a), frozenCopy(b), { normalize }).filter(isRealChange).map((c) => `${c.kind} ${c.path}`);
const defaulted = (a: object, b: object) =>
  semanticDiff(frozenCopy(a), frozenCopy(b)).filter((c) => c.equalBecause === 'default').map((c) => c.path);

const pod = (spec: object) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec });
const deployment = (podSpec: object) => ({
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' },
  spec: { replicas: 1, selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: podSpec } },
});

describe('Pod-only defaults (SetDefaults_Pod)', () => {
  const limits = { name: 'app', image: 'app:1', resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '100m' } } };

  it('fills requests from limits entry by entry in a Pod, not in a pod template', () => {
    const live = { name: 'app', image: 'app:1', resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '100m', memory: '1Gi' } } };
    expect(defaulted(pod({ containers: [live] }), pod({ containers: [limits] }))).toEqual(['spec.containers[name=app].resources.requests.memory']);
    expect(real(pod({ containers: [live] }), pod({ containers: [limits] }))).toEqual([]);
    expect(real(deployment({ containers: [live] }), deployment({ containers: [limits] }))).toEqual([
      'removed spec.template.spec.containers[name=app].resources.requests.memory',
    ]);
  });

  it('fills enableServiceLinks in a Pod only', () => {
    const c = [{ name: 'app', image: 'app:1' }];
    expect(real(pod({ containers: c, enableServiceLinks: true }), pod({ containers: c }))).toEqual([]);
    expect(real(pod({ containers: c, enableServiceLinks: false }), pod({ containers: c }))).toEqual(['changed spec.enableServiceLinks']);
    expect(real(deployment({ containers: c, enableServiceLinks: true }), deployment({ containers: c }))).toEqual([
      'removed spec.template.spec.enableServiceLinks',
    ]);
  });

  it('fills hostPort from containerPort on the host network, in a Pod only', () => {
    const live = [{ name: 'app', image: 'app:1', ports: [{ containerPort: 80, hostPort: 80 }] }];
    const sent = [{ name: 'app', image: 'app:1', ports: [{ containerPort: 80 }] }];
    expect(real(pod({ hostNetwork: true, containers: live }), pod({ hostNetwork: true, containers: sent }))).toEqual([]);
    expect(real(pod({ containers: live }), pod({ containers: sent }))).toHaveLength(1);
    expect(real(deployment({ hostNetwork: true, containers: live }), deployment({ hostNetwork: true, containers: sent }))).toHaveLength(1);
  });

  it('copies serviceAccountName to the deprecated serviceAccount, in templates too', () => {
    const c = [{ name: 'app', image: 'app:1' }];
    expect(real(deployment({ serviceAccountName: 'x', serviceAccount: 'x', containers: c }), deployment({ serviceAccountName: 'x', containers: c }))).toEqual([]);
    expect(real(deployment({ serviceAccountName: 'x', serviceAccount: 'y', containers: c }), deployment({ serviceAccountName: 'x', containers: c }))).toHaveLength(1);
  });
});

describe('Job defaults apply to a Job, not to a CronJob\'s job template', () => {
  const template = { spec: { restartPolicy: 'Never', containers: [{ name: 'app', image: 'app:1' }] } };
  const job = (spec: object) => ({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' }, spec: { template, ...spec } });
  const jobDefaults = { completions: 1, parallelism: 1, backoffLimit: 6, completionMode: 'NonIndexed', suspend: false, podReplacementPolicy: 'TerminatingOrFailed', manualSelector: false };

  it('fills completions and parallelism together, backoffLimit, podReplacementPolicy by the other fields', () => {
    expect(real(job(jobDefaults), job({}))).toEqual([]);
    expect(real(job({ ...jobDefaults, parallelism: 3 }), job({ parallelism: 3 }))).toEqual(['removed spec.completions']);
    expect(real(job({ ...jobDefaults, completionMode: 'Indexed', backoffLimitPerIndex: 1, backoffLimit: 2147483647 }), job({ completionMode: 'Indexed', backoffLimitPerIndex: 1 }))).toEqual([]);
    const policy = { rules: [{ action: 'FailJob', onExitCodes: { operator: 'In', values: [1] } }] };
    expect(real(job({ ...jobDefaults, podFailurePolicy: policy, podReplacementPolicy: 'Failed' }), job({ podFailurePolicy: policy }))).toEqual([]);
  });

  it('leaves a CronJob\'s job template alone, and fills the CronJob\'s own defaults', () => {
    const cron = (spec: object, jobSpec: object) => ({
      apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'c' }, spec: { schedule: '* * * * *', jobTemplate: { spec: { template, ...jobSpec } }, ...spec },
    });
    const cronDefaults = { concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1 };
    expect(real(cron(cronDefaults, {}), cron({}, {}))).toEqual([]);
    expect(real(cron({}, { parallelism: 1 }), cron({}, {}))).toEqual(['removed spec.jobTemplate.spec.parallelism']);
  });

  it('counts the metadata: { creationTimestamp: null } the server writes in a job template as absent', () => {
    const cron = (jobTemplate: object) => ({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'c' }, spec: { schedule: '* * * * *', jobTemplate } });
    expect(real(cron({ metadata: { creationTimestamp: null }, spec: { template } }), cron({ spec: { template } }))).toEqual([]);
    expect(real(cron({ metadata: { labels: null, name: 'x' }, spec: { template } }), cron({ spec: { template } }))).toHaveLength(1);
  });
});

describe('StatefulSet, DaemonSet, ReplicaSet defaults', () => {
  const sts = (spec: object) => ({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 's' }, spec: { selector: {}, template: {}, ...spec } });
  const stsDefaults = { replicas: 1, podManagementPolicy: 'OrderedReady', revisionHistoryLimit: 10, serviceName: '', persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' } };

  it('fills rollingUpdate.partition only when the strategy type was left out', () => {
    expect(real(sts({ ...stsDefaults, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } } }), sts({}))).toEqual([]);
    expect(real(sts({ ...stsDefaults, updateStrategy: { type: 'RollingUpdate' } }), sts({ updateStrategy: { type: 'RollingUpdate' } }))).toEqual([]);
    expect(real(sts({ ...stsDefaults, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } } }), sts({ updateStrategy: { type: 'RollingUpdate' } }))).toHaveLength(1);
  });

  it('fills apiVersion, kind, volumeMode and status of volume claim templates', () => {
    const claim = { metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'] } };
    const stored = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], volumeMode: 'Filesystem' }, status: { phase: 'Pending' } };
    expect(real(sts({ ...stsDefaults, volumeClaimTemplates: [stored] }), sts({ ...stsDefaults, volumeClaimTemplates: [claim] }))).toEqual([]);
  });

  it('fills the DaemonSet update strategy and the ReplicaSet replicas', () => {
    const ds = (spec: object) => ({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'd' }, spec: { revisionHistoryLimit: 10, ...spec } });
    expect(real(ds({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } } }), ds({}))).toEqual([]);
    expect(real(ds({ updateStrategy: { type: 'OnDelete' } }), ds({ updateStrategy: { type: 'OnDelete' } }))).toEqual([]);
    const rs = (spec: object) => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'r' }, spec });
    expect(real(rs({ replicas: 1 }), rs({}))).toEqual([]);
  });
});

describe('volume, probe and Service defaults', () => {
  it('fills defaultMode, fieldRef.apiVersion, divisor, expirationSeconds, hostPath type, httpGet path and grpc service', () => {
    const sent = {
      containers: [{
        name: 'app', image: 'app:1', livenessProbe: { httpGet: { port: 80 } }, readinessProbe: { grpc: { port: 90 } },
        env: [{ name: 'CPU', valueFrom: { resourceFieldRef: { resource: 'limits.cpu' } } }, { name: 'N', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
      }],
      volumes: [
        { name: 'a', configMap: { name: 'c' } }, { name: 'b', secret: { secretName: 's' } }, { name: 'c', hostPath: { path: '/x' } },
        { name: 'd', projected: { sources: [{ serviceAccountToken: { path: 't' } }] } }, { name: 'e', downwardAPI: { items: [] } },
      ],
    };
    const stored = {
      containers: [{
        name: 'app', image: 'app:1',
        livenessProbe: { httpGet: { port: 80, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
        readinessProbe: { grpc: { port: 90, service: '' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
        env: [
          { name: 'CPU', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '0' } } },
          { name: 'N', valueFrom: { fieldRef: { fieldPath: 'metadata.name', apiVersion: 'v1' } } },
        ],
      }],
      volumes: [
        { name: 'a', configMap: { name: 'c', defaultMode: 420 } }, { name: 'b', secret: { secretName: 's', defaultMode: 420 } },
        { name: 'c', hostPath: { path: '/x', type: '' } },
        { name: 'd', projected: { defaultMode: 420, sources: [{ serviceAccountToken: { path: 't', expirationSeconds: 3600 } }] } },
        { name: 'e', downwardAPI: { items: [], defaultMode: 420 } },
      ],
    };
    expect(real(deployment(stored), deployment(sent))).toEqual([]);
    expect(real(deployment({ ...stored, volumes: [{ name: 'a', configMap: { name: 'c', defaultMode: 256 } }] }), deployment({ ...sent, volumes: [{ name: 'a', configMap: { name: 'c' } }] }))).toEqual([
      'changed spec.template.spec.volumes[name=a].configMap.defaultMode',
    ]);
  });

  it('fills sessionAffinityConfig for ClientIP, allocateLoadBalancerNodePorts for LoadBalancer, clusterIPs from clusterIP', () => {
    const svc = (spec: object) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 80 }], ...spec } });
    const base = { sessionAffinity: 'None', internalTrafficPolicy: 'Cluster', ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }] };
    expect(real(svc({ ...base, type: 'ClusterIP', sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } } }), svc({ sessionAffinity: 'ClientIP' }))).toEqual([]);
    expect(real(svc({ ...base, type: 'LoadBalancer', externalTrafficPolicy: 'Cluster', allocateLoadBalancerNodePorts: true }), svc({ type: 'LoadBalancer' }))).toEqual([]);
    expect(real(svc({ ...base, type: 'ClusterIP', clusterIP: 'None', clusterIPs: ['None'] }), svc({ clusterIP: 'None' }))).toEqual([]);
    // An allocated address the manifest leaves out is the cluster's (webhook-written), not the table's.
    expect(real(svc({ ...base, type: 'ClusterIP', clusterIP: '10.0.0.1', clusterIPs: ['10.0.0.1'] }), svc({}), { webhookWritten: false }))
      .toEqual(['removed spec.clusterIP', 'removed spec.clusterIPs']);
    expect(real(svc({ ...base, type: 'ClusterIP', clusterIP: '10.0.0.1', clusterIPs: ['10.0.0.1'] }), svc({}))).toEqual([]);
  });
});
