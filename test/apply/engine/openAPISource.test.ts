import { describe, expect, it } from 'vitest';
import { FieldSet, formatFieldPath, schemaFromOpenAPI, serverSideApply, type JsonObject } from 'kubepatch';
import { deepFreeze } from '../../helpers/deepFreeze.js';
import { thrownKubepatchError } from '../../helpers/thrownKubepatchError.js';

// A kind known only from an OpenAPI v3 document, as an aggregated API serves it.
const document = deepFreeze({
  openapi: '3.0.0',
  components: {
    schemas: {
      'com.example.v1.Widget': {
        type: 'object',
        'x-kubernetes-group-version-kind': [{ group: 'example.com', version: 'v1', kind: 'Widget' }],
        properties: {
          apiVersion: { type: 'string' },
          kind: { type: 'string' },
          metadata: { $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' },
          spec: {
            type: 'object',
            properties: {
              size: { type: 'string', default: 'small' },
              parts: {
                type: 'array',
                'x-kubernetes-list-type': 'map',
                'x-kubernetes-list-map-keys': ['name'],
                items: { type: 'object', properties: { name: { type: 'string' }, count: { type: 'integer' } } },
              },
            },
          },
        },
      },
      'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta': {
        type: 'object',
        properties: { name: { type: 'string' }, namespace: { type: 'string' }, labels: { type: 'object', additionalProperties: { type: 'string' } },
          managedFields: { type: 'array', items: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true }, 'x-kubernetes-list-type': 'atomic' },
        },
      },
    },
  },
});

const widget = (parts: JsonObject[]): JsonObject => deepFreeze({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { parts } });

describe('serverSideApply with an OpenAPI v3 document', () => {
  it('merges the kind by its list keys and fills its defaults', () => {
    const now = new Date('2026-12-07T10:00:00Z');
    const first = serverSideApply(null, widget([{ name: 'a', count: 1 }]), { manager: 'one', openAPI: document, now });
    const second = serverSideApply(first.object, widget([{ name: 'b', count: 2 }]), { manager: 'two', openAPI: document, now });
    expect((second.object.spec as JsonObject).parts).toEqual([{ name: 'a', count: 1 }, { name: 'b', count: 2 }]);
    expect((second.object.spec as JsonObject).size).toBe('small');
    const two = second.managedFields.find((entry) => entry.manager === 'two')!;
    expect([...FieldSet.fromFieldsV1(two.fieldsV1).paths()].map(formatFieldPath)).toEqual(['.spec.parts[name="b"]', '.spec.parts[name="b"].count', '.spec.parts[name="b"].name']);
  });

  it('takes the same kind as one schema object: schemaFromOpenAPI gives what `openAPI` gives', () => {
    const now = new Date('2026-12-07T10:00:00Z');
    const schema = schemaFromOpenAPI(document, 'com.example.v1.Widget');
    for (const options of [{ openAPI: document }, { schema }]) {
      const first = serverSideApply(null, widget([{ name: 'a', count: 1 }]), { manager: 'one', now, ...options });
      const second = serverSideApply(first.object, widget([{ name: 'b', count: 2 }]), { manager: 'two', now, ...options });
      expect(second.object.spec).toEqual({ parts: [{ name: 'a', count: 1 }, { name: 'b', count: 2 }], size: 'small' });
      expect(second.managedFields.map((entry) => [entry.manager, [...FieldSet.fromFieldsV1(entry.fieldsV1).paths()].map(formatFieldPath)])).toEqual([
        ['one', ['.spec.parts[name="a"]', '.spec.parts[name="a"].count', '.spec.parts[name="a"].name']],
        ['two', ['.spec.parts[name="b"]', '.spec.parts[name="b"].count', '.spec.parts[name="b"].name']],
      ]);
    }
  });

  it('says where to find a schema when none is given', () => {
    const error = thrownKubepatchError('INVALID_SCHEMA', () => serverSideApply(null, widget([]), { manager: 'one' }));
    expect(error.message).toContain('`openAPI`');
  });
});
