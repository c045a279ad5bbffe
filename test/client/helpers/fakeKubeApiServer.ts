import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  applyJsonPatch,
  applyMergePatch,
  applyStrategicMergePatch,
  isKubepatchError,
  schemaFor,
  type JsonObject,
  type JsonValue,
} from 'kubepatch';
import { parse as parseYaml } from 'yaml';
import { apiVersionOf, discoveryOf, groupKind, qualified, RESOURCE_TYPES, type ResourceType } from './fakeKubeResources.js';
import { conflict, invalidOptions, StatusAnswer } from './kubeStatus.js';

/**
 * A loopback stand-in for the Kubernetes API server, kept only for what the real one
 * (kubepatch/envtest, test/e2e/) cannot give on demand: request capture (the method, URL,
 * Content-Type and body kubepatch/client or client-node sent, and that nothing was sent), a
 * conflict forced before every PATCH (`beforePatch`) to drive the retry and backoff logic, the
 * history of every version stored, a plain http:// server, and load at a scale a CI machine runs
 * in seconds. No claim about what the server does rests on it alone: every answer it mimics (the
 * 409, the 415 and its media types, the 422 "field is immutable", what a patch stores) is checked
 * against kube-apiserver in test/e2e/client/.
 *
 * How it mimics: objects carry a `resourceVersion` bumped on every write; a PUT with a stale one
 * gets the real 409 `Status`; PATCH applies JSON, merge and strategic merge patches with
 * kubepatch's own engines and refuses a strategic merge patch to a custom resource with the real
 * 415; a changed selector of a Deployment or ReplicaSet gets the real 422 "field is immutable"
 * (the value printed in Go syntax, as kube-apiserver 1.33 does); server-side apply checks
 * `fieldManager`, `force` and `managedFields` like the real one, but its merge is a plain merge,
 * not structured-merge-diff, and its managedFields are a sketch. Every request is logged with the
 * Content-Type it carried.
 */

/** One request the server received. */
export interface LoggedRequest {
  readonly method: string;
  /** Path and query, as sent. */
  readonly url: string;
  readonly contentType: string | undefined;
  readonly authorization: string | undefined;
  readonly body: string;
  /** The status the server answered with. */
  readonly status: number;
}

const JSON_PATCH = 'application/json-patch+json';
const MERGE_PATCH = 'application/merge-patch+json';
const STRATEGIC_PATCH = 'application/strategic-merge-patch+json';
const APPLY_PATCH = 'application/apply-patch+yaml';

export interface FakeKubeApiServerOptions {
  /** The server closes itself after this long, whatever happens to the test. Default 60 s. */
  readonly lifetimeMs?: number;
  /** Called before each PATCH is applied; a test can write to the object here to force a conflict. */
  readonly beforePatch?: (server: FakeKubeApiServer, key: string) => void;
}

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const metadataOf = (object: JsonObject): JsonObject => (isObject(object.metadata) ? object.metadata : {});
export class FakeKubeApiServer {
  /** Every request, in arrival order. */
  readonly requests: LoggedRequest[] = [];
  /** Every version of every object the server stored, in order (for invariants over all writes). */
  readonly history: JsonObject[] = [];
  private readonly objects = new Map<string, JsonObject>();
  private revision = 1000;
  private readonly server: Server;
  private readonly timer: NodeJS.Timeout;
  private closed: Promise<void> | undefined;
  private port = 0;

  private constructor(private readonly options: FakeKubeApiServerOptions) {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.timer = setTimeout(() => void this.close(), options.lifetimeMs ?? 60_000);
    this.timer.unref();
  }

