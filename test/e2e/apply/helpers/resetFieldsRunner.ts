// The per-kind sequence of test/e2e/apply/resetFields.test.ts: create, main apply, status apply,
// status update and main update of one object, each compared with resetObject and resetFieldsFor.
import { expect } from 'vitest';
import { resetFieldsFor, resetObject, type WriteTarget } from '../../../../src/apply/resetFields/index.ts';
import type { JsonObject } from '../../../../src/json/JsonValue.ts';
import { uniqueName } from '../../helpers/envtest.js';
import { serverOk } from '../../helpers/serverRequest.js';
import type { ResetFieldsCase } from './resetFieldsCases.js';
import { apply, collectionPath, copy, expectApplyOwnership, expectResetParts, overlay, ownedBy, ownsNothingUnder, put } from './resetFieldsHelpers.js';

/** Runs the sequence for one kind in namespace `ns`. */
export async function checkKindWrites(c: ResetFieldsCase, ns: string): Promise<void> {
  const name = uniqueName(c.resource.slice(0, 8));
  const path = `${collectionPath(c.apiVersion, c.resource, ns)}/${name}`;
  const target: WriteTarget = { apiVersion: c.apiVersion, kind: c.kind, ...(c.crd ? { crd: c.crd } : {}) };
  const mainReset = resetFieldsFor(target);
  const statusReset = resetFieldsFor({ ...target, subresource: 'status' });
  expect(mainReset?.toString()).toContain('.status');
  expect(statusReset?.toString()).toContain('.spec');

  // Create (by apply), with a status the strategy clears or replaces.
  const manifest = c.manifest(name);
  expect((await apply(path, 'rf-create', manifest)).statusCode).toBe(201);
  const created = await serverOk('GET', path);
  const predictedCreate = resetObject({ ...target, operation: 'create', live: null, written: manifest });
  expect(created.status, 'status after create').toEqual(c.statusReadDefaults ? { ...(predictedCreate.status as object), ...c.statusReadDefaults } : predictedCreate.status);
  // (The manifest has atomic maps, such as selectors, owned whole: check the reset fields and a label.)
  const creator = ownedBy(created, 'rf-create', 'Apply');
  expect(ownsNothingUnder(creator, mainReset), `the creating apply owns no reset field:\n${creator.toString()}`).toBe(true);
  expect(creator.has([{ kind: 'field', name: 'metadata' }, { kind: 'field', name: 'labels' }, { kind: 'field', name: 'app' }])).toBe(true);

  // (a) A main-resource apply that sets status and a label: status stays, the label is taken.
  const mainConfig = { apiVersion: c.apiVersion, kind: c.kind, metadata: { name, labels: { 'main-apply': 'yes' } }, status: c.mainStatus };
  await apply(path, 'rf-main', mainConfig);
  const afterMain = await serverOk('GET', path);
  expect(afterMain.status, 'status after a main apply').toEqual(created.status);
  expectResetParts(afterMain, resetObject({ ...target, operation: 'update', live: created, written: overlay(created, mainConfig) as JsonObject }), 'main apply');
  expectApplyOwnership(ownedBy(afterMain, 'rf-main', 'Apply'), mainConfig, mainReset, 'the main apply');

  // (b) A status apply that also tries spec, labels and annotations.
  const statusConfig = {
    apiVersion: c.apiVersion,
    kind: c.kind,
    metadata: { name, labels: { app: 'changed-by-status', 'status-apply': 'yes' }, annotations: { 'status-note': 'x' } },
    spec: c.specChange,
    status: c.status,
  };
  await apply(`${path}/status`, 'rf-status', statusConfig);
  const afterStatus = await serverOk('GET', path);
  expect(afterStatus.spec, 'spec after a status apply').toEqual(afterMain.spec);
  const predictedStatus = resetObject({ ...target, subresource: 'status', operation: 'update', live: afterMain, written: overlay(afterMain, statusConfig) as JsonObject });
  expectResetParts(afterStatus, predictedStatus, 'status apply');
  expectApplyOwnership(ownedBy(afterStatus, 'rf-status', 'Apply', 'status'), statusConfig, statusReset, 'the status apply');

  // (c) A status update (PUT) of the whole object with spec, labels, annotations and status changed.
  const statusBody = copy(afterStatus);
  statusBody.spec = overlay(statusBody.spec, c.specChange);
  statusBody.metadata.labels = { ...statusBody.metadata.labels, 'status-put': 'yes' };
  statusBody.metadata.annotations = { ...statusBody.metadata.annotations, 'status-put-note': 'y' };
  statusBody.status = c.statusUpdate(statusBody.status);
  const afterStatusPut = await put(`${path}/status`, 'rf-status-put', statusBody);
  expectResetParts(afterStatusPut, resetObject({ ...target, subresource: 'status', operation: 'update', live: afterStatus, written: statusBody }), 'status update');
  const statusUpdater = ownedBy(afterStatusPut, 'rf-status-put', 'Update', 'status');
  expect(ownsNothingUnder(statusUpdater, statusReset), `the status update owns no reset field:\n${statusUpdater.toString()}`).toBe(true);
  expect(statusUpdater.withPrefix({ kind: 'field', name: 'status' }).isEmpty(), 'the status update owns the status it changed').toBe(false);

  // (c) A main update (PUT) with a spec change, a label and a status change.
  const mainBody = copy(afterStatusPut);
  mainBody.spec = overlay(mainBody.spec, c.mainSpecChange ?? {});
  mainBody.metadata.labels = { ...mainBody.metadata.labels, 'main-put': 'yes' };
  mainBody.status = overlay(mainBody.status, c.mainStatus);
  const afterMainPut = await put(path, 'rf-main-put', mainBody);
  expectResetParts(afterMainPut, resetObject({ ...target, operation: 'update', live: afterStatusPut, written: mainBody }), 'main update');
  expect(afterMainPut.status).toEqual(afterStatusPut.status);
  const mainUpdater = ownedBy(afterMainPut, 'rf-main-put', 'Update');
  expect(ownsNothingUnder(mainUpdater, mainReset), `the main update owns no reset field:\n${mainUpdater.toString()}`).toBe(true);
  expect(mainUpdater.has([{ kind: 'field', name: 'metadata' }, { kind: 'field', name: 'labels' }, { kind: 'field', name: 'main-put' }])).toBe(true);
  expect(await serverOk('GET', path)).toEqual(afterMainPut);
}
