// Pod: the QoS class and status of a create, the QoS backfill of a status write, and the
// ephemeralcontainers and resize subresources.
import { describe, expect, it } from 'vitest';
import { resetObject } from '../../../src/apply/resetFields/index.ts';
import type { JsonObject } from '../../../src/json/JsonValue.ts';
import { deepFreeze, frozenCopy } from '../../helpers/deepFreeze.js';
import { thrownKubepatchError } from '../../helpers/thrownKubepatchError.js';

type Resources = { requests?: Record<string, string | number>; limits?: Record<string, string | number> };
const pod = (containers: Resources[], extra: object = {}, initContainers: Resources[] = []): JsonObject =>
  frozenCopy({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p' },
    spec: {
      containers: containers.map((resources, i) => ({ name: `c${i}`, image: 'app', resources })),
      ...(initContainers.length > 0 ? { initContainers: initContainers.map((resources, i) => ({ name: `i${i}`, image: 'init', resources })) } : {}),
      ...extra,
    },
    status: { phase: 'Running', hostIP: '10.0.0.1' },
  });
const create = (written: JsonObject, now?: string) => resetObject({ apiVersion: 'v1', kind: 'Pod', operation: 'create', live: null, written, ...(now ? { now } : {}) });
const qos = (written: JsonObject) => (create(written).status as JsonObject).qosClass;

describe('Pod create: status is phase Pending and the QoS class (qos.ComputePodQOS)', () => {
  const guaranteed: Resources = { requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: 0.5, memory: '1024Mi' } };

  it('BestEffort without cpu or memory requests and limits, zero quantities and other resources included', () => {
    expect(create(pod([{}]))).toEqual({ ...pod([{}]), status: { phase: 'Pending', qosClass: 'BestEffort' } });
    expect(qos(pod([{ requests: { cpu: '0', memory: '0Mi' }, limits: { 'nvidia.com/gpu': '1', 'ephemeral-storage': '1Gi' } }]))).toBe('BestEffort');
  });

  it('Guaranteed when every container limits cpu and memory and the sums of requests equal those of limits, by value', () => {
    expect(qos(pod([guaranteed]))).toBe('Guaranteed');
    expect(qos(pod([guaranteed, { requests: { cpu: '1', memory: '1G' }, limits: { cpu: '1000m', memory: '1e9' } }]))).toBe('Guaranteed');
    // Sums, not containers: 1 + 3 requested, 2 + 2 limited (validation would refuse this pod; QoS does not care).
    expect(qos(pod([{ requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '2', memory: '1Gi' } }, { requests: { cpu: '3', memory: '1Gi' }, limits: { cpu: '2', memory: '1Gi' } }]))).toBe('Guaranteed');
  });

  it('Burstable otherwise: a container without a memory limit, requests below limits, an init container without limits', () => {
    expect(qos(pod([{ limits: { cpu: '1' }, requests: { cpu: '1' } }]))).toBe('Burstable');
    expect(qos(pod([{ requests: { cpu: '250m', memory: '1Gi' }, limits: { cpu: '500m', memory: '1Gi' } }]))).toBe('Burstable');
    expect(qos(pod([guaranteed], {}, [{}]))).toBe('Burstable');
    expect(qos(pod([guaranteed], {}, [guaranteed]))).toBe('Guaranteed');
    // Limits without requests: the server defaults requests from limits first; resetObject takes the object as given.
    expect(qos(pod([{ limits: { cpu: '1', memory: '1Gi' } }]))).toBe('Burstable');
  });

  it('keeps a written status.qosClass (GetPodQOS reads it first)', () => {
    const written = frozenCopy({ ...pod([guaranteed]), status: { qosClass: 'BestEffort', phase: 'Running' } });
    expect(create(written).status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
  });

  it('a scheduling-gated pod gets the PodScheduled condition, stamped with now when given', () => {
    const gated = pod([{}], { schedulingGates: [{ name: 'wait' }] });
    const condition = { type: 'PodScheduled', status: 'False', lastProbeTime: null, reason: 'SchedulingGated', message: 'Scheduling is blocked due to non-empty scheduling gates' };
    expect(create(gated).status).toEqual({ phase: 'Pending', conditions: [condition], qosClass: 'BestEffort' });
    const stamped = create(gated, '2026-12-07T10:00:00Z').status as JsonObject;
    expect(stamped.conditions).toEqual([{ ...condition, lastTransitionTime: '2026-12-07T10:00:00Z' }]);
    expect(JSON.stringify(stamped)).toBe(
      '{"phase":"Pending","conditions":[{"type":"PodScheduled","status":"False","lastProbeTime":null,"lastTransitionTime":"2026-12-07T10:00:00Z","reason":"SchedulingGated","message":"Scheduling is blocked due to non-empty scheduling gates"}],"qosClass":"BestEffort"}',
    );
  });

  it('a quantity that is not one is a typed error', () => {
    expect(thrownKubepatchError('INVALID_QUANTITY', () => create(pod([{ limits: { cpu: '1 core' } }]))).code).toBe('INVALID_QUANTITY');
    const error = thrownKubepatchError('INVALID_DOCUMENT', () => create(frozenCopy({ spec: { containers: [{ resources: { requests: { memory: true } } }] } })));
    expect([error.input, error.path]).toEqual(['written', '/spec/containers/0/resources/requests/memory']);
  });
});

