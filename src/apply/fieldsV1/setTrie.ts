import { comparePathElements } from './compareGoValues.js';
import type { FieldPath, PathElement } from './PathElement.js';
import type { SetEntry, SetNode } from './setNode.js';

// The two walks of a FieldSet's trie that are not set algebra: building one from paths in any
// order, and reading its paths back in structured-merge-diff's order.

/** A mutable trie node of `FieldSet.fromPaths`, sorted once when built. @internal */
export class Builder {
  readonly children = new Map<string, Builder>();
  member = false;
  constructor(
    readonly element?: PathElement,
    readonly key = '',
  ) {}

  build(): SetEntry[] {
    const entries = Array.from(this.children.values(), (child) => {
      const children = child.build();
      return { element: child.element!, key: child.key, member: child.member, children: children.length > 0 ? children : undefined };
    });
    return entries.sort((a, b) => comparePathElements(a.element, b.element));
  }
}

/** Preorder as `Set.Iterate`: a node's member entries first, then each child subtree (an inner node not in the set just before its subtree). @internal */
export function* walk(node: SetNode, prefix: FieldPath): Generator<{ entry: SetEntry; path: FieldPath }> {
  for (const entry of node) if (entry.member) yield { entry, path: [...prefix, entry.element] };
  for (const entry of node) {
    if (entry.children === undefined) continue;
    const path = [...prefix, entry.element];
    if (!entry.member) yield { entry, path };
    yield* walk(entry.children, path);
  }
}
