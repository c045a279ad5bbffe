import { InvalidSchemaError } from '../../errors/InvalidSchemaError.js';
import type { StatusSubresourceKind } from './ResetRules.js';
import { restore, restoreBut } from './ruleBuilders.js';

type Json = { readonly [key: string]: unknown };

const SOURCE = 'k8s.io/apiextensions-apiserver@v0.33.13/pkg/registry/customresource/';

/**
 * The rules of a custom resource, read from its CustomResourceDefinition as the apiextensions
 * registry does (`customresource/strategy.go`, `customresource/status_strategy.go`):
 *
 * - with `subresources.status` (in the version, or in the v1beta1 `spec.subresources`), the main
 *   strategy resets `status` ("If the /status subresource endpoint is installed, update is not
 *   allowed to set status"; "create cannot set status": `delete(customResource, "status")`), and
 *   the status strategy resets `spec` while its `PrepareForUpdate` copies the whole old object
 *   and puts back only `status` and `metadata.managedFields` ("update is only allowed to set
 *   status"). Its comment says so: other top-level fields "will also get removed by the
 *   apiserver prior to persisting, but won't be added to the resetFields set";
 * - without it, `GetResetFields` returns an empty map and nothing is reset.
 *
 * Throws `InvalidSchemaError` (`input: 'crd'`) when `crd` is not a CustomResourceDefinition of
 * `group`, `kind` and `version`.
 * @internal
 */
export function customResourceKind(crd: object, group: string, version: string, kind: string): StatusSubresourceKind {
  const fail = (message: string, path: string): never => {
    throw new InvalidSchemaError(`${message} (at ${path || 'the root'})`, { path, input: 'crd' });
  };
  const root = asObject(crd) ?? fail('a CustomResourceDefinition must be an object', '');
  if (root.kind !== undefined && root.kind !== 'CustomResourceDefinition') fail(`expected a CustomResourceDefinition, found kind ${JSON.stringify(root.kind)}`, '/kind');
  const spec = asObject(root.spec) ?? fail('spec must be an object', '/spec');
  if (spec.group !== group) fail(`the CRD is of group ${JSON.stringify(spec.group)}, not ${JSON.stringify(group)}`, '/spec/group');
  const names = asObject(spec.names) ?? fail('spec.names must be an object', '/spec/names');
  if (names.kind !== kind) fail(`the CRD is of kind ${JSON.stringify(names.kind)}, not ${JSON.stringify(kind)}`, '/spec/names/kind');
  const versions = Array.isArray(spec.versions) ? (spec.versions as unknown[]) : [];
  const index = versions.findIndex((entry) => asObject(entry)?.name === version);
  if (index === -1 && spec.version !== version) fail(`the CRD has no version ${JSON.stringify(version)}`, '/spec/versions');
  const subresources = asObject(asObject(versions[index])?.subresources) ?? asObject(spec.subresources);
  const hasStatus = asObject(subresources?.status) !== undefined;
  const apiVersion = `${group}/${version}`;
  return {
    group,
    kind,
    resource: typeof names.plural === 'string' ? names.plural : '',
    namespaced: spec.scope === 'Namespaced',
    served: [version],
    source: [`${SOURCE}strategy.go`, `${SOURCE}status_strategy.go`],
    main: hasStatus
      ? { resetFields: { [apiVersion]: [['status']] }, create: [{ op: 'removeStatus' }], update: [restore('status')] }
      : { resetFields: {}, create: [], update: [] },
    subresources: hasStatus
      ? { status: { resetFields: { [apiVersion]: [['spec']] }, update: [restoreBut([], ['status'], ['metadata', 'managedFields'])] } }
      : {},
    unmodelled: asObject(subresources?.scale) !== undefined ? ['scale'] : [],
    notModelled: ['metadata.generation: 1 on create, +1 on an update that changes anything but metadata'],
  };
}

function asObject(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}
