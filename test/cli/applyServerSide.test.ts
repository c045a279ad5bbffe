import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FieldSet, formatFieldPath } from 'kubepatch';
import { cli, expectOneLineError } from './runInProcess.js';

const F = 'test/cli/fixtures';
const LIVE = `${F}/apply-server-side.live.yaml`;
const CONFIG = `${F}/apply-server-side.config.yaml`;
const CRD = `${F}/apply-server-side.crd.yaml`;
const NONE = `${F}/apply-server-side.none.yaml`;

const deployment = (spec: object, metadata: object = {}) => JSON.stringify({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop', ...metadata }, spec });
const containerNames = (object: any) => object.spec.template.spec.containers.map((c: any) => c.name);
const owned = (object: any, manager: string, subresource?: string) => {
  const entry = object.metadata.managedFields.find((e: any) => e.manager === manager && e.subresource === subresource);
  return entry === undefined ? [] : [...FieldSet.fromFieldsV1(entry.fieldsV1).leaves().paths()].map(formatFieldPath);
};

describe('kubepatch apply --server-side --manager NAME LIVE CONFIG', () => {
  it('prints the stored object as YAML: fields the manager no longer applies are gone, its managedFields entry follows', async () => {
    const result = await cli(['apply', '--server-side', '--manager', 'alpha', LIVE, CONFIG]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const object = parse(result.stdout);
    expect(object.metadata.labels).toEqual({ app: 'web', team: 'beta' }); // tier goes, beta's team stays
    expect(containerNames(object)).toEqual(['app']);
    expect(object.spec.template.spec.containers[0].image).toBe('app:2');
    expect(object.spec.template.spec.containers[0].imagePullPolicy).toBe('IfNotPresent'); // kept as stored
    expect(owned(object, 'alpha')).not.toContain('.metadata.labels.tier');
    expect(owned(object, 'beta')).toEqual(['.metadata.labels.team']);
    expect(object.metadata.resourceVersion).toBe('207');
  });

  it('-o json, and CONFIG from standard input', async () => {
    const result = await cli(['apply', '--server-side', '--manager', 'beta', '-o', 'json', LIVE, '-'], { stdin: deployment({}, { labels: { team: 'gamma' } }) });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).metadata.labels).toEqual({ app: 'web', team: 'gamma', tier: 'frontend' });
  });

  it("on conflicts prints the server's message on standard error and exits 1; --force-conflicts takes the fields", async () => {
    const stdin = deployment({ replicas: 5 });
    expect(await cli(['apply', '--server-side', '--manager', 'beta', LIVE, '-'], { stdin })).toEqual({
      code: 1,
      stdout: '',
      stderr: 'kubepatch apply: Apply failed with 1 conflict: conflict with "alpha": .spec.replicas\n',
    });
    const two = await cli(['apply', '--server-side', '--manager', 'beta', LIVE, '-'], { stdin: deployment({ replicas: 5, template: { spec: { containers: [{ name: 'app', image: 'x' }] } } }) });
    expect(two.code).toBe(1);
    expect(two.stderr).toBe('kubepatch apply: Apply failed with 2 conflicts: conflicts with "alpha":\n- .spec.replicas\n- .spec.template.spec.containers[name="app"].image\n');
    const forced = await cli(['apply', '--server-side', '--manager', 'beta', '--force-conflicts', LIVE, '-'], { stdin });
    expect(forced.code).toBe(0);
    const object = parse(forced.stdout);
    expect(object.spec.replicas).toBe(5);
    expect(owned(object, 'beta')).toContain('.spec.replicas');
    expect(owned(object, 'alpha')).not.toContain('.spec.replicas');
  });

  it('creates the object when LIVE holds none (an empty file or empty standard input)', async () => {
    const result = await cli(['apply', '--server-side', '--manager', 'alpha', '-', CONFIG], { stdin: '' });
    expect(result.code).toBe(0);
    expect(parse((await cli(['apply', '--server-side', '--manager', 'alpha', NONE, CONFIG])).stdout).spec).toEqual(parse(result.stdout).spec);
    const object = parse(result.stdout);
    expect(object.metadata.managedFields).toEqual([expect.objectContaining({ manager: 'alpha', operation: 'Apply', apiVersion: 'apps/v1' })]);
    expect(object.spec.replicas).toBe(3);
    expect(object.spec.strategy.type).toBe('RollingUpdate'); // the server's defaults
  });

  it('--subresource status applies the status alone', async () => {
    const stdin = JSON.stringify({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop' }, status: { replicas: 3 }, spec: { replicas: 9 } });
    const result = await cli(['apply', '--server-side', '--manager', 'controller', '--subresource', 'status', LIVE, '-'], { stdin });
    expect(result.code).toBe(0);
    const object = parse(result.stdout);
    expect(object.status).toEqual({ replicas: 3 });
    expect(object.spec.replicas).toBe(3); // a status write leaves the spec alone
    expect(owned(object, 'controller', 'status')).toEqual(['.status.replicas']);
  });

  it('--crd FILE gives the schema of a custom kind; without it the error asks for it', async () => {
    const widget = (parts: object[]) => JSON.stringify({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', namespace: 'shop' }, spec: { parts } });
    const created = await cli(['apply', '--server-side', '--manager', 'a', '--crd', CRD, '-o', 'json', NONE, '-'], { stdin: widget([{ name: 'x', weight: 1 }]) });
    expect(created.code).toBe(0);
    const live = created.stdout;
    const result = await cli(['apply', '--server-side', '--manager', 'b', `--crd=${CRD}`, '-o', 'json', '-', `${F}/apply-server-side.widget.yaml`], { stdin: live });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout).spec.parts).toEqual([{ name: 'x', weight: 1 }, { name: 'bolt', weight: 2 }]); // merged by key
    expectOneLineError(await cli(['apply', '--server-side', '--manager', 'a', NONE, '-'], { stdin: widget([]) }), /no apply schema for example\.com\/v1 Widget.*CustomResourceDefinition/);
    expectOneLineError(await cli(['apply', '--server-side', '--manager', 'a', '--crd', CONFIG, NONE, '-'], { stdin: widget([]) }), /apply-server-side\.config\.yaml: --crd expects CustomResourceDefinitions, found none/);
  });

  it('refuses what cannot be applied, in one line with exit 2', async () => {
    expectOneLineError(await cli(['apply', '--server-side', LIVE, CONFIG]), /--server-side needs --manager NAME/);
    expectOneLineError(await cli(['apply', '--manager', 'alpha', LIVE, CONFIG]), /^kubepatch apply: --manager goes with --server-side/);
    expectOneLineError(await cli(['apply', '--force-conflicts', LIVE, CONFIG]), /--force-conflicts goes with --server-side/);
    expectOneLineError(await cli(['apply', '--server-side', '--manager', 'a', '--type', 'merge', LIVE, CONFIG]), /unknown option --type/);
    expectOneLineError(await cli(['apply', '--server-side', '--manager', 'a', '-', '-']), /LIVE and CONFIG cannot both be standard input/);
    expectOneLineError(await cli(['apply', '--server-side', '--manager', 'a', LIVE, '-'], { stdin: deployment({}, { name: 'api' }) }), /Deployment shop\/api is not the object of .*apply-server-side\.live\.yaml \(document 1\) \(Deployment shop\/web\)/);
    expectOneLineError(await cli(['apply', '--server-side', '--manager', 'a', LIVE, '-'], { stdin: deployment({ replicas: 'many' }) }), /<stdin> \(document 1\) Deployment shop\/web/);
    expectOneLineError(await cli(['apply', '--server-side', '--manager', 'a', LIVE, '-'], { stdin: '' }), /<stdin>: expected one object, found 0/);
  });

  it('--help: its own, and the plain apply help points to it', async () => {
    const own = await cli(['apply', '--server-side', '--help']);
    expect(own.code).toBe(0);
    expect(own.stdout).toContain('Usage: kubepatch apply --server-side --manager NAME [options] LIVE CONFIG');
    for (const option of ['--manager NAME', '--force-conflicts', '--subresource status', '--crd FILE', '-o, --output', '--no-color', '-h, --help', 'Example:']) expect(own.stdout).toContain(option);
    expect((await cli(['apply', '--help'])).stdout).toContain('--server-side');
  });
});
