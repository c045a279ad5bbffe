import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake API server received. */
export interface RecordedRequest {
  readonly method: string;
  /** Path and query, as sent (`/apis/apps/v1/namespaces/default/deployments/web?fieldManager=…`). */
  readonly url: string;
  readonly contentType: string | undefined;
  readonly body: string;
  /** The status the server answered with. */
  readonly status: number;
}

/** A built-in resource the server lists in discovery and serves. */
interface Resource {
  readonly group: string; // '' for the core group
  readonly version: string;
  readonly kind: string;
  readonly plural: string;
  readonly namespaced: boolean;
}

/** Kinds the differential suites use; discovery lists exactly these. */
const RESOURCES: readonly Resource[] = [
  { group: '', version: 'v1', kind: 'Pod', plural: 'pods', namespaced: true },
  { group: '', version: 'v1', kind: 'Service', plural: 'services', namespaced: true },
  { group: '', version: 'v1', kind: 'ConfigMap', plural: 'configmaps', namespaced: true },
  { group: 'apps', version: 'v1', kind: 'Deployment', plural: 'deployments', namespaced: true },
  { group: 'apps', version: 'v1', kind: 'StatefulSet', plural: 'statefulsets', namespaced: true },
  { group: 'apps', version: 'v1', kind: 'DaemonSet', plural: 'daemonsets', namespaced: true },
];

export interface FakeApiServerOptions {
  /** The objects the server holds (GET answers them, PATCH records the request and answers them unchanged). */
  readonly objects: readonly unknown[];
  /** What `/version` reports as `gitVersion`, e.g. `v1.32.4`. Default: 404, as for the OpenAPI documents. */
  readonly version?: string;
  /** The server closes itself after this long, whatever happens to the test. Default 30 s. */
  readonly lifetimeMs?: number;
}

type Json = { [key: string]: unknown };
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const groupVersion = (r: Resource) => (r.group === '' ? r.version : `${r.group}/${r.version}`);
const basePath = (r: Resource) => (r.group === '' ? `/api/${r.version}` : `/apis/${r.group}/${r.version}`);

function objectPath(object: unknown): string {
  if (!isObject(object) || !isObject(object.metadata)) throw new Error(`not a Kubernetes object: ${JSON.stringify(object)}`);
  const resource = RESOURCES.find((r) => groupVersion(r) === object.apiVersion && r.kind === object.kind);
  if (resource === undefined) throw new Error(`the fake API server does not serve ${String(object.apiVersion)} ${String(object.kind)}`);
  const { name, namespace } = object.metadata;
  if (typeof name !== 'string') throw new Error(`object without metadata.name: ${JSON.stringify(object)}`);
  const ns = resource.namespaced ? `/namespaces/${typeof namespace === 'string' ? namespace : 'default'}` : '';
  return `${basePath(resource)}${ns}/${resource.plural}/${name}`;
}

function status(code: number, reason: string, message: string): Json {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
}

/**
 * A loopback stand-in for the Kubernetes API server, with just enough for client-side
 * `kubectl apply` to compute and send its patch: `/version`, discovery (`/api`, `/apis`,
 * `/api/v1`, `/apis/apps/v1`), GET, PATCH and POST of the objects it holds. `/openapi/v2` and
 * `/openapi/v3` answer 404, so kubectl falls back to the Go structs compiled into it (its patcher
 * tries OpenAPI v3, then v2, then `scheme.Scheme`). Plain HTTP on 127.0.0.1 and a random port; no
 * authentication. Every request is recorded; nothing is ever changed.
 */
export class FakeApiServer {
  readonly requests: RecordedRequest[] = [];
  private readonly objects = new Map<string, unknown>();
  private readonly timer: NodeJS.Timeout;
  private closed: Promise<void> | undefined;

  private constructor(
    private readonly server: Server,
    private readonly options: FakeApiServerOptions,
  ) {
    for (const object of options.objects) this.objects.set(objectPath(object), object);
    this.timer = setTimeout(() => void this.close(), options.lifetimeMs ?? 30_000);
    this.timer.unref();
  }

  /** Starts a server on 127.0.0.1 and a random free port. */
  static async start(options: FakeApiServerOptions): Promise<FakeApiServer> {
    const server = createServer();
    const fake = new FakeApiServer(server, options);
    server.on('request', (request: IncomingMessage, response: ServerResponse) => fake.handle(request, response));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return fake;
  }

  /** `http://127.0.0.1:<port>`. */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** A kubeconfig for this server: plain http (no TLS, so no `insecure-skip-tls-verify`), no credentials, namespace `default`. */
  kubeconfig(): Json {
    return {
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: 'fake', cluster: { server: this.url } }],
      users: [{ name: 'fake', user: {} }],
      contexts: [{ name: 'fake', context: { cluster: 'fake', user: 'fake', namespace: 'default' } }],
      'current-context': 'fake',
    };
  }

  /** Stops listening and drops open connections (kubectl keeps them alive). Idempotent. */
  close(): Promise<void> {
    this.closed ??= new Promise<void>((resolve) => {
      clearTimeout(this.timer);
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
    return this.closed;
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let code: number;
      let answer: unknown;
      try {
        [code, answer] = this.route(request.method ?? 'GET', new URL(request.url ?? '/', 'http://fake').pathname, body);
      } catch (error) {
        [code, answer] = [500, status(500, 'InternalError', String(error))];
      }
      this.requests.push({ method: request.method ?? '', url: request.url ?? '', contentType: request.headers['content-type'], body, status: code });
      response.writeHead(code, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(answer));
    });
  }

  private route(method: string, path: string, body: string): [number, unknown] {
    const notFound: [number, unknown] = [404, status(404, 'NotFound', `the server could not find the requested resource (${method} ${path})`)];
    if (method === 'GET') {
      switch (path) {
        case '/version': {
          const gitVersion = this.options.version;
          const match = gitVersion === undefined ? null : /^v(\d+)\.(\d+)/.exec(gitVersion);
          return match === null ? notFound : [200, { major: match[1], minor: match[2], gitVersion, platform: 'linux/amd64' }];
        }
        case '/api':
          return [200, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }] }];
        case '/apis': {
          const groups = [...new Set(RESOURCES.filter((r) => r.group !== '').map(groupVersion))].map((gv) => {
            const [name, version] = gv.split('/') as [string, string];
            return { name, versions: [{ groupVersion: gv, version }], preferredVersion: { groupVersion: gv, version } };
          });
          return [200, { kind: 'APIGroupList', apiVersion: 'v1', groups }];
        }
        default: {
          const listed = RESOURCES.filter((r) => basePath(r) === path);
          if (listed.length > 0) {
            const resources = listed.map((r) => ({
              name: r.plural,
              singularName: r.kind.toLowerCase(),
              namespaced: r.namespaced,
              kind: r.kind,
              verbs: ['create', 'get', 'patch'],
            }));
            return [200, { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: groupVersion(listed[0]!), resources }];
          }
        }
      }
    }
    // `/openapi/v2` and `/openapi/v3` fall through to 404 on purpose.
    const object = this.objects.get(path);
    if (method === 'GET' || method === 'PATCH') return object === undefined ? notFound : [200, object];
    if (method === 'POST') {
      const created = JSON.parse(body) as unknown; // a create: echo the object back
      return [201, created];
    }
    return notFound;
  }
}
