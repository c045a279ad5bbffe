import type { JqNode } from './JqAst.js';
import type { Out } from './evalJq.js';
import { JqCompileError } from './lexJq.js';

const pathReaders = new WeakMap<JqNode, boolean>();

/**
 * gojq evaluates an operator's operands inside `path(f)` as path expressions too, so
 * `path(.a + 0)` is `["a"]`. kubepatch evaluates them as values; where an operand reads a path
 * in a path position, the results would differ, so that is refused as unsupported.
 * @example
 * ```ts
 * refusePathOperands(parseJq('.a'), parseJq('0'), { v: {}, p: { path: [], tracked: {} } }); // throws: unsupported
 * ```
 * @internal
 */
export function refusePathOperands(left: JqNode, right: JqNode | undefined, input: Out): void {
  if (input.p === undefined) return;
  if (readsPaths(left) || (right !== undefined && readsPaths(right))) {
    throw new JqCompileError('an operator whose operand reads a path (.a + 1) in a path position is not supported', 0, 'unsupported');
  }
}

function readsPaths(node: JqNode): boolean {
  const known = pathReaders.get(node);
  if (known !== undefined) return known;
  let reads: boolean;
  switch (node.type) {
    case 'chain':
    case 'recurseDefault':
      reads = true;
      break;
    case 'pipe':
    case 'comma':
    case 'alternative':
      reads = readsPaths(node.left) || readsPaths(node.right);
      break;
    case 'if':
      reads = readsPaths(node.then) || (node.else !== undefined && readsPaths(node.else));
      break;
    case 'try':
      reads = readsPaths(node.body);
      break;
    case 'bind':
      reads = readsPaths(node.body);
      break;
    case 'call':
      reads = node.args.some(readsPaths) || ['getpath', 'first', 'last', 'nth', 'recurse', 'paths'].includes(node.name);
      break;
    default:
      reads = false;
  }
  pathReaders.set(node, reads);
  return reads;
}
