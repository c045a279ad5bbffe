// Every difference explained: the reasons semanticDiff gives besides the first four (ignoredBy for
// ignored fields; crd-default, string-data, webhook-written), each shown to hide exactly what it
// should and to leave a real difference next to it alone.
import { describe, expect, it } from 'vitest';
import { frozenCopy } from '../helpers/deepFreeze.js';
import { formatChanges, InvalidDocumentError, isRealChange, schemaFromCRD, SECRET_MASK, semanticDiff, type SemanticChange, type SemanticDiffOptions } from 'kubepatch';

const diff = (a: object, b: object, options?: SemanticDiffOptions) => semanticDiff(frozenCopy(a), frozenCopy(b), options && frozenCopy(options));
const real = (changes: readonly SemanticChange[]) => changes.filter(isRealChange);
const summary = (changes: readonly SemanticChange[]) => changes.map((c) => `${c.kind} ${c.path}${c.equalBecause ? ` (${c.equalBecause})` : ''}`);

describe('ignoredBy: which rule left a field out', () => {
  const deployment = (spec: object, extra: object = {}) => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec, ...extra });

  it('names an option rule by its index, a built-in ignored field as "defaults"', () => {
    const changes = diff(deployment({ replicas: 5 }, { status: { replicas: 5 } }), deployment({ replicas: 3 }), { ignore: ['/metadata/labels', 'spec.replicas'] });
    expect(changes).toEqual([
      { path: 'spec.replicas', pointer: '/spec/replicas', kind: 'equivalent', equalBecause: 'ignored', ignoredBy: { source: 'option', index: 1, rule: 'spec.replicas' } },
      { path: 'status', pointer: '/status', kind: 'equivalent', equalBecause: 'ignored', ignoredBy: { source: 'defaults', index: 0, rule: 'status' } },
    ]);
  });

  it('prefers the caller\'s rule to a built-in one when both match, and counts kind-filtered rules by their place in the list', () => {
    const changes = diff(deployment({}, { status: { replicas: 1 } }), deployment({}), { ignore: [{ kind: 'StatefulSet', path: 'status' }, '/status'] });
    expect(changes).toEqual([expect.objectContaining({ path: 'status', ignoredBy: { source: 'option', index: 1, rule: '/status' } })]);
  });

  it('is frozen with its change, and formatChanges prints it (text) and keeps it (JSON)', () => {
    const changes = diff(deployment({ replicas: 5 }), deployment({ replicas: 3 }), { ignore: ['/spec/replicas'] });
    expect(Object.isFrozen(changes[0])).toBe(true);
    expect(formatChanges(changes)).toBe('spec\n  ≈ replicas (ignored by option ignore[0] /spec/replicas)');
    expect(JSON.parse(formatChanges(changes, { format: 'json' }))[0].ignoredBy).toEqual({ source: 'option', index: 0, rule: '/spec/replicas' });
  });
});

