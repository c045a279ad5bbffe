import type { KubeConfig } from '@kubernetes/client-node';
import { isKubepatchError, type JsonObject } from 'kubepatch';
import type { KubeConfigLike } from '../client/KubeConfigLike.js';
import { kubeRequest } from '../client/kubeRequest.js';
import { isJsonObject } from '../json/ownProperty.js';
import { readCrds, type CrdSource } from './readCrds.js';
import { ProcessGroup } from './ProcessGroup.js';
import { waitUntil } from './waitUntil.js';

const CRD_PATH = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions';

/**
 * Options of {@link installCrds}.
 * @example
 * ```ts
 * const options: InstallCrdsOptions = { timeoutMs: 30_000 };
 * ```
 * @public
 */
export interface InstallCrdsOptions {
  /** How long to wait for all the CRDs to be served. Default 30 s. */
  readonly timeoutMs?: number;
}

/**
 * Creates each CRD, or replaces it when one of that name exists (so a test can swap a CRD for
 * another release of it), then waits until every one is `Established` and each of its served
 * versions is listed by API discovery, so requests for the new kinds succeed at once.
 *
 * Throws the API server's refusal as kubepatch's typed error (`ApiError`), and
 * `ControlPlaneError` `CONTROL_PLANE_TIMEOUT` (component `crd`) when a CRD is not served in
 * time.
 *
 * @example
 * ```ts
 * await installCrds(controlPlane.kubeConfig, ['node_modules/argo-rollouts/manifests/crds/rollout-crd.yaml']);
 * ```
 * @public
 */
export async function installCrds(
  kubeConfig: KubeConfig,
  sources: readonly CrdSource[],
  options: InstallCrdsOptions = {},
): Promise<void> {
  await installCrdsUntil(kubeConfig, sources, Date.now() + (options.timeoutMs ?? 30_000), new ProcessGroup());
}

/** {@link installCrds} with a deadline, ending early if a process of `group` exits. */
export async function installCrdsUntil(
  kubeConfig: KubeConfigLike,
  sources: readonly CrdSource[],
  deadline: number,
  group: ProcessGroup,
): Promise<void> {
  const crds = await readCrds(sources);
  for (const crd of crds) await createOrReplace(kubeConfig, crd);
  for (const crd of crds) await waitUntilServed(kubeConfig, crd, deadline, group);
}

async function createOrReplace(kubeConfig: KubeConfigLike, crd: JsonObject): Promise<void> {
  try {
    await kubeRequest(kubeConfig, { method: 'POST', path: CRD_PATH, body: crd });
  } catch (error) {
    if (!(isKubepatchError(error, 'API_CONFLICT') || (isKubepatchError(error, 'API_ERROR') && error.statusCode === 409))) throw error;
    const path = `${CRD_PATH}/${encodeURIComponent(nameOf(crd))}`;
    const live = await kubeRequest(kubeConfig, { method: 'GET', path });
    const liveMetadata = isJsonObject(live['metadata']) ? live['metadata'] : {};
    const metadata = { ...(isJsonObject(crd['metadata']) ? crd['metadata'] : {}), resourceVersion: liveMetadata['resourceVersion'] ?? '' };
    await kubeRequest(kubeConfig, { method: 'PUT', path, body: { ...crd, metadata } });
  }
}

async function waitUntilServed(kubeConfig: KubeConfigLike, crd: JsonObject, deadline: number, group: ProcessGroup): Promise<void> {
  const name = nameOf(crd);
  const spec = isJsonObject(crd['spec']) ? crd['spec'] : {};
  const apiGroup = String(spec['group'] ?? '');
  const plural = isJsonObject(spec['names']) ? String(spec['names']['plural'] ?? '') : '';
  const versions = Array.isArray(spec['versions']) ? spec['versions'].filter(isJsonObject) : [];
  await waitUntil(`CRD ${name} becoming Established`, 'crd', deadline, group, async () => {
    const live = await kubeRequest(kubeConfig, { method: 'GET', path: `${CRD_PATH}/${encodeURIComponent(name)}` });
    const status = isJsonObject(live['status']) ? live['status'] : {};
    const conditions = Array.isArray(status['conditions']) ? status['conditions'].filter(isJsonObject) : [];
    return conditions.some((condition) => condition['type'] === 'Established' && condition['status'] === 'True') ? true : undefined;
  });
  for (const version of versions) {
    if (version['served'] === false) continue;
    const path = `/apis/${apiGroup}/${String(version['name'])}`;
    await waitUntil(`${plural}.${apiGroup}/${String(version['name'])} being served`, 'crd', deadline, group, async () => {
      const list = await kubeRequest(kubeConfig, { method: 'GET', path });
      const resources = Array.isArray(list['resources']) ? list['resources'].filter(isJsonObject) : [];
      return resources.some((resource) => resource['name'] === plural) ? true : undefined;
    });
  }
}

function nameOf(crd: JsonObject): string {
  const metadata = crd['metadata'];
  return isJsonObject(metadata) && typeof metadata['name'] === 'string' ? metadata['name'] : '';
}