describe('Pod status writes', () => {
  const live: JsonObject = frozenCopy({
    ...pod([{}]),
    metadata: { name: 'p', labels: { a: '1' }, ownerReferences: [{ name: 'rs' }], deletionTimestamp: '2026-01-01T00:00:00Z' },
    status: { phase: 'Running', qosClass: 'BestEffort' },
  });

  it('spec, ownerReferences and deletionTimestamp from the live object; labels as written; qosClass backfilled', () => {
    const written = frozenCopy({ ...live, metadata: { name: 'p', labels: { a: '2' } }, spec: { containers: [] }, status: { phase: 'Failed' } });
    expect(resetObject({ apiVersion: 'v1', kind: 'Pod', subresource: 'status', operation: 'update', live, written })).toEqual({
      ...written,
      metadata: { name: 'p', labels: { a: '2' }, deletionTimestamp: '2026-01-01T00:00:00Z', ownerReferences: [{ name: 'rs' }] },
      spec: live.spec,
      status: { phase: 'Failed', qosClass: 'BestEffort' },
    });
    const own = frozenCopy({ ...written, status: { phase: 'Failed', qosClass: 'Guaranteed' } });
    expect((resetObject({ apiVersion: 'v1', kind: 'Pod', subresource: 'status', operation: 'update', live, written: own }).status as JsonObject).qosClass).toBe('Guaranteed');
  });

  it('ephemeralcontainers: only spec.ephemeralContainers as written; spec, status and the status metadata from the live object', () => {
    const debug = { name: 'debug', image: 'busybox' };
    const written = frozenCopy({
      ...live,
      metadata: { name: 'p', labels: { b: '2' }, annotations: { n: 'v' }, resourceVersion: '5' },
      spec: { ...(live.spec as JsonObject), activeDeadlineSeconds: 5, ephemeralContainers: [debug] },
      status: { phase: 'Failed' },
    });
    expect(resetObject({ apiVersion: 'v1', kind: 'Pod', subresource: 'ephemeralcontainers', operation: 'update', live, written })).toEqual({
      ...live,
      metadata: { ...(live.metadata as JsonObject), resourceVersion: '5' },
      spec: { ...(live.spec as JsonObject), ephemeralContainers: [debug] },
    });
  });

  it('resize: resources and resizePolicy of each container as written, all else from the live object', () => {
    const sized = frozenCopy({
      ...pod([{ requests: { cpu: '1' } }, {}], {}, [{}]),
      metadata: { name: 'p', labels: { a: '1' } },
      status: { phase: 'Running' },
    });
    const written = JSON.parse(JSON.stringify(sized));
    written.spec.containers[0].resources = { requests: { cpu: '2' } };
    written.spec.containers[0].image = 'other';
    written.spec.containers[1].resizePolicy = [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }];
    written.spec.initContainers[0].resources = { limits: { memory: '1Gi' } };
    written.spec.activeDeadlineSeconds = 5;
    written.metadata.labels = { a: '2' };
    written.status = { phase: 'Failed' };
    deepFreeze(written);
    const result = resetObject({ apiVersion: 'v1', kind: 'Pod', subresource: 'resize', operation: 'update', live: sized, written }) as any;
    expect(result.spec).toEqual({
      containers: [
        { name: 'c0', image: 'app', resources: { requests: { cpu: '2' } } },
        { name: 'c1', image: 'app', resources: {}, resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }] },
      ],
      initContainers: [{ name: 'i0', image: 'init', resources: { limits: { memory: '1Gi' } } }],
    });
    expect(result.status).toBe(sized.status);
    expect(result.metadata.labels).toEqual({ a: '1' });
  });

  it('resize: added or removed containers leave the object as written; a renamed one keeps the written containers', () => {
    const sized = pod([{}, {}]);
    const fewer = frozenCopy({ ...sized, spec: { containers: [{ name: 'c0', image: 'x' }] } });
    expect(resetObject({ apiVersion: 'v1', kind: 'Pod', subresource: 'resize', operation: 'update', live: sized, written: fewer })).toBe(fewer);
    const renamed = frozenCopy({ ...sized, spec: { ...(sized.spec as JsonObject), containers: [{ name: 'x', image: 'x' }, { name: 'c1', image: 'y' }], activeDeadlineSeconds: 1 } });
    const result = resetObject({ apiVersion: 'v1', kind: 'Pod', subresource: 'resize', operation: 'update', live: sized, written: renamed }) as any;
    expect(result.spec).toEqual({ ...(sized.spec as JsonObject), containers: (renamed.spec as JsonObject).containers });
  });
});
