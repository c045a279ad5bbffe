// Real differences that no normalization or rule may hide, each next to a false positive of the
// same object that is explained away (so a normalization that hid too much would show here): the
// manifest really changes something, and semanticDiff must report exactly that.
import type { SemanticDiffOptions } from 'kubepatch';

type Obj = Record<string, unknown>;

export interface RealDifferenceCase {
  readonly title: string;
  /** Where the shape comes from, when it comes from an upstream report. */
  readonly issues?: readonly string[];
  readonly live: Obj;
  readonly manifest: Obj;
  readonly options?: SemanticDiffOptions;
  /** The real changes, as `kind path`, in document order: exactly these. */
  readonly real: readonly string[];
  /** Explanations that must still be there beside them, as `path (reason)`. */
  readonly alsoExplained?: readonly string[];
}

const labels = { app: 'web' };
const deployment = (spec: Obj, containers: Obj[], metadata: Obj = {}): Obj => ({
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'apps', ...metadata },
  spec: { selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers } }, ...spec },
});
const secret = (fields: Obj): Obj => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'apps' }, type: 'Opaque', ...fields });
const webhook = (clientConfig: Obj, extra: Obj = {}): Obj => ({
  apiVersion: 'admissionregistration.k8s.io/v1', kind: 'MutatingWebhookConfiguration', metadata: { name: 'vault-agent-injector-cfg' },
  webhooks: [{ name: 'vault.hashicorp.com', sideEffects: 'None', admissionReviewVersions: ['v1'], clientConfig: { service: { name: 'vault-agent-injector', namespace: 'vault' }, ...clientConfig }, ...extra }],
});
const CA = 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t';

const widgetCrd = {
  apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'alertmanagers.monitoring.example.com' },
  spec: {
    group: 'monitoring.example.com', scope: 'Namespaced', names: { kind: 'Alertmanager', plural: 'alertmanagers' },
    versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: {
      replicas: { type: 'integer' }, retention: { type: 'string', default: '120h' }, logFormat: { type: 'string', default: 'logfmt' },
    } } } } } }],
  },
};
const alertmanager = (spec: Obj): Obj => ({ apiVersion: 'monitoring.example.com/v1', kind: 'Alertmanager', metadata: { name: 'main' }, spec });

