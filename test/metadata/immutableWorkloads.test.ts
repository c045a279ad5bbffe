import { describe, expect, it } from 'vitest';
import type { JsonObject } from 'kubepatch';
import { deepFreeze } from '../helpers/deepFreeze.js';
import { findImmutableFieldChanges } from 'kubepatch';

type Obj = JsonObject;
const messages = (oldObj: object, newObj: object) => findImmutableFieldChanges(deepFreeze(oldObj), deepFreeze(newObj)).map((c) => c.message);
const paths = (oldObj: object, newObj: object) => findImmutableFieldChanges(deepFreeze(oldObj), deepFreeze(newObj)).map((c) => c.path);
const withSpec = (object: Obj, spec: Obj): Obj => ({ ...object, spec: { ...(object.spec as Obj), ...spec } });

const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'app:1' }] } };

describe('Deployment, ReplicaSet, DaemonSet: spec.selector', () => {
  const deployment: Obj = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template } };

  it('refuses a changed selector with the API server message, the new selector as JSON', () => {
    const changes = findImmutableFieldChanges(deepFreeze(deployment), deepFreeze(withSpec(deployment, { selector: { matchLabels: { app: 'web2' } } })));
    expect(changes).toEqual([
      {
        path: '/spec/selector',
        field: 'spec.selector',
        old: { matchLabels: { app: 'web' } },
        new: { matchLabels: { app: 'web2' } },
        message: 'spec.selector: Invalid value: {"matchLabels":{"app":"web2"}}: field is immutable',
      },
    ]);
  });

  it('applies to ReplicaSets and DaemonSets, and to a selector added or removed', () => {
    for (const kind of ['ReplicaSet', 'DaemonSet']) {
      const object = { ...deployment, kind };
      expect(messages(object, withSpec(object, { selector: { matchLabels: { app: 'web', tier: 'front' } } }))).toEqual([
        'spec.selector: Invalid value: {"matchLabels":{"app":"web","tier":"front"}}: field is immutable',
      ]);
    }
    const without: Obj = { ...deployment, spec: { template } };
    expect(messages(without, deployment)).toEqual(['spec.selector: Invalid value: {"matchLabels":{"app":"web"}}: field is immutable']);
    // A nil pointer is printed as the Go string "null", quoted (checked against kube-apiserver 1.33, test/e2e/immutable).
    expect(messages(deployment, without)).toEqual(['spec.selector: Invalid value: "null": field is immutable']);
    // A nil selector is not an empty one.
    expect(messages(without, withSpec(without, { selector: {} }))).toEqual(['spec.selector: Invalid value: {}: field is immutable']);
  });

  it('compares selectors as Go does: empty lists and maps are none, list order counts', () => {
    expect(messages(deployment, withSpec(deployment, { selector: { matchLabels: { app: 'web' }, matchExpressions: [] } }))).toEqual([]);
    const a = withSpec(deployment, {
      selector: { matchExpressions: [{ key: 'a', operator: 'Exists' }, { key: 'b', operator: 'In', values: ['x<y'] }] },
    });
    const b = withSpec(deployment, {
      selector: { matchExpressions: [{ key: 'b', operator: 'In', values: ['x<y'] }, { key: 'a', operator: 'Exists', values: [] }] },
    });
    expect(messages(a, b)).toEqual([
      'spec.selector: Invalid value: {"matchExpressions":[{"key":"b","operator":"In","values":["x\\u003cy"]},{"key":"a","operator":"Exists"}]}: field is immutable',
    ]);
  });

  it('lets everything else change, and has no rule for apps/v1beta1 or extensions/v1beta1 Deployments', () => {
    expect(messages(deployment, withSpec(deployment, { replicas: 5, template: { ...template, spec: { containers: [{ name: 'x', image: 'x:2' }] } } }))).toEqual([]);
    for (const apiVersion of ['apps/v1beta1', 'extensions/v1beta1']) {
      const old = { ...deployment, apiVersion };
      expect(messages(old, withSpec(old, { selector: { matchLabels: { app: 'other' } } }))).toEqual([]);
    }
  });
});

