import { request } from 'node:https';
import { envtestServer } from './envtest.js';

/** The server's answer to a raw request: status code and parsed JSON body (`undefined` if not JSON). */
export interface ServerAnswer {
  readonly statusCode: number;
  readonly body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- whatever the server sent
}

/**
 * One request to the run's real API server as the admin user, answered as it is: no retry, no
 * typed error. This is how the e2e tests see what the server itself says, independently of
 * kubepatch/client.
 */
export function serverRequest(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  contentType = 'application/json',
): Promise<ServerAnswer> {
  const server = envtestServer();
  const url = new URL(path, server.url);
  const payload = body === undefined ? undefined : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  const headers: Record<string, string | number> = { Authorization: `Bearer ${server.token}`, Accept: 'application/json' };
  if (payload !== undefined) {
    headers['Content-Type'] = contentType;
    headers['Content-Length'] = payload.length;
  }
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, ca: server.caCertificate }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = undefined;
        }
        resolve({ statusCode: res.statusCode ?? 0, body: parsed });
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** Like {@link serverRequest}, but fails unless the server answered 2xx; resolves with the body. */
export async function serverOk(method: Parameters<typeof serverRequest>[0], path: string, body?: unknown, contentType?: string): Promise<any> {
  const answer = await serverRequest(method, path, body, contentType);
  if (answer.statusCode < 200 || answer.statusCode > 299) {
    throw new Error(`${method} ${path} answered ${answer.statusCode}: ${JSON.stringify(answer.body)}`);
  }
  return answer.body;
}

/** Creates a namespace (and its `default` ServiceAccount, which Pods need and no controller makes here). */
export async function createNamespace(name: string): Promise<void> {
  await serverOk('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  await serverOk('POST', `/api/v1/namespaces/${name}/serviceaccounts`, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default' } });
}
