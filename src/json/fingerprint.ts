import type { JsonValue } from './JsonValue.js';
import { jsonKeys } from './ownProperty.js';

/**
 * A string that is the same for two values exactly when they are {@link jsonEqual}: JSON text
 * with object keys sorted. Lets array diffs compare elements by hash instead of pairwise.
 */
export function fingerprint(value: JsonValue): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i++) text += (i === 0 ? '' : ',') + fingerprint(value[i] as JsonValue);
    return text + ']';
  }
  const keys = jsonKeys(value).sort();
  let text = '{';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    text += (i === 0 ? '' : ',') + JSON.stringify(key) + ':' + fingerprint(value[key] as JsonValue);
  }
  return text + '}';
}