describe('StatefulSet: forbidden spec fields', () => {
  const FORBIDDEN =
    "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', " +
    "'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";
  const claim = (storage: string) => ({ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage } } } });
  const statefulSet: Obj = {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'db' },
    spec: { replicas: 1, serviceName: 'db', selector: { matchLabels: { app: 'db' } }, template, volumeClaimTemplates: [claim('1Gi')] },
  };

  it('refuses changes to selector, serviceName, volumeClaimTemplates and podManagementPolicy, one change per field', () => {
    const changed = withSpec(statefulSet, {
      serviceName: 'db-headless',
      volumeClaimTemplates: [claim('2Gi')],
      podManagementPolicy: 'Parallel',
      selector: { matchLabels: { app: 'db2' } },
    });
    const changes = findImmutableFieldChanges(deepFreeze(statefulSet), deepFreeze(changed));
    expect(changes.map((c) => [c.path, c.field, c.message])).toEqual([
      ['/spec/serviceName', 'spec', FORBIDDEN],
      ['/spec/selector', 'spec', FORBIDDEN],
      ['/spec/volumeClaimTemplates', 'spec', FORBIDDEN],
      ['/spec/podManagementPolicy', 'spec', FORBIDDEN],
    ]);
    // Compared with the default (OrderedReady), reported as given.
    expect(changes[3]).toMatchObject({ old: undefined, new: 'Parallel' });
  });

  it('lets the updatable fields change, and compares quantities and defaults as the server does', () => {
    const changed = withSpec(statefulSet, {
      replicas: 3,
      ordinals: { start: 1 },
      template: { ...template, spec: { containers: [{ name: 'app', image: 'app:2' }] } },
      updateStrategy: { type: 'OnDelete' },
      revisionHistoryLimit: 2,
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Delete' },
      minReadySeconds: 10,
      volumeClaimTemplates: [claim('1024Mi')],
      podManagementPolicy: 'OrderedReady',
      notAField: true,
    });
    expect(messages(statefulSet, changed)).toEqual([]);
  });
});

describe('Job', () => {
  const job: Obj = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'migrate' },
    spec: {
      completions: 3,
      parallelism: 1,
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'u1' } },
      template: { metadata: { labels: { app: 'j' } }, spec: { containers: [{ name: 'a', image: 'b:1' }], restartPolicy: 'Never' } },
    },
  };
  const withTemplateSpec = (object: Obj, spec: Obj) => {
    const current = (object.spec as Obj).template as Obj;
    return withSpec(object, { template: { ...current, spec: { ...(current.spec as Obj), ...spec } } });
  };

  it('refuses a template change, printing the new template as JSON', () => {
    expect(messages(job, withTemplateSpec(job, { containers: [{ name: 'a', image: 'b:2' }] }))).toEqual([
      'spec.template: Invalid value: {"metadata":{"creationTimestamp":null,"labels":{"app":"j"}},"spec":{"containers":[{"name":"a","image":"b:2","resources":{}}],"restartPolicy":"Never"}}: field is immutable',
    ]);
  });

  it('lets a suspended Job that never started change its scheduling directives, labels and annotations', () => {
    const suspended = withSpec(job, { suspend: true });
    const changed = withSpec(
      withTemplateSpec(suspended, {
        nodeSelector: { pool: 'spot' },
        tolerations: [{ key: 'spot', operator: 'Exists' }],
        schedulingGates: [{ name: 'kueue' }],
        affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }] } } },
      }),
      {},
    );
    const relabelled = (changed.spec as Obj).template as Obj;
    const withLabels = withSpec(changed, { template: { ...relabelled, metadata: { labels: { app: 'k' }, annotations: { a: 'b' } } } });
    expect(messages(suspended, withLabels)).toEqual([]);
    // Not once it has started, and never its containers.
    const started = { ...suspended, status: { startTime: '2025-01-01T00:00:00Z' } };
    expect(paths(started, { ...withLabels, status: started.status })).toEqual(['/spec/template']);
    expect(paths(suspended, withTemplateSpec(suspended, { containers: [{ name: 'a', image: 'b:2' }] }))).toEqual(['/spec/template']);
  });

  it('clears node affinity of a suspended Job only when nothing else is in the affinity', () => {
    const suspended = withTemplateSpec(withSpec(job, { suspend: true }), {
      affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, preference: {} }] } },
    });
    expect(messages(suspended, withTemplateSpec(suspended, { affinity: null }))).toEqual([]);
    const both = withTemplateSpec(suspended, {
      affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [] }, podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [] } },
    });
    expect(paths(both, withTemplateSpec(both, { affinity: null }))).toEqual(['/spec/template']);
  });

  it('lets completions change only with parallelism, in an Indexed Job', () => {
    expect(messages(job, withSpec(job, { completions: 4 }))).toEqual(['spec.completions: Invalid value: 4: field is immutable']);
    const indexed = withSpec(job, { completionMode: 'Indexed' });
    expect(messages(indexed, withSpec(indexed, { completions: 4, parallelism: 4 }))).toEqual([]);
    expect(messages(indexed, withSpec(indexed, { completions: 4, parallelism: 2 }))).toEqual([
      'spec.completions: Invalid value: 4: can only be modified in tandem with spec.parallelism',
    ]);
  });

  it('refuses changes to selector, completionMode, podFailurePolicy, backoffLimitPerIndex, managedBy and successPolicy', () => {
    expect(messages(job, withSpec(job, { selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'u2' } } }))).toEqual([
      'spec.selector: Invalid value: {"matchLabels":{"batch.kubernetes.io/controller-uid":"u2"}}: field is immutable',
    ]);
    // completionMode defaults to NonIndexed.
    expect(messages(job, withSpec(job, { completionMode: 'NonIndexed' }))).toEqual([]);
    expect(messages(job, withSpec(job, { completionMode: 'Indexed', completions: 3 }))).toEqual([
      'spec.completionMode: Invalid value: "Indexed": field is immutable',
    ]);
    expect(
      messages(job, withSpec(job, { backoffLimitPerIndex: 2, managedBy: 'kueue.x-k8s.io/multikueue', podFailurePolicy: { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] }] } })),
    ).toEqual([
      'spec.podFailurePolicy: Invalid value: {"rules":[{"action":"Ignore","onPodConditions":[{"type":"DisruptionTarget","status":""}]}]}: field is immutable',
      'spec.backoffLimitPerIndex: Invalid value: 2: field is immutable',
      'spec.managedBy: Invalid value: "kueue.x-k8s.io/multikueue": field is immutable',
    ]);
    expect(messages(job, withSpec(job, { successPolicy: { rules: [{ succeededCount: 1 }] } }))).toEqual([
      'spec.successPolicy: Invalid value: {"rules":[{"succeededCount":1}]}: field is immutable',
    ]);
  });

  it('lets parallelism, suspend, backoffLimit and activeDeadlineSeconds change', () => {
    expect(messages(job, withSpec(job, { parallelism: 5, suspend: true, backoffLimit: 1, activeDeadlineSeconds: 60 }))).toEqual([]);
  });
});

