// argoIgnoredFields: the fields Argo CD's ignore settings leave out of a comparison, checked on
// the cases of Argo CD's own tests (util/argo/normalizers/diff_normalizer_test.go,
// util/argo/managedfields/managed_fields_test.go) and on the shapes of upstream issues, in our
// words. Every input is deep-frozen.
import { describe, expect, it } from 'vitest';
import { argoIgnoredFields, type ArgoDiffSettings, type IgnoredField } from '../../../src/semantic/argocd/index.ts';
import { deepFreeze, frozenCopy } from '../../helpers/deepFreeze.js';
import { thrownKubepatchError } from '../../helpers/thrownKubepatchError.js';

type Obj = { [key: string]: any };

/** Argo CD's test Deployment, with a status, changed by `edit` (on a copy). */
function deployment(edit: (d: Obj) => void = () => {}): Obj {
  const d: Obj = {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'nginx-deployment', namespace: 'default', creationTimestamp: null },
    spec: { replicas: 2, selector: { matchLabels: { app: 'nginx' } }, template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.15.4' }] } } },
    status: { replicas: 2 },
  };
  edit(d);
  return frozenCopy(d);
}

const NO_STATUS = { 'resource.compareoptions': 'ignoreResourceStatusField: off' };
const settings = (s: ArgoDiffSettings): ArgoDiffSettings => deepFreeze(s);
const pointers = (fields: readonly IgnoredField[]) => fields.map((f) => f.pointer);

