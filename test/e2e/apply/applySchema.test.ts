// Against the real API server: the apply schemas read from its OpenAPI v3 (GET /openapi/v3/apis/apps/v1)
// by kube-openapi's rules agree with the built-in apply table generated from client-go's schema.
import { describe, expect, it } from 'vitest';
import { ApplySchema } from '../../../src/apply/schema/ApplySchema.ts';
import { applySchemaFromOpenAPI } from '../../../src/apply/schema/applySchemaFromOpenAPI.ts';
import { builtinApplySchemaFor } from '../../../src/apply/schema/builtinApplyTable.ts';
import { skipReason } from '../helpers/envtest.js';
import { serverRequest } from '../helpers/serverRequest.js';

/** Every struct, list and map below `schema`, as `path → shape`, visiting each struct once. */
function shapes(schema: ApplySchema, path = '', seen = new Set<string>(), out = new Map<string, string>()): Map<string, string> {
  const type = schema.type;
  if (type.kind === 'struct') {
    if (seen.has(type.ref)) return out;
    seen.add(type.ref);
    out.set(path || '.', `struct ${schema.mapType} {${schema.fieldNames().join(' ')}}`);
    for (const name of schema.fieldNames()) shapes(schema.field(name)!, `${path}.${name}`, seen, out);
  } else if (type.kind === 'list') {
    out.set(path, `list ${type.listType}${type.keys ? ' ' + type.keys.join(',') : ''}`);
    shapes(schema.items()!, `${path}[]`, seen, out);
  } else if (type.kind === 'map') {
    out.set(path, `map ${type.mapType}`);
    shapes(schema.field('*')!, `${path}{}`, seen, out);
  } else {
    out.set(path, type.kind === 'scalar' ? `scalar ${type.scalar}` : type.kind);
  }
  return out;
}

describe.skipIf(skipReason)('apply schemas from the real API server OpenAPI v3', () => {
  it.each(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'])('apps/v1 %s: every field, scalar, list type, key and map type agrees with the built-in table', async (kind) => {
    const answer = await serverRequest('GET', '/openapi/v3/apis/apps/v1');
    expect(answer.statusCode).toBe(200);
    const fromServer = applySchemaFromOpenAPI(answer.body, `io.k8s.api.apps.v1.${kind}`);
    const builtin = builtinApplySchemaFor('apps/v1', kind)!;
    const expected = shapes(builtin);
    const actual = shapes(fromServer);
    expect(expected.size).toBeGreaterThan(100);
    expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
    const containers = fromServer.field('spec')!.field('template')!.field('spec')!.field('containers')!;
    expect([containers.listType, containers.keys, containers.items()!.field('ports')!.keys]).toEqual(['map', ['name'], ['containerPort', 'protocol']]);
  });
});