  /** Starts a server on 127.0.0.1 and a free port. */
  static async start(options: FakeKubeApiServerOptions = {}): Promise<FakeKubeApiServer> {
    const fake = new FakeKubeApiServer(options);
    await new Promise<void>((resolve, reject) => {
      fake.server.once('error', reject);
      fake.server.listen(0, '127.0.0.1', () => resolve());
    });
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  /** `http://127.0.0.1:<port>`. */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Stores an object as a create would (uid, creationTimestamp, generation, resourceVersion) and answers a copy. */
  create<T extends object>(object: T): T & { metadata: { resourceVersion: string } } {
    const body = clone(object) as JsonObject;
    const type = typeOf(body);
    const key = keyOf(type, metadataOf(body).namespace as string, metadataOf(body).name as string);
    if (this.objects.has(key)) throw new Error(`fake API server: ${key} exists`);
    const metadata = metadataOf(body);
    body.metadata = { ...metadata, uid: `uid-${this.revision}`, creationTimestamp: '2026-11-22T10:00:00Z', generation: 1 };
    return clone(this.store(key, body)) as T & { metadata: { resourceVersion: string } };
  }

  /** The stored object (a copy), or undefined. */
  get(apiVersion: string, kind: string, namespace: string, name: string): JsonObject | undefined {
    const type = RESOURCE_TYPES.find((t) => apiVersionOf(t) === apiVersion && t.kind === kind);
    if (type === undefined) throw new Error(`fake API server: unknown kind ${apiVersion} ${kind}`);
    const object = this.objects.get(keyOf(type, namespace, name));
    return object === undefined ? undefined : clone(object);
  }

  /** Changes a stored object behind the clients' backs (another writer), bumping its resourceVersion. */
  touch(key: string, change: (object: JsonObject) => void): void {
    const object = this.objects.get(key);
    if (object === undefined) throw new Error(`fake API server: no ${key}`);
    const copy = clone(object);
    change(copy);
    this.store(key, copy);
  }

  close(): Promise<void> {
    this.closed ??= new Promise<void>((resolve) => {
      clearTimeout(this.timer);
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
    return this.closed;
  }

  private store(key: string, object: JsonObject): JsonObject {
    this.revision += 1;
    object.metadata = { ...metadataOf(object), resourceVersion: String(this.revision) };
    this.objects.set(key, object);
    this.history.push(clone(object));
    return object;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const contentType = req.headers['content-type'];
    let status = 200;
    let answer: JsonValue;
    try {
      answer = this.route(req.method ?? 'GET', new URL(req.url ?? '/', this.url), contentType?.split(';')[0]?.trim(), body);
    } catch (error) {
      if (!(error instanceof StatusAnswer)) throw error;
      status = error.code;
      answer = error.toStatus();
    }
    this.requests.push({ method: req.method ?? '', url: req.url ?? '', contentType, authorization: req.headers.authorization, body, status });
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(answer));
  }

  private route(method: string, url: URL, contentType: string | undefined, body: string): JsonObject {
    const discovery = discoveryOf(url.pathname);
    if (method === 'GET' && discovery !== undefined) return discovery;
    const match = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))\/namespaces\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(url.pathname);
    const group = match?.[2] ?? '';
    const version = match?.[1] ?? match?.[3];
    const type = RESOURCE_TYPES.find((t) => t.group === group && t.version === version && t.plural === match?.[5]);
    if (match === null || type === undefined) throw new StatusAnswer(404, 'NotFound', 'the server could not find the requested resource');
    const namespace = decodeURIComponent(match[4] ?? '');
    const name = decodeURIComponent(match[6] ?? '');
    const key = keyOf(type, namespace, name);
    const stored = this.objects.get(key);
    const notFound = () =>
      new StatusAnswer(404, 'NotFound', `${qualified(type)} "${name}" not found`, { name, group: type.group, kind: type.plural });
    if (method === 'GET') {
      if (stored === undefined) throw notFound();
      return clone(stored);
    }
    if (method === 'PUT') {
      if (stored === undefined) throw notFound();
      return clone(this.replace(type, key, name, stored, parseJson(body)));
    }
    if (method === 'PATCH') {
      this.options.beforePatch?.(this, key);
      return clone(this.patch(type, key, name, url, contentType, body, notFound));
    }
    throw new StatusAnswer(405, 'MethodNotAllowed', `the server does not allow this method on the requested resource`);
  }