describe('jsonPointers (diff_normalizer_test.go)', () => {
  it('removes what a matching entry names; a pointer that is not there removes nothing, silently', () => {
    const fields = argoIgnoredFields(deployment(), settings({
      ignoreDifferences: [{ group: 'apps', kind: 'Deployment', jsonPointers: ['/not-matching-path', '/spec/template/spec/containers'] }],
      argocdCm: NO_STATUS,
    }));
    expect(fields).toEqual([{ pointer: '/spec/template/spec/containers', rule: { source: 'application', index: 0, field: 'jsonPointers', expression: '/spec/template/spec/containers' } }]);
  });

  it('leaves objects of another group or kind alone (a core-group Service rule on a Deployment)', () => {
    expect(argoIgnoredFields(deployment(), settings({ ignoreDifferences: [{ group: '', kind: 'Service', jsonPointers: ['/spec'] }], argocdCm: NO_STATUS }))).toEqual([]);
  });

  it('applies argocd-cm overrides, `*` + `/` + `*` keys matching every kind by glob', () => {
    const blob = settings({ argocdCm: { ...NO_STATUS, 'resource.customizations': '"*/*":\n  ignoreDifferences: |\n    jsonPointers:\n    - /spec/template/spec/containers\n' } });
    expect(argoIgnoredFields(deployment(), blob)).toEqual([{
      pointer: '/spec/template/spec/containers',
      rule: { source: 'argocd-cm', key: 'resource.customizations', groupKind: '*/*', index: 0, field: 'jsonPointers', expression: '/spec/template/spec/containers' },
    }]);
  });

  it('ignores pointers that miss, on a Deployment and on a CRD without additionalPrinterColumns', () => {
    const s = settings({ argocdCm: { ...NO_STATUS, 'resource.customizations.ignoreDifferences.apps_Deployment': 'jsonPointers: [/garbage]', 'resource.customizations.ignoreDifferences.apiextensions.k8s.io_CustomResourceDefinition': 'jsonPointers: [/spec/additionalPrinterColumns/0/priority]' } });
    expect(argoIgnoredFields(deployment(), s)).toEqual([]);
    expect(argoIgnoredFields(frozenCopy<Obj>({ apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'certificates.cert-manager.io' }, spec: { group: 'cert-manager.io' } }), s)).toEqual([]);
  });

  it('applies rules in turn: the second of two equal pointers removes the next list element; pointers stay in the original', () => {
    const d = deployment((x) => x.spec.template.spec.containers.push({ name: 'b' }, { name: 'c' }));
    expect(pointers(argoIgnoredFields(d, settings({ ignoreDifferences: [{ group: 'apps', kind: 'Deployment', jsonPointers: ['/spec/template/spec/containers/0', '/spec/template/spec/containers/0'] }], argocdCm: NO_STATUS }))))
      .toEqual(['/spec/template/spec/containers/0', '/spec/template/spec/containers/1']);
  });

  it("reads pointers as evanphx/json-patch: the first token is dropped whatever it is, negative indices count from the end, ~1 is '/'", () => {
    const d = frozenCopy<Obj>({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', annotations: { 'a/b': 'x' } }, replicas: 1, data: { list: ['a', 'b'] } });
    const s = (pointer: string) => settings({ ignoreDifferences: [{ kind: 'ConfigMap', jsonPointers: [pointer] }], argocdCm: NO_STATUS });
    expect(pointers(argoIgnoredFields(d, s('spec/replicas')))).toEqual(['/replicas']);
    expect(pointers(argoIgnoredFields(d, s('replicas')))).toEqual([]);
    expect(pointers(argoIgnoredFields(d, s('/data/list/-1')))).toEqual(['/data/list/1']);
    expect(pointers(argoIgnoredFields(d, s('/data/list/01')))).toEqual(['/data/list/1']);
    expect(pointers(argoIgnoredFields(d, s('/data/list/-')))).toEqual([]);
    expect(pointers(argoIgnoredFields(d, s('/metadata/annotations/a~1b')))).toEqual(['/metadata/annotations/a~1b']);
  });

  it('matches name and namespace exactly when set, and an entry without kind matches nothing', () => {
    const rule = (entry: object) => argoIgnoredFields(deployment(), settings({ ignoreDifferences: [{ group: 'apps', kind: 'Deployment', jsonPointers: ['/spec/replicas'], ...entry }], argocdCm: NO_STATUS })).length;
    expect(rule({ name: 'nginx-deployment', namespace: 'default' })).toBe(1);
    expect(rule({ name: 'other' })).toBe(0);
    expect(rule({ namespace: 'prod' })).toBe(0);
    expect(rule({ group: '*', kind: 'Deploy*' })).toBe(1);
    expect(rule({ group: '{apps,extensions}', kind: '*' })).toBe(1);
    expect(rule({ kind: undefined })).toBe(0);
    expect(rule({ group: undefined })).toBe(0);
  });
});

describe('jqPathExpressions', () => {
  it('removes every path the expression yields: an init container selected by name (Argo CD docs)', () => {
    const d = deployment((x) => (x.spec.template.spec.initContainers = [{ name: 'init-container-0' }, { name: 'init-container-1' }]));
    const fields = argoIgnoredFields(d, settings({ ignoreDifferences: [{ group: 'apps', kind: 'Deployment', jqPathExpressions: ['.spec.template.spec.initContainers[] | select(.name == "init-container-0")'] }], argocdCm: NO_STATUS }));
    expect(pointers(fields)).toEqual(['/spec/template/spec/initContainers/0']);
  });

  it('caBundle of every webhook, from an argocd-cm key (argo-cd#1487, #4326); a webhook without one is left alone', () => {
    const live = frozenCopy<Obj>({
      apiVersion: 'admissionregistration.k8s.io/v1', kind: 'MutatingWebhookConfiguration', metadata: { name: 'istio-sidecar-injector' },
      webhooks: [{ name: 'a', clientConfig: { caBundle: 'LS0tLS1CRUdJTi', service: { name: 'istiod' } } }, { name: 'b', clientConfig: { url: 'https://x' } }, { name: 'c', clientConfig: { caBundle: 'LS0t' } }],
    });
    const key = 'resource.customizations.ignoreDifferences.admissionregistration.k8s.io_MutatingWebhookConfiguration';
    const fields = argoIgnoredFields(live, settings({ argocdCm: { [key]: "jqPathExpressions:\n- '.webhooks[]?.clientConfig.caBundle'\n" } }));
    expect(fields).toEqual([0, 2].map((i) => ({
      pointer: `/webhooks/${i}/clientConfig/caBundle`,
      rule: { source: 'argocd-cm', key, groupKind: 'admissionregistration.k8s.io/MutatingWebhookConfiguration', index: 0, field: 'jqPathExpressions', expression: '.webhooks[]?.clientConfig.caBundle' },
    })));
  });

  it('removes nothing when the expression fails (`.spec.fakeField.foo[]` iterates null), and other rules still apply', () => {
    const fields = argoIgnoredFields(deployment(), settings({ ignoreDifferences: [{ group: 'apps', kind: 'Deployment', jqPathExpressions: ['.spec.fakeField.foo[]', '.spec.replicas'] }], argocdCm: NO_STATUS }));
    expect(pointers(fields)).toEqual(['/spec/replicas']);
  });

  it('refuses an expression gojq cannot compile, matching the object or not, with its place in the settings', () => {
    const error = thrownKubepatchError('INVALID_DOCUMENT', () =>
      argoIgnoredFields(deployment(), settings({ ignoreDifferences: [{ kind: 'Service', jqPathExpressions: ['.a', '.spec.template.spec.containers[] | select(.name == "missing-quote)'] }] })));
    expect(error).toMatchObject({ input: 'settings', path: '/ignoreDifferences/0/jqPathExpressions/1' });
    expect(error.message).toMatch(/unterminated string/);
  });

  it('refuses jq outside the subset, naming it', () => {
    const key = 'resource.customizations.ignoreDifferences.apps_Deployment';
    const error = thrownKubepatchError('INVALID_DOCUMENT', () => argoIgnoredFields(deployment(), settings({ argocdCm: { [key]: 'jqPathExpressions:\n- .spec.replicas |= 1\n' } })));
    expect(error).toMatchObject({ path: `/argocdCm/${key}/jqPathExpressions/0` });
    expect(error.message).toMatch(/not supported/);
  });

  it('reports the whole object as "" when an expression yields the root path', () => {
    expect(pointers(argoIgnoredFields(deployment(), settings({ ignoreDifferences: [{ group: 'apps', kind: 'Deployment', jqPathExpressions: ['select(.kind == "Deployment")'] }], argocdCm: NO_STATUS })))).toEqual(['']);
  });
});

describe('resource.compareoptions', () => {
  it('leaves /status out for every kind by default, and not with ignoreResourceStatusField: off', () => {
    expect(argoIgnoredFields(deployment(), settings({}))).toEqual([{ pointer: '/status', rule: { source: 'argocd-cm', key: 'resource.compareoptions', groupKind: '*/*', index: 0, field: 'jsonPointers', expression: '/status' } }]);
    expect(argoIgnoredFields(deployment(), settings({ argocdCm: NO_STATUS }))).toEqual([]);
  });

  it('sets rules of an aggregated ClusterRole to null with ignoreAggregatedRoles', () => {
    const role = frozenCopy<Obj>({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'admin' }, aggregationRule: { clusterRoleSelectors: [{ matchLabels: { a: 'b' } }] }, rules: [{ verbs: ['get'] }] });
    const on = settings({ argocdCm: { 'resource.compareoptions': 'ignoreAggregatedRoles: true\nignoreResourceStatusField: off' } });
    expect(argoIgnoredFields(role, on)).toEqual([{ pointer: '/rules', rule: { source: 'argocd-cm', key: 'resource.compareoptions', groupKind: 'rbac.authorization.k8s.io/ClusterRole', index: 0, field: 'jsonPointers', expression: '/rules' } }]);
    expect(argoIgnoredFields(role, settings({ argocdCm: NO_STATUS }))).toEqual([]);
  });
});

