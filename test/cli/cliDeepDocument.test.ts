import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, expectOneLineError } from './runInProcess.js';

const dir = mkdtempSync(join(tmpdir(), 'kubepatch-deep-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a document nested too deeply', () => {
  it('is one short line naming the pointer once, by its ends (the error keeps the whole one)', async () => {
    // Just past the limit of 1000 levels, well within what the YAML reader handles.
    let spec: unknown = 'leaf';
    for (let i = 0; i < 1_005; i++) spec = { a: spec };
    const configMap = (value: unknown) => JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'deep' }, spec: value });
    writeFileSync(join(dir, 'old.json'), configMap({}));
    writeFileSync(join(dir, 'new.json'), configMap(spec));
    const result = await cli(['diff', join(dir, 'old.json'), join(dir, 'new.json')]);
    expectOneLineError(result, /new\.json \(document 1\) ConfigMap deep: .*nests deeper than the limit of 1000 levels/);
    expect(result.stderr.length).toBeLessThan(300);
    expect(result.stderr.match(/\/spec\/a\/a\/a\/…\/a\/a\/a \(1000 tokens\)/g)).toHaveLength(1);
  });
});
