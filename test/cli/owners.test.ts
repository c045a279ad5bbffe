import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cli, expectOneLineError } from './runInProcess.js';

// A Deployment the real API server wrote (test/e2e/apply/fieldOwners.test.ts), then a ConfigMap.
const FILE = 'test/cli/fixtures/owners.yaml';
const configMap = (managedFields: unknown) => JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', namespace: 'shop', managedFields }, data: { a: '1' } });
const entry = { manager: 'm', operation: 'Apply', apiVersion: 'v1', fieldsType: 'FieldsV1', fieldsV1: { 'f:data': { 'f:a': {} } } };

describe('kubepatch owners FILE: a FIELD OWNERS table per object', () => {
  it('one row per leaf field with every owner, co-owners included; one table per object under # Kind namespace/name', async () => {
    const result = await cli(['owners', FILE]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const [deployment, configMapTable] = result.stdout.split('\n\n');
    const lines = deployment!.split('\n');
    expect(lines[0]).toBe('# Deployment shop/web');
    expect(lines[1]).toMatch(/^FIELD {2,}OWNERS$/);
    const column = lines[1]!.indexOf('OWNERS');
    expect(lines.slice(1).every((line) => line.length > column && line[column - 1] === ' ' && line[column] !== ' ')).toBe(true);
    const row = (field: string) => lines.find((line) => line.startsWith(`${field} `))?.slice(column);
    expect(row('.spec.replicas')).toBe('alpha (Apply), beta (Apply), kubectl-create (Update apps/v1)');
    expect(row('.spec.template.spec.containers[name="app"].image')).toBe('alpha (Apply), beta (Apply), kubectl-create (Update apps/v1)');
    expect(row('.metadata.labels.team')).toBe('alpha (Apply)');
    expect(row('.metadata.annotations.note')).toBe('kubectl-edit (Update apps/v1)');
    expect(row('.status.observedGeneration')).toBe('status-writer (Update apps/v1, status)');
    expect(row('.metadata.labels')).toBeUndefined(); // a prefix: only with --all
    expect(row('.spec.template.spec.containers[name="app"]')).toBeUndefined();
    expect(configMapTable).toBe(
      [
        '# ConfigMap shop/settings',
        'FIELD                                      OWNERS',
        '.data.level                                kubectl-edit (Update v1)',
        '.data.mode                                 deployer (Apply), kubectl-edit (Update v1)',
        '.metadata.finalizers[="example.com/keep"]  deployer (Apply)',
        '',
      ].join('\n'),
    );
  });

  it('--all adds the fields that have owned fields under them, in the server order', async () => {
    const result = await cli(['owners', '--all', FILE]);
    expect(result.code).toBe(0);
    const fields = result.stdout.split('\n').map((line) => line.split(' ')[0]);
    expect(fields).toContain('.metadata.labels');
    expect(fields).toContain('.spec.template.spec.containers[name="app"]');
    expect(fields.indexOf('.data')).toBeLessThan(fields.indexOf('.data.level'));
  });

  it('--manager NAME: only the fields of that manager, with it alone as owner', async () => {
    const result = await cli(['owners', '--manager', 'kubectl-edit', FILE]);
    expect(result).toEqual({
      code: 0,
      stdout: [
        '# Deployment shop/web',
        'FIELD                       OWNERS',
        '.metadata.annotations.note  kubectl-edit (Update apps/v1)',
        '',
        '# ConfigMap shop/settings',
        'FIELD        OWNERS',
        '.data.level  kubectl-edit (Update v1)',
        '.data.mode   kubectl-edit (Update v1)',
        '',
      ].join('\n'),
      stderr: '',
    });
    const none = await cli(['owners', '--manager', 'alpha', FILE]);
    expect(none.stdout).toContain('# ConfigMap shop/settings\nNo field is owned by "alpha".\n');
  });

  it('-o json: per object { object, source, fields }, each field a FieldOwnership', async () => {
    const result = await cli(['owners', '-o', 'json', '--manager', 'deployer', FILE]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([
      { object: 'Deployment shop/web', source: `${FILE} (document 1)`, fields: [] },
      {
        object: 'ConfigMap shop/settings',
        source: `${FILE} (document 2)`,
        fields: [
          {
            path: [{ kind: 'field', name: 'data' }, { kind: 'field', name: 'mode' }],
            serverPath: '.data.mode',
            pointer: '/data/mode',
            owners: [{ manager: 'deployer', operation: 'Apply', apiVersion: 'v1', time: '2026-12-07T11:03:07Z' }],
          },
          {
            path: [{ kind: 'field', name: 'metadata' }, { kind: 'field', name: 'finalizers' }, { kind: 'value', value: 'example.com/keep' }],
            serverPath: '.metadata.finalizers[="example.com/keep"]',
            pointer: '/metadata/finalizers/0',
            owners: [{ manager: 'deployer', operation: 'Apply', apiVersion: 'v1', time: '2026-12-07T11:03:07Z' }],
          },
        ],
      },
    ]);
    const yaml = await cli(['owners', '--output', 'yaml', '--manager', 'deployer', FILE]);
    expect(parse(yaml.stdout, { version: '1.2' })).toEqual(JSON.parse(result.stdout));
    const all = JSON.parse((await cli(['owners', '-o', 'json', '--all', FILE])).stdout) as { fields: unknown[] }[];
    const leaves = JSON.parse((await cli(['owners', '-o', 'json', FILE])).stdout) as { fields: unknown[] }[];
    expect(all[0]!.fields.length).toBeGreaterThan(leaves[0]!.fields.length);
  });

  it('an object without managedFields says how to get them', async () => {
    const result = await cli(['owners', '-'], { stdin: configMap(undefined) });
    expect(result).toEqual({
      code: 0,
      stdout: '# ConfigMap shop/cm\nNo managedFields: read the object from the API server with them (kubectl get -o yaml --show-managed-fields).\n',
      stderr: '',
    });
  });

  it('prints the same with --no-color on a terminal, and lists its options in --help', async () => {
    expect(await cli(['owners', '--no-color', FILE], { isTTY: true })).toEqual(await cli(['owners', FILE]));
    const help = await cli(['owners', '--help']);
    expect(help.code).toBe(0);
    for (const option of ['--all', '--manager NAME', '-o, --output', '--no-color', '-h, --help', 'Example:']) expect(help.stdout).toContain(option);
    expect((await cli(['--help'])).stdout).toMatch(/^ {2}owners +who owns each field/m);
  });
});

describe('kubepatch owners: trouble is one line and exit 2', () => {
  it('a managedFields entry the API server cannot decode', async () => {
    expectOneLineError(
      await cli(['owners', '-'], { stdin: configMap([entry, { ...entry, operation: 'Patch' }]) }),
      /^kubepatch owners: <stdin> \(document 1\) ConfigMap shop\/cm: object: the managedFields entry at \/metadata\/managedFields\/1: operation must be `Apply` or `Update` \(it is "Patch"\)\n$/,
    );
    expectOneLineError(
      await cli(['owners', '-'], { stdin: configMap([{ ...entry, fieldsType: undefined }]) }),
      /ConfigMap shop\/cm: .*missing fieldsType in managed fields entry 0\n$/,
    );
    expectOneLineError(
      await cli(['owners', '-'], { stdin: configMap([{ ...entry, fieldsV1: { 'f:data': { 'f:a': 1 } } }]) }),
      /ConfigMap shop\/cm at \/metadata\/managedFields\/0\/fieldsV1\/f:data\/f:a: /,
    );
  });

  it('no FILE, two FILEs, an unknown option, a bad --output', async () => {
    expectOneLineError(await cli(['owners']), /^kubepatch owners: expected 1 arguments \(FILE\), got 0/);
    expectOneLineError(await cli(['owners', FILE, FILE]), /expected 1 arguments \(FILE\), got 2/);
    expectOneLineError(await cli(['owners', '--leaves', FILE]), /^kubepatch owners: unknown option --leaves \(the options are --all, --manager, -o\/--output, -h\/--help, --no-color;/);
    expectOneLineError(await cli(['owners', '-o', 'table', FILE]), /--output must be one of text, json, yaml, not "table"/);
    expectOneLineError(await cli(['owners', 'test/cli/fixtures/missing.yaml']), /missing\.yaml: no such file or directory/);
  });
});
