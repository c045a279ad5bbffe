// What the faster walk must keep: the documents are no longer copied up front, so reported values
// must still be copies; ignore rules are matched step by step, so patterns with `**`, indexes and
// keys, and pointers on either side of a moved, added or removed element must match as before.
import { describe, expect, it } from 'vitest';
import { semanticDiff, type SemanticChange } from 'kubepatch';
import { frozenCopy } from '../helpers/deepFreeze.js';

const pod = (containers: unknown[]) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers } });
const summary = (changes: readonly SemanticChange[]) => changes.map((c) => `${c.kind} ${c.path} ${c.pointer}${c.equalBecause ? ` ${c.equalBecause}` : ''}`);

describe('semanticDiff walk', () => {
  it('hands out copies of the values it reports, also where no default was filled in', () => {
    const added = { name: 'b', image: 'b:1@sha256:0', ports: [{ containerPort: 80, protocol: 'TCP' }] };
    const args = ['--a', '--b'];
    const a = pod([{ name: 'a', image: 'a:1', args: ['--a'] }]);
    const b = pod([{ name: 'a', image: 'a:1', args }, added]);
    const changes = semanticDiff(frozenCopy(a), b, { normalize: { defaults: false } });
    expect(summary(changes)).toEqual(['changed spec.containers[name=a].args /spec/containers/0/args', 'added spec.containers[name=b] /spec/containers/1']);
    expect(changes[0]!.to).toEqual(args);
    expect(changes[0]!.to).not.toBe(args);
    expect(changes[1]!.to).toEqual(added);
    expect(changes[1]!.to).not.toBe(added);
    expect((changes[1]!.to as typeof added).ports[0]).not.toBe(added.ports[0]);
  });

  it('matches path patterns with **, positions and keys at every depth', () => {
    const a = pod([{ name: 'a', image: 'a:1', env: [{ name: 'X', value: '1' }] }, { name: 'b', image: 'b:1' }]);
    const b = pod([{ name: 'a', image: 'a:2', env: [{ name: 'X', value: '2' }] }, { name: 'b', image: 'b:2' }]);
    const ignored = (ignore: string[]) => summary(semanticDiff(frozenCopy(a), frozenCopy(b), { ignore }).filter((c) => c.equalBecause === 'ignored'));
    expect(ignored(['**.value'])).toEqual(['equivalent spec.containers[name=a].env[name=X].value /spec/containers/0/env/0/value ignored']);
    expect(ignored(['spec.**.image'])).toHaveLength(2);
    expect(ignored(['spec.containers[1].image'])).toEqual(['equivalent spec.containers[name=b].image /spec/containers/1/image ignored']);
    expect(ignored(['spec.containers[name=a]'])).toEqual(['equivalent spec.containers[name=a] /spec/containers/0 ignored']);
    expect(ignored(['**.env[*].**'])).toEqual(['equivalent spec.containers[name=a].env[name=X] /spec/containers/0/env/0 ignored']);
    expect(ignored(['*.containers.*.image'])).toHaveLength(2);
    expect(ignored(['*.image'])).toEqual([]);
  });

  it('matches a JSON Pointer on the old side for a removed element and on the new side for a moved one', () => {
    const a = pod([{ name: 'a', image: 'a:1' }, { name: 'b', image: 'b:1' }, { name: 'c', image: 'c:1' }]);
    const b = pod([{ name: 'b', image: 'b:2' }, { name: 'a', image: 'a:1' }]);
    const changes = (ignore: string[]) => summary(semanticDiff(frozenCopy(a), frozenCopy(b), { ignore }));
    // (An ignored entry carries no values, so its pointer is the new side's: the list, for a removed element.)
    expect(changes(['/spec/containers/2'])).toEqual([
      'reordered spec.containers /spec/containers',
      'changed spec.containers[name=b].image /spec/containers/0/image',
      'equivalent spec.containers[name=c] /spec/containers ignored',
    ]);
    // Old position 1 or new position 0: either side's pointer matches.
    expect(changes(['/spec/containers/1/image'])).toContain('equivalent spec.containers[name=b].image /spec/containers/0/image ignored');
    expect(changes(['/spec/containers/0/image'])).toContain('equivalent spec.containers[name=b].image /spec/containers/0/image ignored');
  });
});
