import type { JsonValue } from '../../json/JsonValue.js';
import { parseJsonPointer } from '../../json/pointer.js';
import { formatKubernetesPath, type PathSegment } from '../../semantic/kubernetesPath.js';

/**
 * A JSON Pointer written as a Kubernetes-style path (`/spec/volumeClaimTemplates` →
 * `spec.volumeClaimTemplates`, `/spec/containers/0/image` → `spec.containers[0].image`), the
 * way `diff` and `explain` show paths. A token is a list index when the first of `documents`
 * that has a value there holds a list.
 *
 * @example
 * ```ts
 * pointerPath('/spec/args/1', { spec: { args: ['a', 'b'] } }); // 'spec.args[1]'
 * ```
 */
export function pointerPath(pointer: string, ...documents: readonly (JsonValue | undefined)[]): string {
  let nodes = documents;
  const segments: PathSegment[] = [];
  for (const token of parseJsonPointer(pointer)) {
    const node = nodes.find((n) => n !== undefined && n !== null && typeof n === 'object');
    const isIndex = Array.isArray(node) && /^(0|[1-9][0-9]*)$/.test(token);
    segments.push(isIndex ? { type: 'index', index: Number(token) } : { type: 'field', name: token });
    nodes = nodes.map((n) => child(n, token));
  }
  return formatKubernetesPath(segments);
}

function child(node: JsonValue | undefined, token: string): JsonValue | undefined {
  if (node === undefined || node === null || typeof node !== 'object') return undefined;
  if (Array.isArray(node)) return /^(0|[1-9][0-9]*)$/.test(token) ? node[Number(token)] : undefined;
  return Object.hasOwn(node, token) ? node[token] : undefined;
}
