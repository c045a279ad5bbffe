import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** How long one readiness request may take. */
const PROBE_TIMEOUT_MS = 2_000;

/** What a readiness request got. */
export interface ProbeAnswer {
  readonly statusCode: number;
  readonly body: string;
}

/**
 * One GET for a readiness check (`/health` of etcd, `/readyz` of kube-apiserver), bounded in
 * time; rejects on a network error or time-out.
 */
export function probe(url: string, options: { readonly ca?: string; readonly token?: string } = {}): Promise<ProbeAnswer> {
  const target = new URL(url);
  const requestFn = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const headers: Record<string, string> = options.token ? { Authorization: `Bearer ${options.token}` } : {};
  return new Promise((resolve, reject) => {
    const request = requestFn(target, { method: 'GET', headers, ca: options.ca, timeout: PROBE_TIMEOUT_MS }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => resolve({ statusCode: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    request.on('timeout', () => request.destroy(new Error(`GET ${target.pathname} took over ${PROBE_TIMEOUT_MS} ms`)));
    request.on('error', reject);
    request.end();
  });
}
