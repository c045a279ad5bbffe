// One raw request to the run's API server, answered with its status, its text byte for byte (the
// managedFields' fieldsV1 are compared as the server wrote them) and the parsed body.
import { request } from 'node:https';
import { envtestServer } from '../../helpers/envtest.js';
import type { Obj } from '../../helpers/patchPodTemplate.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';

/** A request of a step, as sent (the body is JSON text). */
export interface StepRequest {
  readonly method: Method;
  readonly path: string;
  readonly contentType: string;
  readonly body: Obj;
}

export interface RawAnswer {
  readonly statusCode: number;
  readonly text: string;
  readonly body: Obj | undefined;
  /** The response's `Date` header: the server's clock, to the second. */
  readonly date: string | undefined;
}

export const APPLY_PATCH = 'application/apply-patch+yaml';
export const MERGE_PATCH = 'application/merge-patch+json';

export function send(req: StepRequest): Promise<RawAnswer> {
  const server = envtestServer();
  const payload = Buffer.from(JSON.stringify(req.body));
  const headers = {
    Authorization: `Bearer ${server.token}`,
    Accept: 'application/json',
    'Content-Type': req.contentType,
    'Content-Length': payload.length,
  };
  return new Promise((resolve, reject) => {
    const outgoing = request(new URL(req.path, server.url), { method: req.method, headers, ca: server.caCertificate }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: Obj | undefined;
        try {
          body = JSON.parse(text) as Obj;
        } catch {
          body = undefined;
        }
        resolve({ statusCode: res.statusCode ?? 0, text, body, date: res.headers.date });
      });
    });
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}

export { htmlEscaped, rawFieldsV1 } from '../../helpers/rawResponse.js';
