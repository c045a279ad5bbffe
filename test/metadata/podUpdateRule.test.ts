// The Pod row of docs/immutable-fields.md, claim by claim, against kubepatch's model of
// ValidatePodUpdate (k8s.io/kubernetes v1.33 pkg/apis/core/validation/validation.go). The cases
// complement test/metadata/immutableWorkloads.test.ts ("Pod").
import { findImmutableFieldChanges, type JsonValue } from 'kubepatch';
import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../helpers/deepFreeze.js';

type Obj = { [key: string]: JsonValue };

const SPEC =
  'spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,' +
  '`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),' +
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

const pod = (spec: Obj): Obj => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'worker' },
  spec: { containers: [{ name: 'app', image: 'app:1', resources: { requests: { cpu: '1' } } }], ...spec },
});
const messages = (oldObj: Obj, newObj: Obj): string[] => findImmutableFieldChanges(deepFreeze(oldObj), deepFreeze(newObj)).map((change) => change.message);

describe('Pod updates (ValidatePodUpdate)', () => {
  it('lets scheduling gates be removed', () => {
    expect(messages(pod({ schedulingGates: [{ name: 'a' }, { name: 'b' }] }), pod({ schedulingGates: [{ name: 'b' }] }))).toEqual([]);
    expect(messages(pod({ schedulingGates: [{ name: 'a' }] }), pod({}))).toEqual([]);
  });

  it('lets terminationGracePeriodSeconds change only from a negative value to 1', () => {
    expect(messages(pod({ terminationGracePeriodSeconds: -1 }), pod({ terminationGracePeriodSeconds: 1 }))).toEqual([]);
    expect(messages(pod({ terminationGracePeriodSeconds: -1 }), pod({ terminationGracePeriodSeconds: 2 }))).toEqual([SPEC]);
    expect(messages(pod({ terminationGracePeriodSeconds: 30 }), pod({ terminationGracePeriodSeconds: 1 }))).toEqual([SPEC]);
    expect(messages(pod({}), pod({ terminationGracePeriodSeconds: 30 }))).toEqual([SPEC]);
  });

  it('lets activeDeadlineSeconds be set or lowered; a value outside 0…2147483647 is refused first', () => {
    expect(messages(pod({}), pod({ activeDeadlineSeconds: 5 }))).toEqual([]);
    expect(messages(pod({ activeDeadlineSeconds: 5 }), pod({ activeDeadlineSeconds: 1 }))).toEqual([]);
    expect(messages(pod({ activeDeadlineSeconds: 5 }), pod({ activeDeadlineSeconds: 2 ** 31 }))).toEqual([
      'spec.activeDeadlineSeconds: Invalid value: 2147483648: must be between 0 and 2147483647, inclusive',
    ]);
  });

  it('lets tolerations be added and their tolerationSeconds change, but not be removed', () => {
    const toleration = { key: 'a', operator: 'Exists', effect: 'NoExecute' };
    const before = pod({ tolerations: [{ ...toleration, tolerationSeconds: 1 }] });
    expect(messages(before, pod({ tolerations: [{ key: 'b', operator: 'Exists' }, { ...toleration, tolerationSeconds: 9 }] }))).toEqual([]);
    expect(messages(before, pod({ tolerations: [] }))).toEqual(['spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds']);
  });

  it('refuses container resources and ephemeral containers in an update of the pod itself (they have their own subresources)', () => {
    const resized = pod({ containers: [{ name: 'app', image: 'app:1', resources: { requests: { cpu: '2' } } }] });
    expect(findImmutableFieldChanges(deepFreeze(pod({})), deepFreeze(resized)).map((change) => [change.path, change.message])).toEqual([['/spec/containers', SPEC]]);
    expect(messages(pod({}), pod({ ephemeralContainers: [{ name: 'debug', image: 'busybox' }] }))).toEqual([SPEC]);
  });
});
