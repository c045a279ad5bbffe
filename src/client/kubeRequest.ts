import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest, type RequestOptions } from 'node:https';
import type { JsonObject } from 'kubepatch';
import { isJsonObject } from '../json/ownProperty.js';
import { apiErrorFrom } from './apiErrorFrom.js';
import type { KubeConfigLike } from './KubeConfigLike.js';

/** One request to the API server. */
export interface KubeRequest {
  readonly method: 'GET' | 'PUT' | 'PATCH' | 'POST';
  /** Path below the server URL, e.g. `/apis/apps/v1/namespaces/shop/replicasets/web`. */
  readonly path: string;
  /** Query parameters; `undefined` values are left out. */
  readonly query?: Readonly<Record<string, string | undefined>>;
  /** The body, sent as JSON text (also for `application/apply-patch+yaml`: JSON is YAML). */
  readonly body?: unknown;
  /** The body's `Content-Type`. Default `application/json`. */
  readonly contentType?: string;
  readonly signal?: AbortSignal | undefined;
}

/** Caps what is read of an answer, so a misbehaving server cannot exhaust memory. */
const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/**
 * Sends one request with the client's TLS, credentials and agent, and resolves with the JSON
 * object the server answered. A non-2xx answer rejects with kubepatch's typed error
 * ({@link apiErrorFrom}); a network failure rejects with Node's error.
 */
export async function kubeRequest(client: KubeConfigLike, request: KubeRequest): Promise<JsonObject> {
  const cluster = client.getCurrentCluster();
  if (cluster === null || typeof cluster.server !== 'string' || cluster.server === '') {
    throw new Error('kubepatch/client: the KubeConfig has no current cluster (set a current context with a cluster server URL)');
  }
  const url = new URL(cluster.server);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}${request.path}`;
  for (const [key, value] of Object.entries(request.query ?? {})) if (value !== undefined) url.searchParams.set(key, value);

  const body = request.body === undefined ? undefined : Buffer.from(JSON.stringify(request.body), 'utf8');
  const headers: Record<string, string | number> = { Accept: 'application/json' };
  if (body !== undefined) {
    headers['Content-Type'] = request.contentType ?? 'application/json';
    headers['Content-Length'] = body.length;
  }
  const options: RequestOptions = { method: request.method, headers };
  await client.applyToHTTPSOptions(options);
  // KubeConfig may replace `headers`; ours must survive whatever it added (Authorization, Impersonate-User).
  options.headers = { ...options.headers, ...headers };
  request.signal?.throwIfAborted();

  const response = await send(url, options, body, request.signal);
  const text = response.body.toString('utf8');
  const statusCode = response.statusCode;
  if (statusCode < 200 || statusCode > 299) {
    throw apiErrorFrom({ code: statusCode, body: text }, { method: request.method, path: url.pathname, body: request.body });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (!isJsonObject(parsed)) {
    throw apiErrorFrom(
      { code: statusCode, body: `expected a JSON object, got: ${text.slice(0, 200)}` },
      { method: request.method, path: url.pathname },
    );
  }
  return parsed;
}

interface RawResponse {
  readonly statusCode: number;
  readonly body: Buffer;
}

function send(url: URL, options: RequestOptions, body: Buffer | undefined, signal: AbortSignal | undefined): Promise<RawResponse> {
  const requestFn = url.protocol === 'http:' ? httpRequest : httpsRequest;
  return new Promise<RawResponse>((resolve, reject) => {
    const req = requestFn(url, signal === undefined ? options : { ...options, signal }, (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_RESPONSE_BYTES) {
          res.destroy(new Error(`kubepatch/client: the answer to ${options.method} ${url.pathname} exceeds ${MAX_RESPONSE_BYTES} bytes`));
          return;
        }
        chunks.push(chunk);
      });
      res.on('error', reject);
      res.on('end', () => resolve({ statusCode: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
