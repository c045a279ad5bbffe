/**
 * A JSON scalar.
 *
 * @example
 * ```ts
 * const replicas: JsonPrimitive = 3;
 * ```
 * @public
 */
export type JsonPrimitive = string | number | boolean | null;

/**
 * A JSON array.
 *
 * @example
 * ```ts
 * const args: JsonArray = ['--port', 8080, true];
 * ```
 * @public
 */
export type JsonArray = JsonValue[];

/**
 * A JSON object. Keys are own properties, `__proto__`, `constructor` and `prototype` included:
 * kubepatch reads and writes them as ordinary data and never touches a prototype.
 *
 * @example
 * ```ts
 * const labels: JsonObject = { app: 'web', '__proto__': 'just a key' };
 * ```
 * @public
 */
export interface JsonObject {
  /** A member; a key names it exactly as in the JSON text. */
  [key: string]: JsonValue;
}

/**
 * Any JSON value: what every kubepatch function returns.
 *
 * @example
 * ```ts
 * const deployment: JsonValue = { apiVersion: 'apps/v1', kind: 'Deployment', spec: { replicas: 3 } };
 * ```
 * @public
 */
export type JsonValue = JsonPrimitive | JsonArray | JsonObject;

/**
 * What kubepatch's functions accept: a JSON value, also typed as an interface or a readonly
 * structure. Inputs are checked at run time (see {@link MAX_DEPTH} and {@link InvalidDocumentError});
 * object properties whose value is `undefined` count as absent, as in `JSON.stringify`.
 *
 * @example
 * ```ts
 * interface Labels { readonly app?: string }
 * const labels: Labels = { app: 'web' };
 * createMergePatch(labels, { app: 'api' }); // accepted: checked at run time
 * ```
 * @public
 */
export type JsonInput = JsonPrimitive | object;
