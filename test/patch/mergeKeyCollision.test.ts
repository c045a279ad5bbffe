// Item 16 of issue #12: a strategic merge patch that cannot give `modified` because elements of a
// merge list share their merge key (Service ports 53/TCP and 53/UDP both merge as `port: 53`) used
// to be returned without a word. It is now a MergeKeyCollisionError carrying Go's patch; where the
// patch does give `modified` (repeated keys the patch leaves alone), nothing changes.
import {
  applyStrategicMergePatch,
  createPatchFor,
  createStrategicMergePatch,
  createThreeWayStrategicMergePatch,
  MergeKeyCollisionError,
  schemaFor,
  type JsonObject,
} from 'kubepatch';
import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../helpers/deepFreeze.js';
import { thrownKubepatchError } from '../helpers/thrownKubepatchError.js';

const serviceSchema = schemaFor('v1', 'Service')!;
const tcp = { name: 'dns-tcp', port: 53, protocol: 'TCP' };
const udp = { name: 'dns-udp', port: 53, protocol: 'UDP' };
const service = (ports: object[], labels: Record<string, string> = {}) =>
  deepFreeze({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'dns', labels }, spec: { selector: { app: 'dns' }, ports } });

const collision = (run: () => unknown) => thrownKubepatchError('MERGE_KEY_COLLISION', run);

describe('createStrategicMergePatch and a repeated merge key', () => {
  it('refuses 53/TCP -> 53/TCP + 53/UDP: Go\'s patch folds UDP into TCP', () => {
    const error = collision(() => createStrategicMergePatch(service([tcp]), service([tcp, udp]), serviceSchema));
    expect(error).toBeInstanceOf(MergeKeyCollisionError);
    expect(error).toMatchObject({ name: 'MergeKeyCollisionError', code: 'MERGE_KEY_COLLISION', path: '/spec/ports/1', input: 'modified' });
    expect(error.message).toMatch(/^modified: the strategic merge patch does not give \/spec\/ports\/1: elements of a merge list share their merge key/);
    // The patch Go computes, which kubectl sends (see merge-key-collision.kubectl.test.ts), and what it gives.
    expect(error.patch).toEqual({
      spec: { ports: [{ name: 'dns-udp', protocol: 'UDP', port: 53 }, tcp], '$setElementOrder/ports': [{ port: 53 }, { port: 53 }] },
    });
    expect(applyStrategicMergePatch(service([tcp]), error.patch, serviceSchema).spec).toEqual({ selector: { app: 'dns' }, ports: [tcp] });
  });

  it('refuses 53/TCP + 53/UDP swapped: the patch gives two UDP ports', () => {
    const error = collision(() => createStrategicMergePatch(service([tcp, udp]), service([udp, tcp]), serviceSchema));
    expect(error.path).toBe('/spec/ports/1');
    expect((applyStrategicMergePatch(service([tcp, udp]), error.patch, serviceSchema).spec as JsonObject).ports).toEqual([udp, udp]);
  });

  it('refuses a repeated containerPort inside a container, with the path into modified', () => {
    const deployment = (ports: object[]) =>
      deepFreeze({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'dns' }, spec: { template: { spec: { containers: [{ name: 'side', image: 's' }, { name: 'dns', image: 'coredns', ports }] } } } });
    const [containerTcp, containerUdp] = [{ containerPort: 53, protocol: 'TCP' }, { containerPort: 53, protocol: 'UDP' }];
    const error = collision(() =>
      createStrategicMergePatch(deployment([containerTcp]), deployment([containerTcp, containerUdp]), schemaFor('apps/v1', 'Deployment')!),
    );
    expect(error.path).toBe('/spec/template/spec/containers/1/ports/1');
  });

  it('returns the patch where it does give modified', () => {
    // No list on the original: the patch carries the list whole and Go stores it as it is.
    const created = createStrategicMergePatch(service([]).metadata, service([tcp, udp]).metadata, serviceSchema);
    expect(created).toEqual({});
    const added = createStrategicMergePatch({ apiVersion: 'v1', kind: 'Service' }, service([tcp, udp]), serviceSchema);
    expect(applyStrategicMergePatch({ apiVersion: 'v1', kind: 'Service' }, added, serviceSchema)).toEqual(service([tcp, udp]));
    // The list unchanged, a label changed: the patch does not touch the list.
    expect(createStrategicMergePatch(service([tcp, udp]), service([tcp, udp], { tier: 'dns' }), serviceSchema)).toEqual({
      metadata: { labels: { tier: 'dns' } },
    });
    // Dropping 53/UDP: Go deletes both 53s and adds 53/TCP back, which gives modified.
    const dropped = createStrategicMergePatch(service([tcp, udp]), service([tcp]), serviceSchema);
    expect(applyStrategicMergePatch(service([tcp, udp]), dropped, serviceSchema)).toEqual(service([tcp]));
  });

  it('leaves nulls in modified alone (a null stands for an absent member)', () => {
    const withNull = deepFreeze({ ...service([tcp, udp]), metadata: { name: 'dns', labels: {}, annotations: null } });
    expect(createStrategicMergePatch(service([tcp, udp]), withNull, serviceSchema)).toEqual({ metadata: { annotations: null } });
  });
});

describe('createThreeWayStrategicMergePatch and createPatchFor', () => {
  it('refuse kubectl apply of 53/TCP + 53/UDP onto a live Service with 53/TCP', () => {
    const error = collision(() => createThreeWayStrategicMergePatch(service([tcp]), service([tcp, udp]), service([tcp]), serviceSchema));
    expect(error).toMatchObject({ code: 'MERGE_KEY_COLLISION', path: '/spec/ports/1', input: 'modified' });
    expect(collision(() => createPatchFor(service([tcp]), service([tcp, udp]))).path).toBe('/spec/ports/1');
    expect(collision(() => createPatchFor(service([tcp]), service([tcp, udp]), { lastApplied: service([tcp]) })).path).toBe('/spec/ports/1');
  });

  it('keep what others added to the live object when the patch gives everything in modified', () => {
    const http = { name: 'http', port: 80, protocol: 'TCP' };
    const live = service([tcp, udp, http]);
    const patch = createThreeWayStrategicMergePatch(service([tcp, udp]), service([tcp, udp], { tier: 'dns' }), live, serviceSchema);
    expect(patch).toEqual({ metadata: { labels: { tier: 'dns' } }, spec: { '$setElementOrder/ports': [{ port: 53 }, { port: 53 }] } });
    expect((applyStrategicMergePatch(live, patch, serviceSchema).spec as JsonObject).ports).toEqual([tcp, udp, http]);
    expect(createPatchFor(live, service([tcp, udp], { tier: 'dns' }), { lastApplied: service([tcp, udp]) }).patch).toEqual(patch);
  });
});
