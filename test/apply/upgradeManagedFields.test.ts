import { describe, expect, it } from 'vitest';
import { applyJsonPatch, serverSideApply, type JsonObject } from 'kubepatch';
import { upgradeManagedFields, upgradeManagedFieldsPatch, type UpgradeManagedFieldsOptions } from 'kubepatch';
import { deepFreeze } from '../helpers/deepFreeze.js';
import { thrownKubepatchError } from '../helpers/thrownKubepatchError.js';

const CSA = 'kubectl-client-side-apply';
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

const entry = (manager: string, operation: 'Apply' | 'Update', apiVersion: string, fieldsV1: JsonObject, extra: JsonObject = {}): JsonObject => ({
  manager,
  operation,
  apiVersion,
  time: '2022-08-22T23:08:23Z',
  fieldsType: 'FieldsV1',
  fieldsV1,
  ...extra,
});

const csaFields: JsonObject = { 'f:data': { '.': {}, 'f:key': {}, 'f:legacy': {} }, 'f:metadata': { 'f:annotations': { '.': {}, [`f:${LAST_APPLIED}`]: {} } } };

function configMap(managedFields: JsonObject[] | undefined): JsonObject {
  const lastApplied = '{"apiVersion":"v1","data":{"key":"value","legacy":"unused"},"kind":"ConfigMap","metadata":{"annotations":{},"name":"test","namespace":"default"}}\n';
  return deepFreeze({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'test', namespace: 'default', resourceVersion: '7', annotations: { [LAST_APPLIED]: lastApplied }, ...(managedFields ? { managedFields } : {}) },
    data: { key: 'value', legacy: 'unused' },
  });
}

const entriesOf = (object: JsonObject) => (object.metadata as JsonObject).managedFields as JsonObject[];

/** Runs both forms and checks that the patch turns the object into the upgraded one, as Go's test does. */
function upgrade(object: JsonObject, options: UpgradeManagedFieldsOptions): JsonObject {
  const upgraded = upgradeManagedFields(object, options);
  const patch = upgradeManagedFieldsPatch(object, options);
  if (patch === undefined) expect(upgraded).toEqual(object);
  else expect(applyJsonPatch(object, patch)).toEqual(upgraded);
  return upgraded;
}

