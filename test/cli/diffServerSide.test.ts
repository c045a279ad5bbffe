import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cli, expectOneLineError } from './runInProcess.js';

const F = 'test/cli/fixtures';
// A Deployment stored after applies by alpha (replicas, labels app and tier, containers app and side) and beta (label team).
const LIVE = `${F}/apply-server-side.live.yaml`;
// alpha's next configuration: no tier label, no side container, image app:2.
const CONFIG = `${F}/apply-server-side.config.yaml`;
const CRD = `${F}/apply-server-side.crd.yaml`;
const NONE = `${F}/apply-server-side.none.yaml`;

const deployment = (spec: object, metadata: object = {}) => JSON.stringify({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop', ...metadata }, spec });
// alpha's configuration as live holds it: applying it changes nothing.
const IN_SYNC = deployment(
  {
    replicas: 3,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'app:1' }, { name: 'side', image: 'side:1' }] } },
  },
  { labels: { app: 'web', tier: 'frontend' } },
);

describe('kubepatch diff --server-side --manager NAME LIVE DESIRED', () => {
  it("prints how the apply's result differs from live, the manager's dropped fields removed; exit 1", async () => {
    const result = await cli(['diff', '--server-side', '--manager', 'alpha', LIVE, CONFIG]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Deployment shop/web');
    expect(result.stdout).toContain('- labels.tier: frontend');
    expect(result.stdout).toContain('~ image: app:1 → app:2');
    expect(result.stdout).toContain('- [name=side]:');
  });

  it('exit 0 and nothing printed when the apply would change nothing', async () => {
    expect(await cli(['diff', '--server-side', '--manager', 'alpha', LIVE, '-'], { stdin: IN_SYNC })).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('forces, as Argo CD does: the fields taken from other managers go to standard error; -o json gives changes and conflicts', async () => {
    const stdin = deployment({ replicas: 5 });
    const text = await cli(['diff', '--server-side', '--manager', 'argocd-controller', LIVE, '-'], { stdin });
    expect(text.code).toBe(1);
    expect(text.stderr).toBe('kubepatch diff: Deployment shop/web: takes .spec.replicas from "alpha" (Apply)\n');
    expect(text.stdout).toContain('~ replicas: 3 → 5');
    const json = await cli(['diff', '--server-side', '--manager', 'argocd-controller', '-o', 'json', LIVE, '-'], { stdin });
    expect(json.code).toBe(1);
    const outcome = JSON.parse(json.stdout)['Deployment shop/web'];
    expect(outcome.changes).toEqual([{ path: 'spec.replicas', pointer: '/spec/replicas', kind: 'changed', from: 3, to: 5 }]);
    expect(outcome.conflicts).toEqual([expect.objectContaining({ manager: 'alpha', operation: 'Apply', serverPath: '.spec.replicas' })]);
    const yaml = await cli(['diff', '--server-side', '--manager', 'argocd-controller', '-o', 'yaml', '--equivalent', LIVE, '-'], { stdin });
    expect(parse(yaml.stdout)['Deployment shop/web'].changes.map((c: { kind: string }) => c.kind)).toContain('equivalent'); // managedFields, ignored
  });

  it('an object only in DESIRED is created (the whole object added); an empty LIVE is fine', async () => {
    const result = await cli(['diff', '--server-side', '--manager', 'argocd-controller', '-o', 'json', NONE, CONFIG]);
    expect(result.code).toBe(1);
    const [added] = JSON.parse(result.stdout)['Deployment shop/web'].changes;
    expect(added).toMatchObject({ path: '(object)', kind: 'added' });
    expect(added.to.metadata.managedFields).toEqual([expect.objectContaining({ manager: 'argocd-controller', operation: 'Apply' })]);
  });

  it('--crd FILE gives the schema of a custom kind', async () => {
    const widget = (parts: object[]) => JSON.stringify({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', namespace: 'shop' }, spec: { parts } });
    const live = (await cli(['apply', '--server-side', '--manager', 'a', '--crd', CRD, '-o', 'json', NONE, '-'], { stdin: widget([{ name: 'x', weight: 1 }]) })).stdout;
    const result = await cli(['diff', '--server-side', '--manager', 'b', `--crd=${CRD}`, '-', `${F}/apply-server-side.widget.yaml`], { stdin: live });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('+ [name=bolt]:');
    expectOneLineError(await cli(['diff', '--server-side', '--manager', 'b', '-', `${F}/apply-server-side.widget.yaml`], { stdin: live }), /no apply schema for example\.com\/v1 Widget/);
  });

  it('refuses what it cannot do, in one line with exit 2', async () => {
    expectOneLineError(await cli(['diff', '--server-side', LIVE, CONFIG]), /--server-side needs --manager NAME/);
    expectOneLineError(await cli(['diff', '--server-side', '--manager', 'a', '-', '-']), /LIVE and DESIRED cannot both be standard input/);
    expectOneLineError(await cli(['diff', '--server-side', '--manager', 'a', '--ignore', '/spec', LIVE, CONFIG]), /unknown option --ignore/);
    expectOneLineError(await cli(['diff', '--server-side', '--manager', 'a', '--crd', CONFIG, LIVE, CONFIG]), /--crd expects CustomResourceDefinitions, found none/);
    expectOneLineError(await cli(['diff', '--server-side', '--manager', 'a', LIVE, '-'], { stdin: deployment({ replicas: 'many' }) }), /<stdin> \(document 1\) Deployment shop\/web/);
  });

  it('--help: its own; plain diff is unchanged', async () => {
    const own = await cli(['diff', '--server-side', '--help']);
    expect(own.code).toBe(0);
    expect(own.stdout).toContain('Usage: kubepatch diff --server-side --manager NAME [options] LIVE DESIRED');
    for (const option of ['--manager NAME', '--crd FILE', '-o, --output', '--equivalent', '--no-color', '-h, --help', 'Example:']) expect(own.stdout).toContain(option);
    expect((await cli(['diff', LIVE, CONFIG])).code).toBe(1);
  });
});
