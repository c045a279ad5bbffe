// How Argo CD reads its diff settings: glob matching of group and kind (gobwas/glob), the
// argocd-cm keys (split keys, the `all` key, the older YAML blob) and resource.compareoptions,
// with the failures that make Argo CD refuse the settings. Cases from util/glob/glob_test.go and
// util/settings/settings_test.go, in our words.
import { describe, expect, it } from 'vitest';
import { argoCompareOptions, argoIgnoredFields, type ArgoDiffSettings } from '../../../src/semantic/argocd/index.ts';
import { argoGlobMatch } from '../../../src/semantic/argocd/glob.ts';
import { resourceOverrides } from '../../../src/semantic/argocd/resourceOverrides.ts';
import { deepFreeze, frozenCopy } from '../../helpers/deepFreeze.js';
import { thrownKubepatchError } from '../../helpers/thrownKubepatchError.js';

describe('argoGlobMatch: gobwas/glob without separators', () => {
  it.each([
    ['hello', 'hello', true],
    ['hell', 'hello', false],
    ['hell*', 'hello', true],
    ['h*', 'hello', true],
    ['e*', 'hello', false],
    ['*', 'admissionregistration.k8s.io', true],
    ['**', 'a/b', true],
    ['*.k8s.io', 'admissionregistration.k8s.io', true],
    ['?at', 'cat', true],
    ['?at', 'at', false],
    ['[abc]pps', 'apps', true],
    ['[!abc]pps', 'apps', false],
    ['[a-c]pps', 'bpps', true],
    ['{apps,extensions}', 'extensions', true],
    ['{apps,extensions}', 'batch', false],
    ['Deploy\\*', 'Deploy*', true],
    ['Deploy\\*', 'Deployment', false],
    ['a,b', 'a,b', true],
    ['', '', true],
    ['', 'apps', false],
    ['e[[a*', 'e[[a*', false],
    ['[]', 'a', false],
    ['[z-a]', 'b', false],
  ])('%j matches %j: %s', (pattern, text, matches) => {
    expect(argoGlobMatch(pattern, text)).toBe(matches);
  });
});

