// Real OutOfSync reports from Argo CD's tracker, one case per shape: the live object as the API
// server returns it and the manifest as the user wrote it, each rebuilt here from the report
// (names shortened, values invented where the report only showed a screenshot). Every one is a
// false positive: semanticDiff must find no real difference, and say why, by the normalization
// or the rule named in `explained`. `without` is the same comparison with that normalization or
// rule taken away, which must be out of sync: the reason given is the one that matters.
import type { SemanticDiffOptions } from 'kubepatch';
import type { IgnoredBy } from 'kubepatch';

type Obj = Record<string, unknown>;

export interface ExplainedCase {
  readonly title: string;
  /** The upstream reports of this shape. */
  readonly issues: readonly string[];
  readonly live: Obj;
  readonly manifest: Obj;
  readonly options?: SemanticDiffOptions;
  /** Every path that differs, and why it is no difference. */
  readonly explained: readonly { readonly path: string; readonly because: string; readonly ignoredBy?: IgnoredBy }[];
  /** The options without the normalization or rule that explains the case. */
  readonly without: SemanticDiffOptions;
}

const labels = { app: 'web' };

const deployment = (name: string, containers: Obj[], extra: { metadata?: Obj; spec?: Obj } = {}): Obj => ({
  apiVersion: 'apps/v1', kind: 'Deployment',
  metadata: { name, namespace: 'apps', ...extra.metadata },
  spec: { selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers } }, ...extra.spec },
});

/** What the API server adds to a Deployment and its containers, so that only the case's own shape differs. */
const liveDeployment = (name: string, containers: Obj[], extra: { metadata?: Obj; spec?: Obj } = {}): Obj => {
  const object = deployment(name, containers.map((c) => ({ imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', ...c })), extra);
  const spec = object.spec as Obj;
  Object.assign(spec, { replicas: 1, revisionHistoryLimit: 10, progressDeadlineSeconds: 600, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } }, ...extra.spec });
  const pod = (spec.template as Obj).spec as Obj;
  Object.assign(pod, { restartPolicy: 'Always', terminationGracePeriodSeconds: 30, dnsPolicy: 'ClusterFirst', securityContext: {}, schedulerName: 'default-scheduler' });
  Object.assign(object.metadata as Obj, { uid: '5d2c', resourceVersion: '81723', generation: 4, creationTimestamp: '2024-04-01T09:00:00Z' });
  return { ...object, status: { observedGeneration: 4, replicas: 1, readyReplicas: 1 } };
};

const managedBy = (manager: string, fieldsV1: Obj, apiVersion: string) => ({ manager, operation: 'Update', apiVersion, fieldsType: 'FieldsV1', fieldsV1, time: '2024-05-02T10:00:00Z' });

const webhookConfiguration = (kind: string, name: string, clientConfig: Obj, metadata: Obj = {}): Obj => ({
  apiVersion: 'admissionregistration.k8s.io/v1', kind,
  metadata: { name, ...metadata },
  webhooks: [{
    name: `${name}.example.com`, admissionReviewVersions: ['v1'], sideEffects: 'None',
    clientConfig: { service: { name, namespace: 'system', path: '/inject' }, ...clientConfig },
    rules: [{ apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE'], resources: ['pods'] }],
  }],
});

const conversionCrd = (group: string, kind: string, clientConfig: Obj, metadata: Obj = {}): Obj => ({
  apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition',
  metadata: { name: `${kind.toLowerCase()}s.${group}`, ...metadata },
  spec: {
    group, scope: 'Namespaced', names: { kind, plural: `${kind.toLowerCase()}s`, singular: kind.toLowerCase(), listKind: `${kind}List` },
    conversion: { strategy: 'Webhook', webhook: { conversionReviewVersions: ['v1'], clientConfig: { service: { name: 'webhook', namespace: 'system', path: '/convert', port: 443 }, ...clientConfig } } },
    versions: [{ name: 'v1beta1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } }],
  },
});

const secret = (fields: Obj): Obj => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'apps' }, type: 'Opaque', ...fields });

/** A CRD in the manner of #11074 and #11139: its schema declares `default:`s the server fills in. */
const defaultingCrd = {
  apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'alertmanagers.monitoring.example.com' },
  spec: {
    group: 'monitoring.example.com', scope: 'Namespaced', names: { kind: 'Alertmanager', plural: 'alertmanagers' },
    versions: [{
      name: 'v1', served: true, storage: true,
      schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: {
        replicas: { type: 'integer' },
        portName: { type: 'string', default: 'web' },
        logFormat: { type: 'string', default: 'logfmt' },
        retention: { type: 'string', default: '120h' },
        web: { type: 'object', properties: { timeout: { type: 'integer', default: 30 } } },
      } } } } },
    }],
  },
};