describe('Pod', () => {
  const SPEC =
    'spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,' +
    '`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),' +
    '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';
  const pod: Obj = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'worker' },
    spec: {
      containers: [{ name: 'app', image: 'app:1', resources: { limits: { cpu: '1' } } }],
      initContainers: [{ name: 'init', image: 'init:1' }],
      tolerations: [{ key: 'a', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 30 }],
      terminationGracePeriodSeconds: -1,
      activeDeadlineSeconds: 100,
    },
  };

  it('lets images, tolerationSeconds, added tolerations, a lower deadline and a grace period of 1 change', () => {
    const changed = withSpec(pod, {
      containers: [{ name: 'app', image: 'app:2', resources: { limits: { cpu: '1000m' } } }],
      initContainers: [{ name: 'init', image: 'init:2' }],
      tolerations: [{ key: 'b', operator: 'Exists' }, { key: 'a', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 }],
      terminationGracePeriodSeconds: 1,
      activeDeadlineSeconds: 50,
    });
    expect(messages(pod, changed)).toEqual([]);
  });

  it('refuses anything else in the spec, one change per field, with the first line of the server message', () => {
    const changed = withSpec(pod, {
      containers: [{ name: 'app', image: 'app:2', env: [{ name: 'A', value: '1' }], resources: { limits: { cpu: '2' } } }],
      nodeName: 'node-1',
    });
    expect(findImmutableFieldChanges(deepFreeze(pod), deepFreeze(changed)).map((c) => [c.path, c.message])).toEqual([
      ['/spec/containers', SPEC],
      ['/spec/nodeName', SPEC],
    ]);
  });

  it('refuses added or removed containers, and stops there', () => {
    const changed = withSpec(pod, { containers: [], nodeName: 'x' });
    expect(messages(pod, changed)).toEqual(['spec.containers: Forbidden: pod updates may not add or remove containers']);
    expect(messages(pod, withSpec(pod, { initContainers: null }))).toEqual(['spec.initContainers: Forbidden: pod updates may not add or remove containers']);
  });

  it('checks activeDeadlineSeconds and tolerations', () => {
    expect(messages(pod, withSpec(pod, { activeDeadlineSeconds: 200 }))).toEqual([
      'spec.activeDeadlineSeconds: Invalid value: 200: must be less than or equal to previous value',
    ]);
    expect(messages(pod, withSpec(pod, { activeDeadlineSeconds: null }))).toEqual([
      'spec.activeDeadlineSeconds: Invalid value: "null": must not update from a positive integer to nil value',
    ]);
    expect(messages(pod, withSpec(pod, { tolerations: [{ key: 'a', operator: 'Exists', effect: 'NoSchedule' }] }))).toEqual([
      'spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds',
    ]);
    expect(messages(pod, withSpec(pod, { terminationGracePeriodSeconds: 5 }))).toEqual([SPEC]);
  });
});
