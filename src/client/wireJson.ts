import { InvalidDocumentError, type JsonObject } from 'kubepatch';
import { isJsonObject } from '../json/ownProperty.js';

/**
 * The object as it goes on the wire: a fresh copy through `JSON.stringify`, so the caller's object
 * is never touched and client-node models work too (their `Date` fields become the RFC 3339
 * strings the server sent).
 */
export function wireJson(value: unknown, input: string): JsonObject {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    throw new InvalidDocumentError(`${input} cannot be sent as JSON: ${(error as Error).message}`, { input });
  }
  const copy: unknown = text === undefined ? undefined : JSON.parse(text);
  if (!isJsonObject(copy)) throw new InvalidDocumentError(`${input} must be a JSON object`, { input });
  return copy;
}