/** The part of Argo CD's Application CRD that #15898's fields are in: their types, no defaults. */
const applicationCrd = {
  apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'applications.argoproj.io' },
  spec: {
    group: 'argoproj.io', scope: 'Namespaced', names: { kind: 'Application', plural: 'applications' },
    versions: [{
      name: 'v1alpha1', served: true, storage: true,
      schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: {
        project: { type: 'string' },
        ignoreDifferences: { type: 'array', items: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
        source: { type: 'object', properties: {
          repoURL: { type: 'string' }, chart: { type: 'string' }, targetRevision: { type: 'string' },
          helm: { type: 'object', properties: {
            valueFiles: { type: 'array', items: { type: 'string' } },
            fileParameters: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, path: { type: 'string' } } } },
            ignoreMissingValueFiles: { type: 'boolean' }, passCredentials: { type: 'boolean' }, skipCrds: { type: 'boolean' },
          } },
        } },
        destination: { type: 'object', properties: { server: { type: 'string' }, namespace: { type: 'string' } } },
      } } } } },
    }],
  },
};

export const EXPLAINED_CASES: readonly ExplainedCase[] = [
  // ── Quantities ────────────────────────────────────────────────────────────────────────────
  {
    title: 'a CPU of 0.5 in the manifest, stored as 500m',
    issues: ['argo-cd#17682', 'argocd-operator#1290'],
    live: liveDeployment('web', [{ name: 'web', image: 'web:1.4', resources: { limits: { cpu: '500m' }, requests: { cpu: '500m' } } }]),
    manifest: deployment('web', [{ name: 'web', image: 'web:1.4', resources: { limits: { cpu: 0.5 }, requests: { cpu: '0.5' } } }]),
    explained: [
      { path: 'spec.template.spec.containers[name=web].resources.limits.cpu', because: 'quantity' },
      { path: 'spec.template.spec.containers[name=web].resources.requests.cpu', because: 'quantity' },
    ],
    without: { normalize: { quantity: false } },
  },
  {
    title: 'a StatefulSet asking for 1000M of memory and 1000m of CPU, stored as 1G and 1',
    issues: ['argo-cd#21135'],
    live: {
      apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db', namespace: 'apps' },
      spec: {
        serviceName: 'db', replicas: 1, selector: { matchLabels: labels }, podManagementPolicy: 'OrderedReady', revisionHistoryLimit: 10,
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
        persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
        template: { metadata: { labels }, spec: { containers: [{ name: 'db', image: 'db:16', resources: { requests: { memory: '1G', cpu: '1' }, limits: { memory: '1G' } } }] } },
      },
    },
    manifest: {
      apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db', namespace: 'apps' },
      spec: {
        serviceName: 'db', selector: { matchLabels: labels },
        template: { metadata: { labels }, spec: { containers: [{ name: 'db', image: 'db:16', resources: { requests: { memory: '1000M', cpu: '1000m' }, limits: { memory: '1000M' } } }] } },
      },
    },
    explained: [
      { path: 'spec.template.spec.containers[name=db].resources.requests.memory', because: 'quantity' },
      { path: 'spec.template.spec.containers[name=db].resources.requests.cpu', because: 'quantity' },
      { path: 'spec.template.spec.containers[name=db].resources.limits.memory', because: 'quantity' },
    ],
    without: { normalize: { quantity: false } },
  },

  // ── Empty versus absent ───────────────────────────────────────────────────────────────────
  {
    title: 'a chart that sets no resources: the server shows resources: {}',
    issues: ['argo-cd#16355'],
    live: liveDeployment('api', [{ name: 'api', image: 'api:2.9', resources: {} }]),
    manifest: deployment('api', [{ name: 'api', image: 'api:2.9' }]),
    explained: [{ path: 'spec.template.spec.containers[name=api].resources', because: 'empty-equals-absent' }],
    without: { normalize: { emptyEqualsAbsent: false } },
  },
  {
    title: 'a chart that renders empty values as null, {} and []',
    issues: ['argo-cd#18213'],
    live: liveDeployment('metrics', [{ name: 'metrics', image: 'metrics:0.7.2', resources: {} }]),
    manifest: deployment('metrics', [], {
      spec: { template: { metadata: { labels, annotations: {} }, spec: { containers: [{ name: 'metrics', image: 'metrics:0.7.2', resources: null, env: [] }], nodeSelector: {}, tolerations: [] } } },
    }),
    explained: [
      { path: 'spec.template.metadata.annotations', because: 'empty-equals-absent' },
      { path: 'spec.template.spec.containers[name=metrics].resources', because: 'empty-equals-absent' },
      { path: 'spec.template.spec.containers[name=metrics].env', because: 'empty-equals-absent' },
      { path: 'spec.template.spec.nodeSelector', because: 'empty-equals-absent' },
      { path: 'spec.template.spec.tolerations', because: 'empty-equals-absent' },
    ],
    without: { normalize: { emptyEqualsAbsent: false } },
  },
  {
    title: 'an Application written with its empty lists, which the live object leaves out',
    issues: ['argo-cd#15898'],
    live: {
      apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata: { name: 'shop', namespace: 'argocd' },
      spec: { project: 'default', source: { repoURL: 'https://charts.example.com', chart: 'shop', targetRevision: '1.2.0', helm: {} }, destination: { server: 'https://kubernetes.default.svc', namespace: 'shop' } },
    },
    manifest: {
      apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata: { name: 'shop', namespace: 'argocd' },
      spec: {
        project: 'default', ignoreDifferences: [],
        source: { repoURL: 'https://charts.example.com', chart: 'shop', targetRevision: '1.2.0', helm: { valueFiles: [], fileParameters: [] } },
        destination: { server: 'https://kubernetes.default.svc', namespace: 'shop' },
      },
    },
    options: { crds: [applicationCrd] },
    explained: [
      { path: 'spec.ignoreDifferences', because: 'empty-equals-absent' },
      { path: 'spec.source.helm.valueFiles', because: 'empty-equals-absent' },
      { path: 'spec.source.helm.fileParameters', because: 'empty-equals-absent' },
    ],
    without: { crds: [applicationCrd], normalize: { emptyEqualsAbsent: false } },
  },

  // ── Defaults the server or a CRD adds ─────────────────────────────────────────────────────
  {
    title: 'a StatefulSet of kube-prometheus-stack: every default the server fills in',
    issues: ['argo-cd#11074'],
    live: {
      apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'loki-write', namespace: 'monitoring' },
      spec: {
        serviceName: 'loki-write', replicas: 1, selector: { matchLabels: labels }, podManagementPolicy: 'OrderedReady', revisionHistoryLimit: 10,
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
        persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
        template: {
          metadata: { labels },
          spec: {
            containers: [{
              name: 'loki', image: 'grafana/loki:2.6.1', imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File',
              ports: [{ name: 'http', containerPort: 3100, protocol: 'TCP' }],
              readinessProbe: { httpGet: { path: '/ready', port: 'http', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
            }],
            volumes: [{ name: 'config', configMap: { name: 'loki', defaultMode: 420 } }],
            restartPolicy: 'Always', terminationGracePeriodSeconds: 30, dnsPolicy: 'ClusterFirst', securityContext: {}, schedulerName: 'default-scheduler',
          },
        },
      },
    },
    manifest: {
      apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'loki-write', namespace: 'monitoring' },
      spec: {
        serviceName: 'loki-write', selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            containers: [{ name: 'loki', image: 'grafana/loki:2.6.1', ports: [{ name: 'http', containerPort: 3100 }], readinessProbe: { httpGet: { path: '/ready', port: 'http' } } }],
            volumes: [{ name: 'config', configMap: { name: 'loki' } }],
          },
        },
      },
    },
    explained: [
      'spec.replicas', 'spec.podManagementPolicy', 'spec.updateStrategy', 'spec.revisionHistoryLimit', 'spec.persistentVolumeClaimRetentionPolicy',
      'spec.template.spec.containers[name=loki].ports[containerPort=3100,protocol=TCP].protocol',
      'spec.template.spec.containers[name=loki].readinessProbe.httpGet.scheme',
      'spec.template.spec.containers[name=loki].readinessProbe.timeoutSeconds',
      'spec.template.spec.containers[name=loki].imagePullPolicy',
      'spec.template.spec.volumes[name=config].configMap.defaultMode',
      'spec.template.spec.restartPolicy', 'spec.template.spec.dnsPolicy',
    ].map((path) => ({ path, because: 'default' })),
    without: { normalize: { defaults: false } },
  },
  {
    title: 'a custom resource whose CRD declares defaults, given its CRD',
    issues: ['argo-cd#11074', 'argo-cd#11139'],
    live: {
      apiVersion: 'monitoring.example.com/v1', kind: 'Alertmanager', metadata: { name: 'main', namespace: 'monitoring' },
      spec: { replicas: 3, portName: 'web', logFormat: 'logfmt', retention: '120h', web: { timeout: 30 } },
    },
    manifest: {
      apiVersion: 'monitoring.example.com/v1', kind: 'Alertmanager', metadata: { name: 'main', namespace: 'monitoring' },
      spec: { replicas: 3, web: {} },
    },
    options: { crds: [defaultingCrd] },
    explained: [
      { path: 'spec.web.timeout', because: 'crd-default' },
      { path: 'spec.portName', because: 'crd-default' },
      { path: 'spec.logFormat', because: 'crd-default' },
      { path: 'spec.retention', because: 'crd-default' },
    ],
    without: { crds: [defaultingCrd], normalize: { defaults: false } },
  },

  // ── Fields a webhook or a controller writes ───────────────────────────────────────────────
  {
    title: "istio's sidecar injector writes its own caBundle over the chart's empty one",
    issues: ['argo-cd#1487'],
    live: webhookConfiguration('MutatingWebhookConfiguration', 'istio-sidecar-injector', { caBundle: 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t' }),
    manifest: webhookConfiguration('MutatingWebhookConfiguration', 'istio-sidecar-injector', { caBundle: '' }),
    explained: [{ path: 'webhooks[name=istio-sidecar-injector.example.com].clientConfig.caBundle', because: 'webhook-written' }],
    without: { normalize: { webhookWritten: false } },
  },
  {
    title: "vault's agent injector configuration, whose caBundle the injector writes (the user's rule, for group \"\", matches nothing)",
    issues: ['argo-cd#4326'],
    live: webhookConfiguration('MutatingWebhookConfiguration', 'vault-agent-injector-cfg', { caBundle: 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t' }),
    manifest: webhookConfiguration('MutatingWebhookConfiguration', 'vault-agent-injector-cfg', {}),
    options: { argocd: { ignoreDifferences: [{ group: '', kind: 'MutatingWebhookConfiguration', name: 'webhookignore', namespace: 'default', jsonPointers: ['/webhooks'] }] } },
    explained: [{ path: 'webhooks[name=vault-agent-injector-cfg.example.com].clientConfig.caBundle', because: 'webhook-written' }],
    without: { normalize: { webhookWritten: false } },
  },
  {
    title: 'a CRD whose conversion webhook caBundle its controller writes',
    issues: ['metallb#2571', 'piraeusdatastore/helm-charts#74'],
    live: conversionCrd('metallb.io', 'BGPPeer', { caBundle: 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t' }),
    manifest: conversionCrd('metallb.io', 'BGPPeer', {}),
    explained: [{ path: 'spec.conversion.webhook.clientConfig.caBundle', because: 'webhook-written' }],
    without: { normalize: { webhookWritten: false } },
  },
  {
    title: "the deployment controller's revision annotation on a live Deployment",
    issues: ['argo-cd#1079'],
    live: liveDeployment('gateway', [{ name: 'gateway', image: 'gateway:0.0.1' }], { metadata: { annotations: { 'deployment.kubernetes.io/revision': '2' } } }),
    manifest: deployment('gateway', [{ name: 'gateway', image: 'gateway:0.0.1' }]),
    explained: [{ path: 'metadata.annotations["deployment.kubernetes.io/revision"]', because: 'webhook-written' }],
    without: { normalize: { webhookWritten: false } },
  },

  // ── Secrets with stringData ───────────────────────────────────────────────────────────────
  {
    title: 'a Secret written with stringData, stored as base64 data',
    issues: ['argo-cd#763'],
    live: secret({ data: { username: 'c2hvcA==', password: 'czNjcjN0' } }),
    manifest: secret({ stringData: { username: 'shop', password: 's3cr3t' } }),
    explained: [
      { path: 'stringData.username', because: 'string-data' },
      { path: 'stringData.password', because: 'string-data' },
    ],
    without: { normalize: { stringData: false } },
  },
  {
    title: 'a Secret whose values differ in length from their base64 (masks of one length, no diff)',
    issues: ['argo-cd#25260'],
    live: secret({ data: { token: 'dmF1bHQ6c2VjcmV0L2RhdGEvYXBwI3Rva2Vu', tls: 'eQ==' } }),
    manifest: secret({ data: { tls: 'eQ==' }, stringData: { token: 'vault:secret/data/app#token' } }),
    explained: [{ path: 'stringData.token', because: 'string-data' }],
    without: { normalize: { stringData: false } },
  },

  // ── managedFieldsManagers ─────────────────────────────────────────────────────────────────
  {
    title: "an image the image updater owns (manager no-sync), left to it by group '*', kind '*'",
    issues: ['argo-cd#9696'],
    live: liveDeployment('image-updater', [{ name: 'argocd-image-updater', image: 'argocd-image-updater:v0.12.2' }], {
      metadata: { managedFields: [managedBy('no-sync', { 'f:spec': { 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"argocd-image-updater"}': { 'f:image': {} } } } } } }, 'apps/v1')] },
    }),
    manifest: deployment('image-updater', [{ name: 'argocd-image-updater', image: 'argocd-image-updater:v0.12.0' }]),
    options: { argocd: { ignoreDifferences: [{ group: '*', kind: '*', managedFieldsManagers: ['no-sync'] }] } },
    explained: [{
      path: 'spec.template.spec.containers[name=argocd-image-updater].image', because: 'ignored',
      ignoredBy: { source: 'application', index: 0, rule: 'managedFieldsManagers: no-sync' },
    }],
    without: {},
  },
  {
    title: "external-secrets' webhook configuration, whose caBundle its controller writes, left to it by manager",
    issues: ['argo-cd#9071'],
    live: webhookConfiguration('ValidatingWebhookConfiguration', 'secretstore-validate', { caBundle: 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t' }, {
      managedFields: [managedBy('external-secrets', { 'f:webhooks': { 'k:{"name":"secretstore-validate.example.com"}': { 'f:clientConfig': { 'f:caBundle': {} } } } }, 'admissionregistration.k8s.io/v1')],
    }),
    manifest: webhookConfiguration('ValidatingWebhookConfiguration', 'secretstore-validate', { caBundle: '' }),
    options: { argocd: { ignoreDifferences: [{ group: '*', kind: '*', managedFieldsManagers: ['external-secrets'] }] } },
    explained: [{
      path: 'webhooks[name=secretstore-validate.example.com].clientConfig.caBundle', because: 'ignored',
      ignoredBy: { source: 'application', index: 0, rule: 'managedFieldsManagers: external-secrets' },
    }],
    without: { normalize: { webhookWritten: false } },
  },
  {
    title: "MetalLB's CRD conversion caBundle, left to the MetalLB manager for all kinds in argocd-cm",
    issues: ['argo-cd#20178', 'metallb#1681'],
    live: conversionCrd('metallb.io', 'BGPPeer', { caBundle: 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t' }, {
      managedFields: [managedBy('MetalLB', { 'f:spec': { 'f:conversion': { 'f:webhook': { 'f:clientConfig': { 'f:caBundle': {} } } } } }, 'apiextensions.k8s.io/v1')],
    }),
    manifest: conversionCrd('metallb.io', 'BGPPeer', { caBundle: 'Cg==' }),
    options: { argocd: { argocdCm: { 'resource.customizations.ignoreDifferences.all': 'managedFieldsManagers:\n  - MetalLB\n' } } },
    explained: [{
      path: 'spec.conversion.webhook.clientConfig.caBundle', because: 'ignored',
      ignoredBy: { source: 'argocd-cm', key: 'resource.customizations.ignoreDifferences.all', index: 0, rule: 'managedFieldsManagers: MetalLB' },
    }],
    without: {},
  },
];