  private replace(type: ResourceType, key: string, name: string, stored: JsonObject, body: unknown): JsonObject {
    if (!isObject(body)) throw new StatusAnswer(400, 'BadRequest', 'the body of the request must be an object');
    const metadata = metadataOf(body);
    if (metadata.name !== name) {
      throw new StatusAnswer(400, 'BadRequest', `the name of the object (${String(metadata.name)}) does not match the name on the URL (${name})`);
    }
    const resourceVersion = metadata.resourceVersion;
    if (resourceVersion !== undefined && resourceVersion !== metadataOf(stored).resourceVersion) throw conflict(type, name);
    return this.write(type, key, name, stored, body);
  }

  private patch(
    type: ResourceType,
    key: string,
    name: string,
    url: URL,
    contentType: string | undefined,
    body: string,
    notFound: () => StatusAnswer,
  ): JsonObject {
    const accepted = type.builtIn ? [JSON_PATCH, MERGE_PATCH, STRATEGIC_PATCH, APPLY_PATCH] : [JSON_PATCH, MERGE_PATCH, APPLY_PATCH];
    if (contentType === undefined || !accepted.includes(contentType)) {
      // A built-in kind's route refuses a type it does not list before any handler, without a list.
      if (type.builtIn) throw new StatusAnswer(415, 'UnsupportedMediaType', '415: Unsupported Media Type', {});
      const message = `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`;
      throw new StatusAnswer(415, 'UnsupportedMediaType', message);
    }
    const fieldManager = url.searchParams.get('fieldManager');
    if (url.searchParams.has('force') && contentType !== APPLY_PATCH) {
      throw invalidOptions('force: Forbidden: may not be specified for non-apply patch');
    }
    const stored = this.objects.get(key);
    if (contentType === APPLY_PATCH) return this.apply(type, key, name, stored, fieldManager, body);
    if (stored === undefined) throw notFound();
    let patched: JsonValue;
    try {
      if (contentType === JSON_PATCH) {
        const operations = parseJson(body);
        if (!Array.isArray(operations)) {
          throw new StatusAnswer(400, 'BadRequest', `json: cannot unmarshal ${jsonTypeOf(operations)} into Go value of type []handlers.jsonPatchOp`);
        }
        patched = applyJsonPatch(stored, operations as never);
      } else {
        const patch = parseJson(body);
        if (!isObject(patch)) throw new StatusAnswer(400, 'BadRequest', `json: cannot unmarshal ${jsonTypeOf(patch)} into Go value of type map[string]interface {}`);
        patched =
          contentType === MERGE_PATCH ? applyMergePatch(stored, patch) : applyStrategicMergePatch(stored, patch, schemaFor(apiVersionOf(type), type.kind)!);
      }
    } catch (error) {
      if (isKubepatchError(error)) throw new StatusAnswer(422, 'Invalid', `${groupKind(type)} "${name}" is invalid: ${error.message}`);
      throw error;
    }
    if (!isObject(patched)) throw new StatusAnswer(422, 'Invalid', `${groupKind(type)} "${name}" is invalid: not an object`);
    const resourceVersion = metadataOf(patched).resourceVersion;
    if (resourceVersion !== metadataOf(stored).resourceVersion) throw conflict(type, name);
    return this.write(type, key, name, stored, patched);
  }

