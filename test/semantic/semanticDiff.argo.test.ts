// How semanticDiff plugs in Argo CD's settings (options.argocd): which side a pointer names, which
// rule a change names, precedence, the `status` hand-over, aggregated roles, and stringData. How
// the settings themselves are read (globs, jq, argocd-cm keys) is src/semantic/argocd's, tested
// with it.
import { describe, expect, it } from 'vitest';
import { frozenCopy } from '../helpers/deepFreeze.js';
import { isRealChange, semanticDiff, type SemanticChange, type SemanticDiffOptions } from 'kubepatch';

const diff = (a: object, b: object, options?: SemanticDiffOptions) => semanticDiff(frozenCopy(a), frozenCopy(b), options && frozenCopy(options));
const explained = (changes: readonly SemanticChange[]) =>
  changes.map((c) => `${c.kind} ${c.path}${c.ignoredBy ? ` by ${c.ignoredBy.source}${c.ignoredBy.key ? ` ${c.ignoredBy.key}` : ''}[${c.ignoredBy.index}] ${c.ignoredBy.rule}` : ''}`);

const deployment = (spec: object, metadata: object = {}, extra: object = {}) =>
  ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop', ...metadata }, spec, ...extra });

describe('Argo CD rules in semanticDiff', () => {
  it('names an Application rule by its index and an argocd-cm rule by its key', () => {
    const argocd = {
      ignoreDifferences: [
        { group: 'apps', kind: 'StatefulSet', jsonPointers: ['/spec/replicas'] },
        { group: 'apps', kind: 'Deployment', jsonPointers: ['/spec/replicas'] },
      ],
      argocdCm: { 'resource.customizations.ignoreDifferences.apps_Deployment': 'jsonPointers:\n- /spec/paused\n' },
    };
    expect(explained(diff(deployment({ replicas: 5, paused: true }), deployment({ replicas: 2, paused: false }), { argocd }))).toEqual([
      'equivalent spec.replicas by application[1] jsonPointers: /spec/replicas',
      'equivalent spec.paused by argocd-cm resource.customizations.ignoreDifferences.apps_Deployment[0] jsonPointers: /spec/paused',
    ]);
  });

  it('puts the caller\'s own ignore rules first', () => {
    const argocd = { ignoreDifferences: [{ group: 'apps', kind: 'Deployment', jsonPointers: ['/spec/replicas'] }] };
    expect(explained(diff(deployment({ replicas: 5 }), deployment({ replicas: 2 }), { argocd, ignore: ['spec.replicas'] })))
      .toEqual(['equivalent spec.replicas by option[0] spec.replicas']);
  });

  it('matches a pointer found in one object against that object only: a managed field of a reordered list', () => {
    // `sidecar` is the image updater's (Argo CD #9696's shape); `app` is the manifest's. The lists
    // are in another order, so a pointer into the live list names another element in the manifest.
    const managedFields = [{
      manager: 'image-updater', operation: 'Update', apiVersion: 'apps/v1', fieldsType: 'FieldsV1',
      fieldsV1: { 'f:spec': { 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"sidecar"}': { 'f:image': {} } } } } } },
    }];
    const template = (containers: object[]) => ({ selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers } } });
    const live = deployment(template([{ name: 'app', image: 'app:1' }, { name: 'sidecar', image: 'sidecar:9' }]), { managedFields });
    const manifest = deployment(template([{ name: 'sidecar', image: 'sidecar:1' }, { name: 'app', image: 'app:2' }]));
    const argocd = { ignoreDifferences: [{ group: '*', kind: '*', managedFieldsManagers: ['image-updater'] }] };
    expect(explained(diff(live, manifest, { argocd }))).toEqual([
      'equivalent metadata.managedFields by defaults[1] metadata.managedFields',
      'reordered spec.template.spec.containers',
      'equivalent spec.template.spec.containers[name=sidecar].image by application[0] managedFieldsManagers: image-updater',
      'changed spec.template.spec.containers[name=app].image',
    ]);
  });

  it('hands `status` to argocd-cm\'s compare options, and compares a status the manifest sets when they say so', () => {
    const live = deployment({ replicas: 1 }, {}, { status: { replicas: 1 } });
    expect(explained(diff(live, deployment({ replicas: 1 }), { argocd: {} })))
      .toEqual(['equivalent status by argocd-cm resource.compareoptions[0] ignoreResourceStatusField: all']);
    const off = { argocdCm: { 'resource.compareoptions': 'ignoreResourceStatusField: off\n' } };
    expect(explained(diff(live, deployment({ replicas: 1 }), { argocd: off }))).toEqual(['equivalent status by defaults[0] status']);
    expect(explained(diff(live, deployment({ replicas: 1 }, {}, { status: { replicas: 3 } }), { argocd: off }))).toEqual(['changed status.replicas']);
  });

  it('ignores the rules of an aggregated ClusterRole with ignoreAggregatedRoles', () => {
    const role = (rules: object[]) => ({
      apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'view-all' },
      aggregationRule: { clusterRoleSelectors: [{ matchLabels: { aggregate: 'true' } }] }, rules,
    });
    const argocd = { argocdCm: { 'resource.compareoptions': 'ignoreAggregatedRoles: true\n' } };
    const live = role([{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }]);
    expect(explained(diff(live, role([]), { argocd }))).toEqual(['equivalent rules by argocd-cm resource.compareoptions[0] ignoreAggregatedRoles: true (/rules)']);
    expect(diff(live, role([])).filter(isRealChange)).toHaveLength(1);
  });

  it('reads a pointer into the manifest\'s stringData as the data entry it is folded into', () => {
    const secret = (fields: object) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, type: 'Opaque', ...fields });
    const argocd = { ignoreDifferences: [{ kind: 'Secret', jsonPointers: ['/stringData/token'] }] };
    expect(explained(diff(secret({ data: { token: 'b2xk' } }), secret({ stringData: { token: 'new' } }), { argocd })))
      .toEqual(['equivalent stringData.token by application[0] jsonPointers: /stringData/token']);
  });
});