describe('managedFieldsManagers (managed_fields_test.go; argo-cd#9071, #9696, #20178)', () => {
  /** The live Deployment: an HPA scaled it through `scale` (kube-controller-manager owns replicas), the controller set revisionHistoryLimit. */
  const live = deployment((d) => {
    d.spec.replicas = 5;
    d.spec.revisionHistoryLimit = 3;
    d.metadata.managedFields = [
      { manager: 'argocd-controller', operation: 'Apply', apiVersion: 'apps/v1', fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"nginx"}': { '.': {}, 'f:image': {}, 'f:name': {} } } } } } } },
      { manager: 'kube-controller-manager', operation: 'Update', apiVersion: 'apps/v1', subresource: 'scale', fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:replicas': {} } } },
      { manager: 'revision-history-manager', operation: 'Update', apiVersion: 'apps/v1', fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:revisionHistoryLimit': {} } } },
    ];
  });
  const desired = deployment((d) => {
    delete d.status;
    delete d.metadata.creationTimestamp;
    d.spec.replicas = 3;
    d.spec.revisionHistoryLimit = 1;
  });
  const ignored = (s: ArgoDiffSettings, object = desired, context: object = { live }) => pointers(argoIgnoredFields(object, settings(s), context));

  it('removes the fields trusted managers own where live and desired differ, from both sides', () => {
    const s: ArgoDiffSettings = { ignoreDifferences: [{ group: 'apps', kind: 'Deployment', managedFieldsManagers: ['kube-controller-manager', 'revision-history-manager'] }], argocdCm: NO_STATUS };
    expect(ignored(s)).toEqual(['/spec/revisionHistoryLimit', '/spec/replicas']);
    expect(ignored(s, live, { live, desired })).toEqual(['/spec/revisionHistoryLimit', '/spec/replicas']);
    expect(argoIgnoredFields(desired, settings(s), { live })[1]!.rule).toEqual({ source: 'application', index: 0, field: 'managedFieldsManagers', expression: 'kube-controller-manager' });
  });

  it('keeps them for a manager not trusted, without the live object, and where the manifest does not set the field', () => {
    expect(ignored({ ignoreDifferences: [{ group: 'apps', kind: 'Deployment', managedFieldsManagers: ['another-manager'] }], argocdCm: NO_STATUS })).toEqual([]);
    expect(ignored({ ignoreDifferences: [{ group: 'apps', kind: 'Deployment', managedFieldsManagers: ['kube-controller-manager'] }], argocdCm: NO_STATUS }, desired, {})).toEqual([]);
    const unset = deployment((d) => delete d.spec.replicas);
    expect(ignored({ ignoreDifferences: [{ group: 'apps', kind: 'Deployment', managedFieldsManagers: ['kube-controller-manager'] }], argocdCm: NO_STATUS }, unset)).toEqual([]);
  });

  it('takes managers from resource.customizations.ignoreDifferences.all and from apps_Deployment, merged with the Application', () => {
    expect(ignored({ argocdCm: { ...NO_STATUS, 'resource.customizations.ignoreDifferences.all': 'managedFieldsManagers:\n- kube-controller-manager\n' } })).toEqual(['/spec/replicas']);
    const merged = argoIgnoredFields(desired, settings({
      ignoreDifferences: [{ group: '*', kind: '*', managedFieldsManagers: ['revision-history-manager'] }],
      argocdCm: { ...NO_STATUS, 'resource.customizations.ignoreDifferences.apps_Deployment': 'managedFieldsManagers: [kube-controller-manager]' },
    }), { live });
    expect(merged.map((f) => [f.pointer, f.rule.source])).toEqual([['/spec/revisionHistoryLimit', 'application'], ['/spec/replicas', 'argocd-cm']]);
  });

  it('finds fields inside a list by its keys, at each side\'s own index (a webhook caBundle owned by external-secrets)', () => {
    const webhook = (hooks: Obj[], managedFields?: Obj[]) => frozenCopy<Obj>({ apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingWebhookConfiguration', metadata: { name: 'secretstore-validate', ...(managedFields ? { managedFields } : {}) }, webhooks: hooks });
    const hook = (name: string, caBundle?: string) => ({ name, admissionReviewVersions: ['v1'], sideEffects: 'None', clientConfig: { service: { name: 'svc', namespace: 'es' }, ...(caBundle ? { caBundle } : {}) } });
    const liveHooks = webhook([hook('a', 'Q0E='), hook('b', 'Q0E=')], [
      { manager: 'external-secrets', operation: 'Update', apiVersion: 'admissionregistration.k8s.io/v1', fieldsType: 'FieldsV1', fieldsV1: { 'f:webhooks': { 'k:{"name":"b"}': { 'f:clientConfig': { 'f:caBundle': {} } } } } },
    ]);
    const desiredHooks = webhook([hook('b', 'Zm9v'), hook('a', 'Zm9v')]);
    const s: ArgoDiffSettings = { ignoreDifferences: [{ group: 'admissionregistration.k8s.io', kind: 'ValidatingWebhookConfiguration', managedFieldsManagers: ['external-secrets'] }], argocdCm: NO_STATUS };
    expect(ignored(s, desiredHooks, { live: liveHooks })).toEqual(['/webhooks/0/clientConfig/caBundle']);
    expect(ignored(s, liveHooks, { live: liveHooks, desired: desiredHooks })).toEqual(['/webhooks/1/clientConfig/caBundle']);
  });

  it('does nothing when an object does not fit its schema (Argo CD leaves both as they are)', () => {
    const odd = deployment((d) => {
      d.spec.replicas = 3;
      d.spec.hello = 'world';
    });
    expect(ignored({ ignoreDifferences: [{ group: 'apps', kind: 'Deployment', managedFieldsManagers: ['kube-controller-manager'] }], argocdCm: NO_STATUS }, odd)).toEqual([]);
  });
});

describe('settings as written', () => {
  it('refuses an Application entry of the wrong shape, with its place', () => {
    const bad = { ignoreDifferences: [{ kind: 'Deployment', jsonPointers: '/spec' }] } as unknown as ArgoDiffSettings;
    expect(thrownKubepatchError('INVALID_DOCUMENT', () => argoIgnoredFields(deployment(), settings(bad)))).toMatchObject({ input: 'settings', path: '/ignoreDifferences/0/jsonPointers' });
  });

  it('never reports creationTimestamp (gitops-engine removes it before any rule)', () => {
    expect(argoIgnoredFields(deployment(), settings({ ignoreDifferences: [{ group: 'apps', kind: 'Deployment', jsonPointers: ['/metadata/creationTimestamp'] }], argocdCm: NO_STATUS }))).toEqual([]);
  });
});