describe('upgradeManagedFields (csaupgrade.UpgradeManagedFields)', () => {
  it("turns client-side apply's Update entry into the Apply entry of `to`, keeping its apiVersion, time and place", () => {
    const live = configMap([entry('kubectl-edit', 'Update', 'v1', { 'f:data': { 'f:other': {} } }), entry(CSA, 'Update', 'v1', csaFields, { time: '2022-08-23T00:00:00Z' })]);
    const upgraded = upgrade(live, { to: 'kubectl' });
    expect(entriesOf(upgraded)).toEqual([entriesOf(live)[0], { ...entriesOf(live)[1], manager: 'kubectl', operation: 'Apply' }]);
    // Nothing else changes: the last-applied annotation stays, as in Go.
    expect({ ...upgraded, metadata: { ...(upgraded.metadata as JsonObject), managedFields: [] } }).toEqual({ ...live, metadata: { ...(live.metadata as JsonObject), managedFields: [] } });
  });

  it('unions into an existing Apply entry of `to` the Update entry of the same apiVersion, and drops every Update entry of the name', () => {
    const live = configMap([
      entry('kubectl', 'Apply', 'v1', { 'f:data': { 'f:key': {} } }, { time: '2022-08-23T23:08:23Z' }),
      entry(CSA, 'Update', 'v1', { 'f:data': { 'f:legacy': {} } }),
      entry(CSA, 'Update', 'v2', { 'f:data': { 'f:onlyInV2': {} } }),
      entry('other', 'Update', 'v1', { 'f:data': { 'f:x': {} } }),
    ]);
    const upgraded = upgrade(live, { to: 'kubectl' });
    expect(entriesOf(upgraded)).toEqual([
      { ...entriesOf(live)[0], fieldsV1: { 'f:data': { 'f:key': {}, 'f:legacy': {} } } },
      // The v2 entry's fields are owned by no one now (Go's "csa-no-applicable-version").
      entriesOf(live)[3],
    ]);
  });

  it('converts the first matching entry, the oldest in the server order, and drops the CSA entries of other apiVersions', () => {
    const live = configMap([entry(CSA, 'Update', 'v2', { 'f:data': { 'f:a': {} } }), entry(CSA, 'Update', 'v1', { 'f:data': { 'f:b': {} } }, { time: '2022-08-24T00:00:00Z' })]);
    expect(entriesOf(upgrade(live, { to: 'kubectl' }))).toEqual([{ ...entriesOf(live)[0], manager: 'kubectl', operation: 'Apply' }]);
  });

  it('changes nothing without a matching entry, and the patch is undefined', () => {
    for (const live of [configMap(undefined), configMap([]), configMap([entry('kubectl-edit', 'Update', 'v1', csaFields)]), configMap([entry(CSA, 'Apply', 'v1', csaFields)])]) {
      expect(upgradeManagedFields(live, { to: 'kubectl' })).toEqual(live);
      expect(upgradeManagedFieldsPatch(live, { to: 'kubectl' })).toBeUndefined();
    }
    // An Apply entry of `to` alone is written anew (the same set): no patch.
    const applied = configMap([entry('kubectl', 'Apply', 'v1', csaFields)]);
    expect(upgrade(applied, { to: 'kubectl' })).toEqual(applied);
  });

  it('upgrades the entries of one subresource only', () => {
    const live = configMap([entry(CSA, 'Update', 'v1', { 'f:status': { 'f:a': {} } }, { subresource: 'status' }), entry(CSA, 'Update', 'v1', csaFields)]);
    expect(entriesOf(upgrade(live, { to: 'kubectl', subresource: 'status' }))).toEqual([
      { ...entriesOf(live)[0], manager: 'kubectl', operation: 'Apply' },
      entriesOf(live)[1],
    ]);
  });

  it('takes several names in the order given (Go: a set, in random order)', () => {
    const live = configMap([entry('kubectl-edit', 'Update', 'v1', { 'f:data': { 'f:e': {} } }), entry(CSA, 'Update', 'v1', { 'f:data': { 'f:c': {} } }, { time: '2022-08-24T00:00:00Z' })]);
    const fields = { 'f:data': { 'f:c': {}, 'f:e': {} } };
    expect(entriesOf(upgrade(live, { from: [CSA, 'kubectl-edit'], to: 'kubectl' }))).toEqual([{ ...entriesOf(live)[1], manager: 'kubectl', operation: 'Apply', fieldsV1: fields }]);
    expect(entriesOf(upgrade(live, { from: ['kubectl-edit', CSA], to: 'kubectl' }))).toEqual([{ ...entriesOf(live)[0], manager: 'kubectl', operation: 'Apply', fieldsV1: fields }]);
  });

  it("gives the JSON patch of csaupgrade: replace managedFields, then replace resourceVersion with the object's", () => {
    const live = configMap([entry(CSA, 'Update', 'v1', csaFields)]);
    expect(upgradeManagedFieldsPatch(live, { to: 'kubectl' })).toEqual([
      { op: 'replace', path: '/metadata/managedFields', value: [{ ...entriesOf(live)[0], manager: 'kubectl', operation: 'Apply' }] },
      { op: 'replace', path: '/metadata/resourceVersion', value: '7' },
    ]);
  });

  it('after the upgrade, an apply by `to` that leaves out a field client-side apply set removes it (kubernetes/kubernetes#99003)', () => {
    const live = configMap([entry(CSA, 'Update', 'v1', csaFields)]);
    const config = deepFreeze({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'test', namespace: 'default' }, data: { key: 'value' } });
    const now = new Date('2026-12-07T10:00:00Z');
    expect(serverSideApply(live, config, { manager: 'kubectl', now }).object.data).toEqual({ key: 'value', legacy: 'unused' });
    const upgraded = serverSideApply(upgradeManagedFields(live, { to: 'kubectl' }), config, { manager: 'kubectl', now }).object;
    expect(upgraded.data).toEqual({ key: 'value' });
    // `kubectl` now owned the annotation too, and its configuration does not hold it.
    expect((upgraded.metadata as JsonObject).annotations).toBeUndefined();
  });

  it('refuses a managedFields that is not a list of entries, a fieldsV1 it must read that does not decode, and a missing `to`', () => {
    const bad = configMap([entry(CSA, 'Update', 'v1', { 'f:data': { 'zz:x': {} } })]);
    const error = thrownKubepatchError('INVALID_DOCUMENT', () => upgradeManagedFields(bad, { to: 'kubectl' }));
    expect(error).toMatchObject({ path: '/metadata/managedFields/0/fieldsV1/f:data/zz:x', input: 'object' });
    expect(error.message).toMatch(/^failed to convert fields to set: /);
    // An entry it does not read is not decoded.
    expect(upgradeManagedFields(bad, { to: 'kubectl', from: ['nobody'] })).toEqual(bad);
    expect(thrownKubepatchError('INVALID_DOCUMENT', () => upgradeManagedFields({ ...bad, metadata: { managedFields: {} } }, { to: 'kubectl' })).path).toBe('/metadata/managedFields');
    expect(thrownKubepatchError('INVALID_DOCUMENT', () => upgradeManagedFields(bad, { to: '' })).input).toBe('options');
    expect(thrownKubepatchError('INVALID_DOCUMENT', () => upgradeManagedFields(bad, {} as never)).input).toBe('options');
  });
});
