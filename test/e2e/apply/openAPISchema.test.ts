import { beforeAll, describe, expect, it } from 'vitest';
import { recordUpdate, schemaFor, schemaFromCRD, schemaFromOpenAPI, serverSideApply, type JsonObject, type ManagedFieldsEntry } from 'kubepatch';
import { rolloutManifest } from '../helpers/clientObjects.js';
import { skipReason, uniqueName } from '../helpers/envtest.js';
import { createNamespace, serverOk, serverRequest } from '../helpers/serverRequest.js';
import { ROLLOUT_CRD } from './sequences/targets.js';

// serverSideApply with the schema taken from the server's own OpenAPI v3 document (`openAPI`), for
// a built-in kind and for a custom resource: the prediction of every step equals the server's
// answer, and equals the prediction made from the built-in table or the CRD, and from the
// `PatchSchema` of each (`schema`: schemaFromOpenAPI, schemaFor, schemaFromCRD).

const APPLY = 'application/apply-patch+yaml';

/** managedFields without their times, which the server stamps. */
const untimed = (entries: readonly ManagedFieldsEntry[] | undefined) => (entries ?? []).map(({ time: _time, ...rest }) => rest);

describe.skipIf(skipReason !== undefined)('serverSideApply with the schema of an OpenAPI v3 document', () => {
  const namespace = uniqueName('ssa-openapi');
  let appsV1: object;
  let rolloutsV1alpha1: object;

  beforeAll(async () => {
    await createNamespace(namespace);
    appsV1 = await serverOk('GET', '/openapi/v3/apis/apps/v1');
    rolloutsV1alpha1 = await serverOk('GET', '/openapi/v3/apis/argoproj.io/v1alpha1');
  });

  /** Applies `config` on the server and checks the offline predictions from `sources` against its answer. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- server objects
  async function applyAndCompare(path: string, live: any, config: any, manager: string, sources: readonly object[]): Promise<any> {
    const answer = await serverRequest('PATCH', `${path}?fieldManager=${manager}`, config, APPLY);
    const stored = answer.body as { spec: unknown; metadata: { managedFields: ManagedFieldsEntry[] } };
    for (const options of sources) {
      const outcome = (() => {
        try {
          return serverSideApply(live, config, { manager, ...options });
        } catch (error) {
          return error as Error;
        }
      })();
      if (answer.statusCode === 409) {
        expect(outcome).toBeInstanceOf(Error);
        expect((outcome as Error).message).toBe((answer.body as { message: string }).message);
      } else {
        expect(answer.statusCode, JSON.stringify(answer.body)).toBeLessThan(300);
        if (outcome instanceof Error) throw outcome;
        expect(untimed(outcome.managedFields)).toEqual(untimed(stored.metadata.managedFields));
        expect((outcome.object as { spec: unknown }).spec).toEqual(stored.spec);
      }
    }
    return answer.statusCode === 409 ? live : stored;
  }

  it('predicts a Deployment from apps/v1 as from the built-in table', async () => {
    const path = `/apis/apps/v1/namespaces/${namespace}/deployments/web`;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a manifest
    const deployment = (image: string, ports: object[]): any => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace },
      spec: {
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image, ports }] } },
      },
    });
    const sources = [{ openAPI: appsV1 }, {}, { schema: schemaFromOpenAPI(appsV1, 'io.k8s.api.apps.v1.Deployment') }, { schema: schemaFor('apps/v1', 'Deployment')! }];
    let live = await applyAndCompare(path, null, deployment('a', [{ containerPort: 80 }, { containerPort: 53, protocol: 'UDP' }]), 'one', sources);
    live = await applyAndCompare(path, live, deployment('a', [{ containerPort: 80 }]), 'one', sources);
    const scaled = { ...live, spec: { ...live.spec, replicas: 3 } };
    const updated = recordUpdate(live, scaled, { manager: 'scaler', openAPI: appsV1 });
    const updatedBySchema = recordUpdate(live, scaled, { manager: 'scaler', schema: schemaFromOpenAPI(appsV1, 'io.k8s.api.apps.v1.Deployment') });
    live = await serverOk('PUT', `${path}?fieldManager=scaler`, scaled);
    expect(untimed(updated.managedFields)).toEqual(untimed(live.metadata.managedFields));
    expect(untimed(updatedBySchema.managedFields)).toEqual(untimed(live.metadata.managedFields));
    await applyAndCompare(path, live, { ...deployment('b', [{ containerPort: 80 }]), spec: { ...deployment('b', []).spec, replicas: 5 } }, 'two', sources);
  });

  it('predicts an Argo Rollout from the served argoproj.io/v1alpha1 document as from its CRD', async () => {
    const path = `/apis/argoproj.io/v1alpha1/namespaces/${namespace}/rollouts/web`;
    const sources = [
      { openAPI: rolloutsV1alpha1 },
      { crds: [ROLLOUT_CRD] },
      { schema: schemaFromOpenAPI(rolloutsV1alpha1, 'io.argoproj.v1alpha1.Rollout') },
      { schema: schemaFromCRD(ROLLOUT_CRD, 'v1alpha1') },
    ];
    const manifest = rolloutManifest(namespace) as unknown as JsonObject;
    let live = await applyAndCompare(path, null, manifest, 'one', sources);
    const next = rolloutManifest(namespace) as unknown as { spec: { template: { spec: { containers: object[] } } } };
    next.spec.template.spec.containers = [{ name: 'app', image: 'web:4', ports: [{ containerPort: 8080 }] }];
    live = await applyAndCompare(path, live, next as unknown as JsonObject, 'one', sources);
    await applyAndCompare(path, live, { ...manifest, spec: { ...(manifest.spec as JsonObject), replicas: 7 } }, 'two', sources);
  });
});
