import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatChanges, InvalidDocumentError, type SemanticChange } from 'kubepatch';
import { deepFreeze } from '../helpers/deepFreeze.js';

const changes: readonly SemanticChange[] = deepFreeze([
  { path: 'metadata.resourceVersion', pointer: '/metadata/resourceVersion', kind: 'equivalent', equalBecause: 'ignored' },
  { path: 'metadata.annotations["team.example.com/owner"]', pointer: '/metadata/annotations/team.example.com~1owner', kind: 'changed', from: 'search', to: 'payments: core' },
  { path: 'spec.replicas', pointer: '/spec/replicas', kind: 'changed', from: 4, to: 8 },
  { path: 'spec.template.spec.containers[name=app].image', pointer: '/spec/template/spec/containers/0/image', kind: 'changed', from: 'app:1', to: 'app:2' },
  {
    path: 'spec.template.spec.containers[name=app].resources.limits.cpu',
    pointer: '/spec/template/spec/containers/0/resources/limits/cpu',
    kind: 'equivalent',
    from: '1000m',
    to: '1',
    equalBecause: 'quantity',
  },
  {
    path: 'spec.template.spec.containers[name=envoy]',
    pointer: '/spec/template/spec/containers/1',
    kind: 'added',
    to: { name: 'envoy', image: 'envoy:1.30', args: ['--log-level', 'info'], ports: [{ containerPort: 9901, name: 'admin' }], env: [] },
  },
  { path: 'spec.template.spec.containers', pointer: '/spec/template/spec/containers', kind: 'reordered', from: ['app', 'envoy'], to: ['envoy', 'app'] },
  { path: 'spec.strategy.canary.steps[1]', pointer: '/spec/strategy/canary/steps/1', kind: 'removed', from: { pause: { duration: '10m' } } },
  { path: 'spec.strategy.canary.steps[0].setWeight', pointer: '/spec/strategy/canary/steps/0/setWeight', kind: 'changed', from: 20, to: 30 },
  { path: 'spec.paused', pointer: '/spec/paused', kind: 'changed', from: 'yes', to: true },
  { path: 'spec.template.spec.containers[name=app].env[name=MODE]', pointer: '/spec/template/spec/containers/0/env/1', kind: 'duplicate-key' },
]);

const golden = `metadata
  ≈ resourceVersion (ignored)
metadata.annotations
  ~ ["team.example.com/owner"]: search → "payments: core"
spec
  ~ replicas: 4 → 8
  ⇆ template.spec.containers: [app, envoy] → [envoy, app]
  ~ paused: "yes" → true
spec.template.spec.containers[name=app]
  ~ image: app:1 → app:2
  ≈ resources.limits.cpu: 1000m ≡ "1" (quantity)
spec.template.spec.containers
  + [name=envoy]:
      name: envoy
      image: envoy:1.30
      args:
      - "--log-level"
      - info
      ports:
      - containerPort: 9901
        name: admin
      env: []
spec.strategy.canary.steps
  - [1]:
      pause:
        duration: 10m
spec.strategy.canary.steps[0]
  ~ setWeight: 20 → 30
spec.template.spec.containers[name=app].env
  ! [name=MODE]: duplicate key`;

describe('formatChanges', () => {
  it('groups by path with markers and YAML values (golden)', () => {
    expect(formatChanges(changes)).toBe(golden);
  });

  it('hides equivalent changes on request', () => {
    const text = formatChanges(changes, { equivalent: false });
    expect(text).not.toContain('≈');
    expect(text).not.toContain('resourceVersion');
    expect(text.split('\n')).toHaveLength(golden.split('\n').length - 3);
  });

  it('colours each line by kind (golden)', () => {
    const some = changes.filter((c) => ['spec.replicas', 'spec.strategy.canary.steps[1]', 'spec.template.spec.containers', 'metadata.resourceVersion'].includes(c.path));
    expect(formatChanges({ 'Rollout/checkout': some, 'Service/checkout': [] }, { color: true })).toBe(
      [
        '\u001b[1mRollout/checkout\u001b[0m',
        '  metadata',
        '\u001b[2m    ≈ resourceVersion (ignored)\u001b[0m',
        '  spec',
        '\u001b[33m    ~ replicas: 4 → 8\u001b[0m',
        '\u001b[36m    ⇆ template.spec.containers: [app, envoy] → [envoy, app]\u001b[0m',
        '  spec.strategy.canary.steps',
        '\u001b[31m    - [1]:\u001b[0m',
        '\u001b[31m        pause:\u001b[0m',
        '\u001b[31m          duration: 10m\u001b[0m',
        '\u001b[1mService/checkout\u001b[0m',
        '  (no changes)',
      ].join('\n'),
    );
    expect(formatChanges([{ path: 'a.b', pointer: '/a/b', kind: 'added', to: 1 }], { color: true })).toBe('a\n\u001b[32m  + b: 1\u001b[0m');
  });

  it('writes JSON for machines, members in a fixed order', () => {
    const json = formatChanges([{ to: 2, kind: 'changed', from: 1, pointer: '/a', path: 'a' }, changes[0]!], { format: 'json' });
    expect(json).toBe(
      '[\n  {\n    "path": "a",\n    "pointer": "/a",\n    "kind": "changed",\n    "from": 1,\n    "to": 2\n  },\n' +
        '  {\n    "path": "metadata.resourceVersion",\n    "pointer": "/metadata/resourceVersion",\n    "kind": "equivalent",\n    "equalBecause": "ignored"\n  }\n]',
    );
    expect(JSON.parse(formatChanges({ 'Rollout/web': changes }, { format: 'json', equivalent: false }))['Rollout/web']).toHaveLength(changes.length - 2);
    expect(formatChanges([], { format: 'json' })).toBe('[]');
    expect(formatChanges([])).toBe('');
  });

  it('writes values that a YAML parser reads back as the same JSON', () => {
    const values = ['1', '1.0', '1e3', '0x1F', '1_000', '1:30', '2026-11-24', 'true', 'Yes', 'null', '~', '', ' x', 'a: b', 'a #b', '-x', '*x', 'plain', '1000m', 'app:2', 'x→y', 'line\nbreak'];
    for (const value of values) {
      const text = formatChanges([{ path: 'v', pointer: '/v', kind: 'added', to: { k: value, [value]: 1, list: [value] } }]);
      const yaml = text.split('\n').slice(2).map((line) => line.slice(6)).join('\n');
      expect(parse(yaml), JSON.stringify(value)).toEqual({ k: value, [value]: 1, list: [value] });
    }
  });

  it('rejects options of the wrong type', () => {
    expect(() => formatChanges(changes, { color: 'yes' as never })).toThrow(InvalidDocumentError);
    expect(() => formatChanges(changes, { format: 'yaml' as never })).toThrow(/options.format/);
  });
});
