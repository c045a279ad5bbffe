import { beforeAll, describe, expect, it } from 'vitest';
import { serverSideApply, type JsonObject } from 'kubepatch';
import { upgradeManagedFields, upgradeManagedFieldsPatch } from 'kubepatch';
import { skipReason, uniqueName } from '../helpers/envtest.js';
import { createNamespace, serverOk, serverRequest } from '../helpers/serverRequest.js';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const APPLY = 'application/apply-patch+yaml';

/** A Deployment manifest: `full` with the `tier` label and the `side` container, else without them. */
function manifest(name: string, full: boolean): JsonObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, labels: full ? { app: name, tier: 'web' } : { app: name } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'app', image: 'app:1' }, ...(full ? [{ name: 'side', image: 'side:1' }] : [])] },
      },
    },
  };
}

/** What `kubectl apply` (client-side) creates: the manifest with itself in the last-applied annotation. */
function clientSideApplied(config: JsonObject): JsonObject {
  const metadata = config.metadata as JsonObject;
  return { ...config, metadata: { ...metadata, annotations: { [LAST_APPLIED]: `${JSON.stringify(config)}\n` } } };
}

/** The parts of a stored object both a real write and the offline one decide: not resourceVersion, generation, times or status. */
function comparable(object: JsonObject): JsonObject {
  const { resourceVersion: _rv, generation: _g, managedFields, ...metadata } = object.metadata as JsonObject;
  const entries = ((managedFields ?? []) as JsonObject[]).map(({ time: _t, ...entry }) => entry);
  return { metadata: { ...metadata, managedFields: entries }, spec: object.spec! };
}

const labelsOf = (object: JsonObject) => (object.metadata as JsonObject).labels;
const containersOf = (object: JsonObject) => ((((object.spec as JsonObject).template as JsonObject).spec as JsonObject).containers as JsonObject[]).map((c) => c.name);

describe.skipIf(skipReason)('upgradeManagedFields against the real API server (kubernetes/kubernetes#99003)', () => {
  const ns = uniqueName('csa');
  const base = `/apis/apps/v1/namespaces/${ns}/deployments`;
  beforeAll(() => createNamespace(ns));

  /** Creates the Deployment as `kubectl apply` does, then updates it as a second client-side apply does (PUT). */
  async function createClientSide(name: string): Promise<JsonObject> {
    const first = { ...manifest(name, true), spec: { ...(manifest(name, true).spec as JsonObject), replicas: 1 } };
    const created = await serverOk('POST', `${base}?fieldManager=kubectl-client-side-apply`, clientSideApplied(first));
    const config = clientSideApplied(manifest(name, true));
    const updated = { ...created, metadata: { ...created.metadata, annotations: (config.metadata as JsonObject).annotations }, spec: { ...created.spec, replicas: 2 } };
    await serverOk('PUT', `${base}/${name}?fieldManager=kubectl-client-side-apply`, updated);
    const live: JsonObject = await serverOk('GET', `${base}/${name}`);
    expect((live.metadata as JsonObject).managedFields).toEqual([expect.objectContaining({ manager: 'kubectl-client-side-apply', operation: 'Update' })]);
    return live;
  }

  const applyByKubectl = (name: string) => serverOk('PATCH', `${base}/${name}?fieldManager=kubectl`, manifest(name, false), APPLY) as Promise<JsonObject>;

  it('without the upgrade, a server-side apply that drops a label and a container leaves both (the bug), as serverSideApply predicts', async () => {
    const name = uniqueName('stuck');
    const live = await createClientSide(name);
    const predicted = serverSideApply(live, manifest(name, false), { manager: 'kubectl' }).object;
    const applied = await applyByKubectl(name);
    expect(labelsOf(applied)).toEqual({ app: name, tier: 'web' });
    expect(containersOf(applied)).toEqual(['app', 'side']);
    // The server keeps the annotation up to date for kubectl: it now holds the server-side configuration.
    expect(JSON.parse(((applied.metadata as JsonObject).annotations as JsonObject)[LAST_APPLIED] as string)).toEqual(manifest(name, false));
    expect(comparable(predicted)).toEqual(comparable(applied));
  });

  it('after writing back upgradeManagedFields(live, { to: "kubectl" }), the same apply removes them, as serverSideApply predicts', async () => {
    const name = uniqueName('moved');
    const live = await createClientSide(name);
    const upgraded = upgradeManagedFields(live, { to: 'kubectl' });
    const entries = (upgraded.metadata as JsonObject).managedFields as JsonObject[];
    expect(entries).toEqual([{ ...((live.metadata as JsonObject).managedFields as JsonObject[])[0], manager: 'kubectl', operation: 'Apply' }]);

    // client-go's way: the JSON patch, which also pins the resourceVersion.
    const patch = upgradeManagedFieldsPatch(live, { to: 'kubectl' })!;
    const written: JsonObject = await serverOk('PATCH', `${base}/${name}`, patch, 'application/json-patch+json');
    expect((written.metadata as JsonObject).managedFields).toEqual(entries);
    expect(comparable({ ...written, metadata: { ...(written.metadata as JsonObject), managedFields: [] } })).toEqual(
      comparable({ ...live, metadata: { ...(live.metadata as JsonObject), managedFields: [] } }),
    );

    const predicted = serverSideApply(written, manifest(name, false), { manager: 'kubectl' }).object;
    const applied = await applyByKubectl(name);
    expect(labelsOf(applied)).toEqual({ app: name });
    expect(containersOf(applied)).toEqual(['app']);
    // kubectl now owned the annotation as client-side apply did, and its configuration leaves it out.
    expect((applied.metadata as JsonObject).annotations).toBeUndefined();
    expect(comparable(predicted)).toEqual(comparable(applied));
  });

  it('a PUT of the upgraded object works as well, and a stale upgrade patch is refused with 409', async () => {
    const name = uniqueName('put');
    const live = await createClientSide(name);
    const written: JsonObject = await serverOk('PUT', `${base}/${name}`, upgradeManagedFields(live, { to: 'kubectl' }));
    expect((written.metadata as JsonObject).managedFields).toEqual((upgradeManagedFields(live, { to: 'kubectl' }).metadata as JsonObject).managedFields);
    expect(upgradeManagedFieldsPatch(written, { to: 'kubectl' })).toBeUndefined(); // nothing left to do
    const stale = await serverRequest('PATCH', `${base}/${name}`, upgradeManagedFieldsPatch(live, { to: 'kubectl' }), 'application/json-patch+json');
    expect(stale.statusCode).toBe(409);
    const applied = await applyByKubectl(name);
    expect(containersOf(applied)).toEqual(['app']);
  });
});