describe('crd-default: the default of a custom resource\'s CRD schema', () => {
  const crd = {
    apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'widgets.example.com' },
    spec: {
      group: 'example.com', names: { kind: 'Widget', plural: 'widgets' }, scope: 'Namespaced',
      versions: [{
        name: 'v1', served: true, storage: true,
        schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: {
          size: { type: 'string', default: 'small' },
          replicas: { type: 'integer', default: 1 },
          ports: {
            type: 'array', 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['name'],
            items: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, protocol: { type: 'string', default: 'TCP' } } },
          },
        } } } } },
      }],
    },
  };
  const widget = (spec: object) => ({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec });

  it('explains a field the live object has at its CRD default and the manifest leaves out, in a list element too', () => {
    const live = widget({ size: 'small', replicas: 1, ports: [{ name: 'http', protocol: 'TCP' }] });
    const manifest = widget({ ports: [{ name: 'http' }] });
    expect(summary(diff(live, manifest, { crds: [crd] }))).toEqual([
      'equivalent spec.ports[name=http].protocol (crd-default)',
      'equivalent spec.size (crd-default)',
      'equivalent spec.replicas (crd-default)',
    ]);
    // Without the CRD there is nothing to say the live values are defaults.
    expect(summary(real(diff(live, manifest)))).toEqual(['removed spec.ports[0].protocol', 'removed spec.size', 'removed spec.replicas']);
  });

  it('takes the defaults from a schema read from the CRD (schemaFromCRD), as from `crds`, and only for its version', () => {
    const live = frozenCopy(widget({ size: 'small', replicas: 1, ports: [{ name: 'http', protocol: 'TCP' }] }));
    const manifest = frozenCopy(widget({ ports: [{ name: 'http' }] }));
    const schema = schemaFromCRD(frozenCopy(crd), 'v1');
    expect(summary(semanticDiff(live, manifest, { schema }))).toEqual(summary(diff(live, manifest, { crds: [crd] })));
    const v2 = { ...crd, spec: { ...crd.spec, versions: [{ ...crd.spec.versions[0]!, name: 'v2' }] } };
    expect(summary(real(semanticDiff(live, manifest, { schema: schemaFromCRD(frozenCopy(v2), 'v2') })))).toEqual([
      'removed spec.ports[name=http].protocol',
      'removed spec.size',
      'removed spec.replicas',
    ]);
  });

  it('keeps a value other than the default a real change, and turns off with the defaults normalization', () => {
    const changes = diff(widget({ size: 'large' }), widget({}), { crds: [crd] });
    expect(changes).toEqual([{ path: 'spec.size', pointer: '/spec/size', kind: 'changed', from: 'large', to: 'small' }]);
    expect(summary(real(diff(widget({ size: 'small' }), widget({}), { crds: [crd], normalize: { defaults: false } })))).toEqual(['removed spec.size']);
  });

  it('matches the CRD by group and kind, and takes its schema: list-map keys match ports by name', () => {
    const other = { ...crd, spec: { ...crd.spec, group: 'other.example.com' } };
    expect(real(diff(widget({ size: 'small' }), widget({}), { crds: [other] }))).toHaveLength(1);
    const reordered = diff(widget({ ports: [{ name: 'a' }, { name: 'b' }] }), widget({ ports: [{ name: 'b' }, { name: 'a' }] }), { crds: [crd] });
    expect(summary(real(reordered))).toEqual(['reordered spec.ports']);
  });

  it('reads a deep-frozen CRD once (the same schema each time) and one that is not frozen at every call, with the same answers', () => {
    const frozen = frozenCopy(crd);
    const open = structuredClone(crd);
    expect(schemaFromCRD(frozen, 'v1')).toBe(schemaFromCRD(frozen, 'v1'));
    expect(schemaFromCRD(open, 'v1')).not.toBe(schemaFromCRD(open, 'v1'));
    const live = frozenCopy(widget({ size: 'small', replicas: 1, ports: [{ name: 'http', protocol: 'TCP' }] }));
    const manifest = frozenCopy(widget({ ports: [{ name: 'http' }] }));
    const expected = summary(semanticDiff(live, manifest, { crds: [open] }));
    expect(expected).toHaveLength(3);
    for (let call = 0; call < 2; call++) expect(summary(semanticDiff(live, manifest, { crds: [frozen] }))).toEqual(expected);
  });

  it('refuses what is not a list of CRDs, naming the entry', () => {
    expect(() => diff(widget({}), widget({}), { crds: [{ kind: 'ConfigMap' }] })).toThrow(InvalidDocumentError);
    expect(() => diff(widget({}), widget({}), { crds: [{ spec: { group: 'g' } }] })).toThrow(/options\.crds\[0\]/);
    expect(() => semanticDiff(widget({}), widget({}), { crds: {} as never })).toThrow(/options\.crds: must be an array/);
  });
});

