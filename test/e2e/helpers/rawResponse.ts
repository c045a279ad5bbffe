import { request } from 'node:https';
import { parseJsonPointer } from 'kubepatch';
import { envtestServer } from './envtest.js';
import { serverRequest } from './serverRequest.js';

// Raw answers of the test API server, for the checks that compare bytes (managedFields' fieldsV1).

/** A GET answered as text, byte for byte as the server sent it. */
export function getText(path: string): Promise<string> {
  const server = envtestServer();
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, server.url), { method: 'GET', headers: { Authorization: `Bearer ${server.token}`, Accept: 'application/json' }, ca: server.caCertificate }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The raw JSON text of every `"fieldsV1":{…}` of a response, in order. */
export function rawFieldsV1(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (;;) {
    const at = text.indexOf('"fieldsV1":', from);
    if (at < 0) return out;
    const start = at + '"fieldsV1":'.length;
    let depth = 0;
    let inString = false;
    let i = start;
    for (; i < text.length; i++) {
      const c = text[i];
      if (inString) {
        if (c === '\\') i++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) break;
    }
    out.push(text.slice(start, i + 1));
    from = i + 1;
  }
}

/** What Go's encoding/json makes of `Set.ToJSON`'s bytes when it embeds them in a response (`json.Compact` with HTML escaping). */
export const htmlEscaped = (text: string) => text.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** The content type of a server-side apply. */
export const APPLY = 'application/apply-patch+yaml';
export const apply = (path: string, manager: string, body: unknown, force = false) =>
  serverRequest('PATCH', `${path}?fieldManager=${manager}${force ? '&force=true' : ''}`, body, APPLY);

/** The value at a JSON Pointer of a parsed object, `undefined` where there is none. */
export function valueAt(object: unknown, pointer: string): unknown {
  let current: unknown = object;
  for (const token of parseJsonPointer(pointer)) {
    if (current === null || typeof current !== 'object' || !Object.prototype.hasOwnProperty.call(current, token)) return undefined;
    current = (current as Record<string, unknown>)[token];
  }
  return current;
}

