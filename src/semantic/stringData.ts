import type { JsonObject, JsonValue } from '../json/JsonValue.js';
import { escapePointerToken } from '../json/pointer.js';
import { getOwn, isJsonObject, jsonKeys, setOwn } from '../json/ownProperty.js';
import { appendPathSegment } from './kubernetesPath.js';
import { SECRET_MASK } from './secretMask.js';
import type { SemanticChange } from './SemanticChange.js';

/** A Secret with its `stringData` folded into `data`, and the keys that came from `stringData`. @internal */
export interface FoldedSecret {
  readonly value: JsonValue;
  readonly keys: readonly string[];
}

/** Base64 of the UTF-8 bytes of `text`, as Go's `[]byte` marshals to JSON (standard alphabet, padded). */
function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * `secret` as the API server stores it: each `stringData` entry written into `data` as base64,
 * over an entry of the same key (`Convert_v1_Secret_To_core_Secret`: "StringData overwrites Data"),
 * and `stringData` dropped (it is write-only; a read never returns it). A `stringData` that is not a
 * map of strings is left as written (the server refuses it). The input is not changed.
 * @internal
 */
export function foldStringData(secret: JsonValue): FoldedSecret {
  const stringData = isJsonObject(secret) ? getOwn(secret, 'stringData') : undefined;
  if (!isJsonObject(secret) || !isJsonObject(stringData)) return { value: secret, keys: [] };
  const keys = jsonKeys(stringData);
  if (keys.some((key) => typeof stringData[key] !== 'string')) return { value: secret, keys: [] };
  const data = getOwn(secret, 'data');
  const folded: JsonObject = {};
  if (isJsonObject(data)) for (const key of jsonKeys(data)) setOwn(folded, key, data[key]!);
  for (const key of keys) setOwn(folded, key, base64(stringData[key] as string));
  const copy: JsonObject = {};
  let placed = false;
  for (const key of jsonKeys(secret)) {
    if (key === 'stringData' || key === 'data') {
      // `data` keeps its place, or takes the place of `stringData` when it comes first.
      if (!placed) setOwn(copy, 'data', folded);
      placed = true;
      continue;
    }
    setOwn(copy, key, secret[key]!);
  }
  return { value: copy, keys };
}

const dataPointer = (key: string) => `/data/${escapePointerToken(key)}`;
const stringDataPath = (key: string) => appendPathSegment('stringData', { type: 'field', name: key });

/**
 * The changes of a Secret whose new side had `stringData` keys `keys` folded into `data`, told
 * in the manifest's words: a change to `data.<key>` that came from `stringData` is shown at
 * `stringData.<key>` (pointer `/stringData/<key>`), a `data` map added whole is split per key, and
 * a folded key the old (live) object holds in `data` with the same value gets an `equivalent`
 * entry with `equalBecause: 'string-data'`, after the other changes of `data`. `old` is the old
 * object as given (not folded).
 * @internal
 */
export function explainStringData(changes: readonly SemanticChange[], keys: readonly string[], old: JsonValue): SemanticChange[] {
  if (keys.length === 0) return [...changes];
  const folded = new Set(keys);
  const byPointer = new Map(keys.map((key) => [dataPointer(key), key]));
  const out: SemanticChange[] = [];
  let last = -1;
  const touched = new Set<string>();
  for (const change of changes) {
    const key = change.kind === 'removed' ? undefined : byPointer.get(change.pointer);
    if (key !== undefined) {
      touched.add(key);
      out.push({ ...change, path: stringDataPath(key), pointer: `/stringData/${escapePointerToken(key)}` });
      last = out.length;
      continue;
    }
    if (change.pointer === '/data' && change.kind === 'added' && isJsonObject(change.to)) {
      // The live object has no `data`: one `added` per key, the folded ones under `stringData`.
      for (const name of jsonKeys(change.to)) {
        touched.add(name);
        const mine = folded.has(name);
        out.push({
          path: mine ? stringDataPath(name) : appendPathSegment('data', { type: 'field', name }),
          pointer: mine ? `/stringData/${escapePointerToken(name)}` : dataPointer(name),
          kind: 'added',
          to: change.to[name]!,
        });
      }
      last = out.length;
      continue;
    }
    if (change.pointer === '/data' || change.pointer.startsWith('/data/')) {
      if (change.pointer === '/data') for (const name of keys) touched.add(name);
      last = out.length + 1;
    }
    out.push(change);
  }
  // Equal after the fold, and different as written: the old side holds the key in `data` (as a
  // live Secret does), not in `stringData` (two manifests that both write it there are the same).
  const oldData = isJsonObject(old) ? getOwn(old, 'data') : undefined;
  const oldStringData = isJsonObject(old) ? getOwn(old, 'stringData') : undefined;
  const same: SemanticChange[] = [];
  for (const key of keys) {
    if (touched.has(key) || !isJsonObject(oldData) || getOwn(oldData, key) === undefined) continue;
    if (isJsonObject(oldStringData) && getOwn(oldStringData, key) !== undefined) continue;
    same.push({
      path: stringDataPath(key), pointer: `/stringData/${escapePointerToken(key)}`, kind: 'equivalent',
      from: SECRET_MASK.value, to: SECRET_MASK.value, equalBecause: 'string-data',
    });
  }
  out.splice(last < 0 ? out.length : last, 0, ...same);
  return out;
}