const imageUpdater = {
  manager: 'no-sync', operation: 'Update', apiVersion: 'apps/v1', fieldsType: 'FieldsV1',
  fieldsV1: { 'f:spec': { 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"app"}': { 'f:image': {} } } } } } },
};

export const REAL_DIFFERENCES: readonly RealDifferenceCase[] = [
  {
    title: 'an image change beside a CPU written 0.5 and stored 500m',
    issues: ['argo-cd#17682'],
    live: deployment({}, [{ name: 'app', image: 'app:1.4', resources: { limits: { cpu: '500m' } } }]),
    manifest: deployment({}, [{ name: 'app', image: 'app:1.5', resources: { limits: { cpu: 0.5 } } }]),
    real: ['changed spec.template.spec.containers[name=app].image'],
    alsoExplained: ['spec.template.spec.containers[name=app].resources.limits.cpu (quantity)'],
  },
  {
    title: 'a replica change beside a memory written 1024Mi and stored 1Gi',
    live: deployment({ replicas: 3 }, [{ name: 'app', image: 'app:1', resources: { requests: { memory: '1Gi' } } }]),
    manifest: deployment({ replicas: 5 }, [{ name: 'app', image: 'app:1', resources: { requests: { memory: '1024Mi' } } }]),
    real: ['changed spec.replicas'],
    alsoExplained: ['spec.template.spec.containers[name=app].resources.requests.memory (quantity)'],
  },
  {
    title: 'a memory of 1G against 1Gi: two quantities, not one written twice',
    issues: ['argo-cd#21135'],
    live: deployment({}, [{ name: 'app', image: 'app:1', resources: { limits: { memory: '1Gi' } } }]),
    manifest: deployment({}, [{ name: 'app', image: 'app:1', resources: { limits: { memory: '1G' } } }]),
    real: ['changed spec.template.spec.containers[name=app].resources.limits.memory'],
  },
  {
    title: 'a port removed from a container, beside the protocol the server filled in',
    live: deployment({}, [{ name: 'app', image: 'app:1', ports: [{ containerPort: 80, protocol: 'TCP' }, { containerPort: 443, protocol: 'TCP' }] }]),
    manifest: deployment({}, [{ name: 'app', image: 'app:1', ports: [{ containerPort: 80 }] }]),
    real: ['removed spec.template.spec.containers[name=app].ports[containerPort=443,protocol=TCP]'],
    alsoExplained: ['spec.template.spec.containers[name=app].ports[containerPort=80,protocol=TCP].protocol (default)'],
  },
  {
    title: 'resources removed from the manifest are not "empty": the limits were real',
    issues: ['argo-cd#16355'],
    live: deployment({}, [{ name: 'app', image: 'app:1', resources: { limits: { cpu: '1' } } }]),
    manifest: deployment({}, [{ name: 'app', image: 'app:1' }]),
    real: ['removed spec.template.spec.containers[name=app].resources'],
  },
  {
    title: 'a changed stringData value, beside an unchanged one',
    issues: ['argo-cd#763'],
    live: secret({ data: { username: 'c2hvcA==', password: 'b2xk' } }),
    manifest: secret({ stringData: { username: 'shop', password: 'new' } }),
    real: ['changed stringData.password'],
    alsoExplained: ['stringData.username (string-data)'],
  },
  {
    title: 'a key removed from stringData, still in the live data',
    issues: ['argo-cd#29109'],
    live: secret({ data: { API_KEY: 'YWJj', OLD_KEY: 'eHl6' } }),
    manifest: secret({ stringData: { API_KEY: 'abc' } }),
    real: ['removed data.OLD_KEY'],
    alsoExplained: ['stringData.API_KEY (string-data)'],
  },
  {
    title: 'a caBundle the manifest sets to another value: not the injector\'s to keep',
    issues: ['argo-cd#1487'],
    live: webhook({ caBundle: CA }),
    manifest: webhook({ caBundle: 'T1RIRVI=' }),
    real: ['changed webhooks[name=vault.hashicorp.com].clientConfig.caBundle'],
  },
  {
    title: 'a failurePolicy change under the #4326 rule, whose group "" does not match the webhook configuration',
    issues: ['argo-cd#4326'],
    live: webhook({ caBundle: CA }, { failurePolicy: 'Ignore' }),
    manifest: webhook({}, { failurePolicy: 'Fail' }),
    options: { argocd: { ignoreDifferences: [{ group: '', kind: 'MutatingWebhookConfiguration', jsonPointers: ['/webhooks'] }] } },
    real: ['changed webhooks[name=vault.hashicorp.com].failurePolicy'],
    alsoExplained: ['webhooks[name=vault.hashicorp.com].clientConfig.caBundle (webhook-written)'],
  },
  {
    title: 'a field a managedFieldsManagers rule does not cover: the manager owns the image, the manifest changes the env',
    issues: ['argo-cd#9696'],
    live: deployment({}, [{ name: 'app', image: 'app:1.2.3', env: [{ name: 'MODE', value: 'a' }] }], { managedFields: [imageUpdater] }),
    manifest: deployment({}, [{ name: 'app', image: 'app:1.2.0', env: [{ name: 'MODE', value: 'b' }] }]),
    options: { argocd: { ignoreDifferences: [{ group: '*', kind: '*', managedFieldsManagers: ['no-sync'] }] } },
    real: ['changed spec.template.spec.containers[name=app].env[name=MODE].value'],
    alsoExplained: ['spec.template.spec.containers[name=app].image (ignored)'],
  },
  {
    title: 'a managedFieldsManagers rule for another manager leaves the image a real change',
    issues: ['argo-cd#9696'],
    live: deployment({}, [{ name: 'app', image: 'app:1.2.3' }], { managedFields: [imageUpdater] }),
    manifest: deployment({}, [{ name: 'app', image: 'app:1.2.0' }]),
    options: { argocd: { ignoreDifferences: [{ group: '*', kind: '*', managedFieldsManagers: ['kube-controller-manager'] }] } },
    real: ['changed spec.template.spec.containers[name=app].image'],
  },
  {
    title: 'a custom resource field at another value than its CRD default',
    issues: ['argo-cd#11139'],
    live: alertmanager({ replicas: 3, retention: '240h', logFormat: 'logfmt' }),
    manifest: alertmanager({ replicas: 3 }),
    options: { crds: [widgetCrd] },
    real: ['changed spec.retention'],
    alsoExplained: ['spec.logFormat (crd-default)'],
  },
  {
    title: 'an Application written with skipCrds: false, which the live object lacks: a custom resource keeps false',
    issues: ['argo-cd#15898'],
    live: { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata: { name: 'shop' }, spec: { source: { helm: {} } } },
    manifest: { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata: { name: 'shop' }, spec: { source: { helm: { skipCrds: false } } } },
    real: ['added spec.source.helm.skipCrds'],
  },
];
