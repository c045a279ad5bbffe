// semanticDiff on v1 Secrets: `data`/`stringData` values are masked in every output the way
// `kubectl diff` masks them: equal values stay equal, changed ones visibly change.
import { describe, expect, it } from 'vitest';
import { frozenCopy } from '../helpers/deepFreeze.js';
import { SECRET_MASK, semanticDiff } from 'kubepatch';

const secret = (data: Record<string, string> | undefined, extra: object = {}) =>
  frozenCopy({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, type: 'Opaque', ...(data && { data }), ...extra });

describe('Secret masking', () => {
  it('masks a changed, an added and a removed value, and reports nothing for an equal one', () => {
    const changes = semanticDiff(
      secret({ same: 'c2FtZQ==', changed: 'b2xk', gone: 'Z29uZQ==' }),
      secret({ same: 'c2FtZQ==', changed: 'bmV3', added: 'YWRkZWQ=' }),
    );
    expect(changes).toEqual([
      { path: 'data.changed', pointer: '/data/changed', kind: 'changed', from: SECRET_MASK.before, to: SECRET_MASK.after },
      { path: 'data.added', pointer: '/data/added', kind: 'added', to: '***' },
      { path: 'data.gone', pointer: '/data/gone', kind: 'removed', from: '***' },
    ]);
  });

  it('masks every value of a data map added whole, and stringData', () => {
    const added = secret(undefined, { stringData: { password: 'hunter2' }, data: { token: 'dG9r' } });
    const unfolded = semanticDiff(secret(undefined), added, { normalize: { stringData: false } });
    expect(unfolded).toEqual([
      { path: 'stringData', pointer: '/stringData', kind: 'added', to: { password: '***' } },
      { path: 'data', pointer: '/data', kind: 'added', to: { token: '***' } },
    ]);
    // Folded into `data` as the server stores it, then told per key in the manifest's words.
    const folded = semanticDiff(secret(undefined), added);
    expect(folded).toEqual([
      { path: 'data.token', pointer: '/data/token', kind: 'added', to: '***' },
      { path: 'stringData.password', pointer: '/stringData/password', kind: 'added', to: '***' },
    ]);
    expect(JSON.stringify([unfolded, folded])).not.toMatch(/hunter2|aHVudGVyMg|dG9r/);
  });

  it('masks the last-applied annotation, which holds the data in clear, when it is compared', () => {
    const withApplied = (value: string) => secret({ k: 'dg==' }, { metadata: { name: 's', annotations: { 'kubectl.kubernetes.io/last-applied-configuration': value } } });
    const changes = semanticDiff(withApplied('{"data":{"k":"b2xk"}}'), withApplied('{"data":{"k":"dg=="}}'), { normalize: { ignoredFields: false } });
    expect(changes).toEqual([expect.objectContaining({ kind: 'changed', from: SECRET_MASK.before, to: SECRET_MASK.after })]);
  });

  it('leaves other kinds alone', () => {
    const configMap = (value: string) => frozenCopy({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { k: value } });
    expect(semanticDiff(configMap('a'), configMap('b'))).toEqual([expect.objectContaining({ from: 'a', to: 'b' })]);
  });
});