  private apply(type: ResourceType, key: string, name: string, stored: JsonObject | undefined, fieldManager: string | null, body: string): JsonObject {
    if (fieldManager === null || fieldManager === '') throw invalidOptions('fieldManager: Required value: is required for apply patch');
    let config: unknown;
    try {
      config = parseYaml(body);
    } catch (error) {
      throw new StatusAnswer(400, 'BadRequest', `error decoding YAML: ${(error as Error).message}`);
    }
    if (!isObject(config)) throw new StatusAnswer(400, 'BadRequest', 'the body of an apply patch must be an object');
    if (metadataOf(config).managedFields !== undefined) throw new StatusAnswer(400, 'BadRequest', 'metadata.managedFields must be nil');
    const resourceVersion = metadataOf(config).resourceVersion;
    if (resourceVersion !== undefined && resourceVersion !== (stored === undefined ? undefined : metadataOf(stored).resourceVersion)) {
      throw conflict(type, name);
    }
    const managers = [{ manager: fieldManager, operation: 'Apply', apiVersion: apiVersionOf(type) }];
    if (stored === undefined) {
      const created = { ...config, metadata: { ...metadataOf(config), managedFields: managers } };
      return this.create(created);
    }
    const merged = applyMergePatch(stored, config) as JsonObject;
    merged.metadata = { ...metadataOf(merged), resourceVersion: metadataOf(stored).resourceVersion ?? null, managedFields: managers };
    return this.write(type, key, name, stored, merged);
  }

  /** Validates an update and stores it (no write, and no new resourceVersion, when nothing changed). */
  private write(type: ResourceType, key: string, name: string, stored: JsonObject, next: JsonObject): JsonObject {
    const spec = isObject(next.spec) ? next.spec : {};
    const oldSpec = isObject(stored.spec) ? stored.spec : {};
    if (type.immutableSelector && JSON.stringify(spec.selector) !== JSON.stringify(oldSpec.selector)) {
      const value = goLabelSelector(spec.selector);
      const cause = { reason: 'FieldValueInvalid', message: `Invalid value: ${value}: field is immutable`, field: 'spec.selector' };
      throw new StatusAnswer(422, 'Invalid', `${groupKind(type)} "${name}" is invalid: spec.selector: ${cause.message}`, {
        name,
        group: type.group,
        kind: type.kind,
        causes: [cause],
      });
    }
    const metadata = metadataOf(next);
    const oldMetadata = metadataOf(stored);
    if (metadata.name !== name || next.kind !== type.kind || next.apiVersion !== apiVersionOf(type)) {
      throw new StatusAnswer(400, 'BadRequest', `the object does not match ${groupKind(type)} "${name}"`);
    }
    const generation = (oldMetadata.generation as number) + (JSON.stringify(spec) === JSON.stringify(oldSpec) ? 0 : 1);
    const result: JsonObject = {
      ...next,
      metadata: { ...metadata, uid: oldMetadata.uid ?? null, creationTimestamp: oldMetadata.creationTimestamp ?? null, generation },
    };
    if (stored.status !== undefined) result.status = stored.status;
    else delete result.status;
    const comparable = (object: JsonObject) => JSON.stringify({ ...object, metadata: { ...metadataOf(object), resourceVersion: null } });
    if (comparable(result) === comparable(stored)) return stored;
    return this.store(key, result);
  }
}

function typeOf(object: JsonObject): ResourceType {
  const type = RESOURCE_TYPES.find((t) => apiVersionOf(t) === object.apiVersion && t.kind === object.kind);
  if (type === undefined) throw new Error(`fake API server: unknown kind ${String(object.apiVersion)} ${String(object.kind)}`);
  return type;
}

function keyOf(type: ResourceType, namespace: string, name: string): string {
  return `${qualified(type)}/${namespace}/${name}`;
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch (error) {
    throw new StatusAnswer(400, 'BadRequest', `error decoding JSON: ${(error as Error).message}`);
  }
}

function jsonTypeOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'object' : typeof value;
}

/** A label selector as kube-apiserver 1.33 prints it in a 422 (Go's `%#v`, map keys sorted). */
function goLabelSelector(selector: JsonValue | undefined): string {
  const matchLabels = isObject(selector) && isObject(selector.matchLabels) ? selector.matchLabels : {};
  if (isObject(selector) && selector.matchExpressions !== undefined) throw new Error('fake API server: cannot print matchExpressions');
  const labels = Object.keys(matchLabels)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${JSON.stringify(matchLabels[key])}`)
    .join(', ');
  return `v1.LabelSelector{MatchLabels:map[string]string{${labels}}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}`;
}
