import type { ApplyTypeRef } from '../ApplyType.js';

/**
 * The scalar an OpenAPI primitive is for server-side apply, as kube-openapi's `convertPrimitive`
 * reads it: `integer` and `number` are `numeric`, `boolean` is `boolean`; a `string` with no
 * format or format `byte` ("byte really means []byte and is encoded as a string") is `string`,
 * and with any other format (`int-or-string`, `date-time`, `duration`, …) `untyped`. Returns
 * `undefined` for any other type.
 *
 * @internal
 */
export function applyScalar(type: string, format: unknown): ApplyTypeRef | undefined {
  switch (type) {
    case 'integer':
    case 'number':
      return { kind: 'scalar', scalar: 'numeric' };
    case 'boolean':
      return { kind: 'scalar', scalar: 'boolean' };
    case 'string':
      if (format === undefined || format === '' || format === 'byte') return { kind: 'scalar', scalar: 'string' };
      if (format === 'int-or-string' || format === 'date-time') return { kind: 'scalar', scalar: 'untyped', format };
      return { kind: 'scalar', scalar: 'untyped' };
    default:
      return undefined;
  }
}