describe('argocd-cm: resource overrides', () => {
  const rules = (data: Record<string, string>) =>
    Object.fromEntries([...resourceOverrides(deepFreeze({ argocdCm: { 'resource.compareoptions': 'ignoreResourceStatusField: none', ...data } })).entries()].map(([key, r]) => [
      key,
      { jsonPointers: r.jsonPointers.map((x) => x.expression), jqPathExpressions: r.jqPathExpressions.map((x) => x.expression), managedFieldsManagers: r.managedFieldsManagers.map((x) => x.expression) },
    ]));

  it('reads split keys: group_Kind, a bare Kind, _Kind for the core group, and `all`', () => {
    expect(rules({
      'resource.customizations.ignoreDifferences.apps_Deployment': 'jqPathExpressions:\n- .spec.replicas\n',
      'resource.customizations.ignoreDifferences.Iamrole': 'jsonPointers:\n- /spec\n',
      'resource.customizations.ignoreDifferences._Service': 'jsonPointers:\n- /spec/clusterIP\n',
      'resource.customizations.ignoreDifferences.all': 'managedFieldsManagers:\n- kube-controller-manager\n- argo-rollouts\n',
      'resource.customizations.health.apps_Deployment': 'hs = {}',
    })).toEqual({
      'apps/Deployment': { jsonPointers: [], jqPathExpressions: ['.spec.replicas'], managedFieldsManagers: [] },
      Iamrole: { jsonPointers: ['/spec'], jqPathExpressions: [], managedFieldsManagers: [] },
      '/Service': { jsonPointers: ['/spec/clusterIP'], jqPathExpressions: [], managedFieldsManagers: [] },
      '*/*': { jsonPointers: [], jqPathExpressions: [], managedFieldsManagers: ['kube-controller-manager', 'argo-rollouts'] },
    });
  });

  it('reads the older resource.customizations blob, whose ignoreDifferences is YAML in a string; a split key replaces it', () => {
    expect(rules({
      'resource.customizations': [
        'admissionregistration.k8s.io/MutatingWebhookConfiguration:',
        '  ignoreDifferences: |',
        '    jsonPointers:',
        '    - /webhooks/0/clientConfig/caBundle',
        'apps/Deployment:',
        '  ignoreDifferences: |',
        '    jsonPointers:',
        '    - /spec/replicas',
        '',
      ].join('\n'),
      'resource.customizations.ignoreDifferences.apps_Deployment': 'jsonPointers:\n- /spec/template\n',
    })).toEqual({
      'admissionregistration.k8s.io/MutatingWebhookConfiguration': { jsonPointers: ['/webhooks/0/clientConfig/caBundle'], jqPathExpressions: [], managedFieldsManagers: [] },
      'apps/Deployment': { jsonPointers: ['/spec/template'], jqPathExpressions: [], managedFieldsManagers: [] },
    });
  });

  it('adds /status for every kind by default (Argo CD 3), for CRDs with `crd`, for none with off/false/none', () => {
    const status = (compare?: string) =>
      Object.entries(Object.fromEntries(resourceOverrides({ argocdCm: compare === undefined ? {} : { 'resource.compareoptions': compare } })))
        .filter(([, r]) => r.jsonPointers.some((p) => p.expression === '/status')).map(([key]) => key);
    expect(status()).toEqual(['*/*']);
    expect(status('ignoreResourceStatusField: all')).toEqual(['*/*']);
    expect(status('ignoreResourceStatusField: crd')).toEqual(['apiextensions.k8s.io/CustomResourceDefinition']);
    expect(status('ignoreResourceStatusField: foobar')).toEqual(['*/*']);
    expect(status('ignoreResourceStatusField: off')).toEqual([]);
    expect(status("ignoreResourceStatusField: 'off'")).toEqual([]);
    expect(status('ignoreResourceStatusField: none')).toEqual([]);
    expect(status('ignoreResourceStatusField: false')).toEqual([]);
  });

  it.each([
    ['resource.customizations.unknownType.apps_Deployment', 'x', '/argocdCm/resource.customizations.unknownType.apps_Deployment'],
    ['resource.customizations.ignoreDifferences.a_b_c', 'jsonPointers: []', '/argocdCm/resource.customizations.ignoreDifferences.a_b_c'],
    ['resource.customizations.useOpenLibs.apps_Deployment', 'yes', '/argocdCm/resource.customizations.useOpenLibs.apps_Deployment'],
    ['resource.customizations.ignoreDifferences.apps_Deployment', 'jsonPointers: /spec', '/argocdCm/resource.customizations.ignoreDifferences.apps_Deployment/jsonPointers'],
    ['resource.customizations.ignoreDifferences.apps_Deployment', '- /spec', '/argocdCm/resource.customizations.ignoreDifferences.apps_Deployment'],
    ['resource.customizations', 'apps/Deployment:\n  ignoreDifferences:\n    jsonPointers: [/spec]\n', '/argocdCm/resource.customizations/apps~1Deployment/ignoreDifferences'],
    ['resource.compareoptions', 'ignoreAggregatedRoles: "yes"', '/argocdCm/resource.compareoptions/ignoreAggregatedRoles'],
  ])('refuses %s: %j as Argo CD does (no diff at all)', (key, value, path) => {
    const error = thrownKubepatchError('INVALID_DOCUMENT', () => argoIgnoredFields(frozenCopy({ kind: 'Deployment' }), deepFreeze({ argocdCm: { [key]: value } })));
    expect(error).toMatchObject({ input: 'settings', path });
  });

  it('skips keys with fewer than four parts', () => {
    expect(rules({ 'resource.customizations.ignoreDifferences': 'jsonPointers: [/a]' })).toEqual({});
  });
});

describe('argoCompareOptions', () => {
  const options = (text?: string) => argoCompareOptions(deepFreeze({ argocdCm: text === undefined ? {} : { 'resource.compareoptions': text } } as ArgoDiffSettings));

  it("has Argo CD 3's defaults", () => {
    expect(options()).toEqual({ ignoreAggregatedRoles: false, ignoreResourceStatusField: 'all', ignoreDifferencesOnResourceUpdates: true });
    expect(options('')).toEqual(options());
  });

  it('reads YAML 1.1 as Go does: unquoted off and no are false, matched case-insensitively to the Go field', () => {
    expect(options('ignoreAggregatedRoles: yes\nignoreResourceStatusField: no\nIgnoreDifferencesOnResourceUpdates: off\n')).toEqual({
      ignoreAggregatedRoles: true, ignoreResourceStatusField: 'off', ignoreDifferencesOnResourceUpdates: false,
    });
    expect(options('ignoreResourceStatusField: crd').ignoreResourceStatusField).toBe('crd');
  });

  it('refuses what Go cannot decode', () => {
    expect(thrownKubepatchError('INVALID_DOCUMENT', () => options('- a')).path).toBe('/argocdCm/resource.compareoptions');
    expect(thrownKubepatchError('INVALID_DOCUMENT', () => options('ignoreResourceStatusField: [a]')).path).toBe('/argocdCm/resource.compareoptions/ignoreResourceStatusField');
  });
});
