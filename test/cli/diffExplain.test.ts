// `kubepatch diff --explain`: every path that differs, said to be a real difference, equal because
// of a normalization, or ignored by a rule (with its source and index); `-o json` the same for
// machines; Argo CD's settings from --argocd-app and --argocd-cm, CRDs from --crd.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, expectOneLineError } from './runInProcess.js';

const dir = mkdtempSync(join(tmpdir(), 'kubepatch-diff-explain-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const live = file('live.yaml', `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
  annotations:
    deployment.kubernetes.io/revision: "3"
spec:
  replicas: 5
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: web:1.0
        resources: {limits: {cpu: 500m}}
status:
  replicas: 5
`);
const manifest = (image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: ${image}
        resources: {limits: {cpu: "0.5"}}
`;
const same = file('same.yaml', manifest('web:1.0'));
const newer = file('newer.yaml', manifest('web:2.0'));
const app = file('app.yaml', `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: {name: shop, namespace: argocd}
spec:
  project: default
  ignoreDifferences:
  - group: apps
    kind: StatefulSet
    jsonPointers: [/spec/replicas]
  - group: apps
    kind: Deployment
    jsonPointers: [/spec/replicas]
`);
const cm = file('argocd-cm.yaml', `apiVersion: v1
kind: ConfigMap
metadata: {name: argocd-cm, namespace: argocd}
data:
  resource.customizations.ignoreDifferences.apps_Deployment: |
    jsonPointers:
    - /spec/replicas
`);

describe('kubepatch diff --explain', () => {
  it('says why each path differs, and exits 1 only for a real difference', async () => {
    const inSync = await cli(['diff', '--explain', '--ignore', '/spec/replicas', live, same]);
    expect(inSync).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'Deployment shop/web: in sync (4 explained)',
        '  metadata.annotations["deployment.kubernetes.io/revision"]: equal because the cluster writes it, not the manifest [webhook-written] ("3" ≡ (absent))',
        '  spec.replicas: ignored by option ignore[0] /spec/replicas',
        '  spec.template.spec.containers[name=web].resources.limits.cpu: equal because it is the same quantity [quantity] (500m ≡ "0.5")',
        '  status: ignored by defaults: status',
        '',
      ].join('\n'),
    });
    const outOfSync = await cli(['diff', '--explain', live, newer]);
    expect(outOfSync.code).toBe(1);
    expect(outOfSync.stdout).toContain('Deployment shop/web: out of sync (2 real differences, 3 explained)\n');
    expect(outOfSync.stdout).toContain('  spec.replicas: real difference, changed (5 → 2)\n');
    expect(outOfSync.stdout).toContain('  spec.template.spec.containers[name=web].image: real difference, changed (web:1.0 → web:2.0)\n');
  });

  it('gives the same report to machines with -o json', async () => {
    const result = await cli(['diff', '--explain', '-o', 'json', live, newer]);
    expect(result.code).toBe(1);
    const [report] = JSON.parse(result.stdout);
    expect(report.object).toBe('Deployment shop/web');
    expect(report.inSync).toBe(false);
    expect(report.changes).toContainEqual({ path: 'spec.replicas', pointer: '/spec/replicas', kind: 'changed', verdict: 'different', from: 5, to: 2 });
    expect(report.changes).toContainEqual({
      path: 'spec.template.spec.containers[name=web].resources.limits.cpu', pointer: '/spec/template/spec/containers/0/resources/limits/cpu',
      kind: 'equivalent', verdict: 'equal', because: 'quantity', from: '500m', to: '0.5',
    });
    expect(report.changes).toContainEqual({
      path: 'status', pointer: '/status', kind: 'equivalent', verdict: 'ignored', ignoredBy: { source: 'defaults', index: 0, rule: 'status' },
    });
  });

  it('honours an Application\'s ignoreDifferences, naming the entry', async () => {
    expect((await cli(['diff', live, same])).code).toBe(1);
    const result = await cli(['diff', '--explain', '--argocd-app', app, live, same]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('  spec.replicas: ignored by application spec.ignoreDifferences[1] jsonPointers: /spec/replicas\n');
    // Without --explain, the setting still decides (exit 0: in sync), and nothing real is printed.
    expect(await cli(['diff', '--argocd-app', app, live, same])).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('honours argocd-cm, naming the key', async () => {
    const result = await cli(['diff', '--explain', '--argocd-cm', cm, live, same]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('  spec.replicas: ignored by argocd-cm resource.customizations.ignoreDifferences.apps_Deployment[0] jsonPointers: /spec/replicas\n');
  });

  it('takes a CRD\'s defaults with --crd (repeatable)', async () => {
    const crd = file('crd.yaml', `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.com}
spec:
  group: example.com
  scope: Namespaced
  names: {kind: Widget, plural: widgets}
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            properties:
              size: {type: string, default: small}
`);
    const other = file('other-crd.yaml', `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: gadgets.example.com}
spec:
  group: example.com
  scope: Namespaced
  names: {kind: Gadget, plural: gadgets}
  versions: [{name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object}}}]
`);
    const widgetLive = file('widget-live.yaml', 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {size: small}\n');
    const widget = file('widget.yaml', 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {}\n');
    expect((await cli(['diff', widgetLive, widget])).code).toBe(1);
    const result = await cli(['diff', '--explain', '--crd', other, '--crd', crd, widgetLive, widget]);
    expect(result).toEqual({
      code: 0, stderr: '',
      stdout: 'Widget w: in sync (1 explained)\n  spec.size: equal because it is the default of the CRD\'s schema [crd-default] (small ≡ (absent))\n',
    });
  });

  it('reports an object on one side only as a real difference', async () => {
    const stdin = `${manifest('web:1.0')}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n`;
    const result = await cli(['diff', '--explain', '--ignore', '/spec/replicas', live, '-'], { stdin });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^Deployment shop\/web: in sync \(4 explained\)$/m);
    expect(result.stdout).toMatch(/^ConfigMap c: out of sync \(1 real difference\)\n {2}\(object\): real difference, added \(\(absent\) → \{apiVersion: v1, /m);
  });

  it('turns the new normalizations off by name', async () => {
    expect((await cli(['diff', '--no-normalize', 'webhook-written', '--ignore', '/spec/replicas', live, same])).code).toBe(1);
    expect((await cli(['diff', '--no-normalize', 'string-data', '--ignore', '/spec/replicas', live, same])).code).toBe(0);
  });

  it('fails with one line on a file that holds no Application, ConfigMap or CRD', async () => {
    expectOneLineError(await cli(['diff', '--argocd-app', cm, live, same]), /argocd-cm\.yaml: --argocd-app expects one Argo CD Application, found 0/);
    expectOneLineError(await cli(['diff', '--argocd-cm', app, live, same]), /app\.yaml: --argocd-cm expects one ConfigMap \(argocd-cm\), found 0/);
    expectOneLineError(await cli(['diff', '--crd', app, live, same]), /app\.yaml: --crd expects CustomResourceDefinitions, found none/);
  });

  it('lists the new options in --help', async () => {
    const { stdout } = await cli(['diff', '--help']);
    for (const option of ['--explain', '--argocd-app FILE', '--argocd-cm FILE', '--crd FILE', 'string-data, webhook-written']) expect(stdout).toContain(option);
  });
});