describe('string-data: a Secret\'s stringData, as the API server stores it in data', () => {
  const secret = (fields: object) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, type: 'Opaque', ...fields });

  it('explains a stringData value the live data holds in base64, UTF-8 included', () => {
    const live = secret({ data: { user: 'YWRtaW4=', city: 'WsO8cmljaA==' } });
    const changes = diff(live, secret({ stringData: { user: 'admin', city: 'Zürich' } }));
    expect(changes).toEqual([
      { path: 'stringData.user', pointer: '/stringData/user', kind: 'equivalent', from: SECRET_MASK.value, to: SECRET_MASK.value, equalBecause: 'string-data' },
      { path: 'stringData.city', pointer: '/stringData/city', kind: 'equivalent', from: SECRET_MASK.value, to: SECRET_MASK.value, equalBecause: 'string-data' },
    ]);
  });

  it('shows a changed value at stringData, masked, and a key only the live data has as removed', () => {
    const live = secret({ data: { user: 'YWRtaW4=', old: 'eA==' } });
    expect(diff(live, secret({ stringData: { user: 'root' } }))).toEqual([
      { path: 'stringData.user', pointer: '/stringData/user', kind: 'changed', from: SECRET_MASK.before, to: SECRET_MASK.after },
      { path: 'data.old', pointer: '/data/old', kind: 'removed', from: SECRET_MASK.value },
    ]);
  });

  it('says nothing about two manifests that write the same stringData', () => {
    expect(diff(secret({ stringData: { user: 'admin' } }), secret({ stringData: { user: 'admin' } }))).toEqual([]);
  });

  it('lets stringData win over data for the same key, as the server does', () => {
    expect(real(diff(secret({ data: { k: 'bmV3' } }), secret({ data: { k: 'b2xk' }, stringData: { k: 'new' } })))).toEqual([]);
  });

  it('is off with normalize.stringData false, and for a stringData that is not a map of strings', () => {
    const live = secret({ data: { user: 'YWRtaW4=' } });
    expect(summary(real(diff(live, secret({ stringData: { user: 'admin' } }), { normalize: { stringData: false } }))))
      .toEqual(['added stringData', 'removed data']);
    expect(summary(real(diff(live, secret({ stringData: { user: 1 } }))))).toEqual(['added stringData', 'removed data']);
  });
});

describe('webhook-written: what the cluster writes when the manifest leaves it out', () => {
  const webhook = (clientConfig: object) => ({
    apiVersion: 'admissionregistration.k8s.io/v1', kind: 'MutatingWebhookConfiguration', metadata: { name: 'inject' },
    webhooks: [{ name: 'inject.example.com', clientConfig: { service: { name: 'inject', namespace: 'system' }, ...clientConfig } }],
  });

  it('explains a caBundle the manifest leaves out or leaves empty', () => {
    for (const manifest of [webhook({}), webhook({ caBundle: '' })]) {
      expect(summary(diff(webhook({ caBundle: 'Q0E=' }), manifest))).toEqual(['equivalent webhooks[name=inject.example.com].clientConfig.caBundle (webhook-written)']);
    }
  });

  it('keeps a caBundle the manifest sets to another value a real change, and the same path in another kind', () => {
    expect(summary(diff(webhook({ caBundle: 'Q0E=' }), webhook({ caBundle: 'T1RIRVI=' })))).toEqual(['changed webhooks[name=inject.example.com].clientConfig.caBundle']);
    const notAWebhook = (config: object) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, webhooks: [{ name: 'x', clientConfig: config }] });
    expect(summary(real(diff(notAWebhook({ caBundle: 'Q0E=' }), notAWebhook({}))))).toEqual(['removed webhooks[0].clientConfig.caBundle']);
  });

  it('reports a Deployment\'s revision annotation member by member when the manifest has no annotations at all', () => {
    const deployment = (metadata: object) => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', ...metadata }, spec: { replicas: 2 } });
    const live = deployment({ annotations: { 'deployment.kubernetes.io/revision': '7', team: 'a' } });
    expect(summary(diff(live, deployment({})))).toEqual([
      'equivalent metadata.annotations["deployment.kubernetes.io/revision"] (webhook-written)',
      'removed metadata.annotations.team',
    ]);
    expect(summary(real(diff(deployment({ annotations: { 'deployment.kubernetes.io/revision': '7' } }), deployment({}), { normalize: { webhookWritten: false } }))))
      .toEqual(['removed metadata.annotations']);
  });

  it('takes no empty live value for the cluster\'s (a storageClassName "" is the user\'s own)', () => {
    const pvc = (spec: object) => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'c' }, spec });
    expect(summary(diff(pvc({ storageClassName: 'standard', volumeName: 'pv-1' }), pvc({})))).toEqual([
      'equivalent spec.storageClassName (webhook-written)', 'equivalent spec.volumeName (webhook-written)',
    ]);
    expect(summary(real(diff(pvc({ storageClassName: '' }), pvc({}))))).toEqual(['removed spec.storageClassName']);
  });
});

describe('options checks', () => {
  it('refuses an argocd setting that is not an object', () => {
    for (const argocd of [null, 'x', []]) {
      expect(() => semanticDiff({}, {}, { argocd: argocd as never })).toThrow(/options\.argocd: must be an object/);
    }
  });
});
