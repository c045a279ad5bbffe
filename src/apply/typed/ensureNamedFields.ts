import type { SetEntry, SetNode } from '../fieldsV1/setNode.js';
import type { ApplySchema } from '../schema/ApplySchema.js';

/**
 * The set with every declared struct field it reaches into made a member too
 * (`Set.EnsureNamedFieldsAreMembers`): `{.spec.replicas}` gains `.spec`, but a map key (a label)
 * or a list element it reaches into does not. Pruning removes such fields whole, then adds back
 * what is still owned.
 * @internal
 */
export function ensureNamedFields(node: SetNode, schema: ApplySchema | undefined): SetNode {
  let changed = false;
  const out = node.map((entry): SetEntry => {
    const element = entry.element;
    let childSchema: ApplySchema | undefined;
    let named = false;
    if (schema !== undefined && element.kind === 'field' && isMapSchema(schema)) {
      childSchema = schema.field(element.name);
      named = schema.declares(element.name);
    } else if (schema !== undefined && element.kind === 'key' && isListSchema(schema)) {
      childSchema = schema.items();
    }
    const children = entry.children === undefined ? undefined : ensureNamedFields(entry.children, childSchema);
    const member = entry.member || (named && entry.children !== undefined);
    if (member === entry.member && children === entry.children) return entry;
    changed = true;
    return { ...entry, member, children };
  });
  return changed ? out : node;
}

function isMapSchema(schema: ApplySchema): boolean {
  const kind = schema.type.kind;
  return kind === 'struct' || kind === 'map' || kind === 'deduced' || kind === 'untyped';
}

function isListSchema(schema: ApplySchema): boolean {
  const kind = schema.type.kind;
  return kind === 'list' || kind === 'deduced' || kind === 'untyped';
}
