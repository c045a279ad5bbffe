import { Alias, isAlias, isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node, type ParsedNode, type Scalar } from 'yaml';
import type { JsonObject, JsonValue } from '../json/JsonValue.js';
import { MAX_DEPTH } from '../json/assertJsonValue.js';
import { formatJsonPointer } from '../json/pointer.js';
import { BINARY_TAG, resolveGoScalar, STR_TAG } from './goScalar.js';
import { goMapKey, goScalarToJson } from './goJson.js';
import { setJsonKey } from './setJsonKey.js';
import { YamlProblem } from './YamlProblem.js';

/** Nodes an alias may expand to in one document before it counts as an alias bomb. */
const MAX_ALIAS_NODES = 1_000_000;

/**
 * The JSON value kubectl makes of one YAML document composed by the `yaml` package with the
 * failsafe schema (every scalar kept as its text): go-yaml v2's resolution of each scalar,
 * aliases expanded, merge keys `<<` as go-yaml v2 merges them (a merged value overrides a key
 * set before it; of a list of maps the first wins), the last of duplicate keys kept, keys made
 * strings as sigs.k8s.io/yaml makes them. Throws {@link YamlProblem} with the line and the path.
 */
export function yamlDocumentToJson(doc: Document.Parsed, lines: LineCounter): JsonValue {
  return new Converter(lines).value(doc.contents, false);
}

class Converter {
  private readonly anchors = new Map<string, Node>();
  private readonly tokens: string[] = [];
  private aliasNodes = 0;
  private readonly expanding = new Set<Node>();

  constructor(private readonly lines: LineCounter) {}

  value(node: ParsedNode | Node | null, inAlias: boolean): JsonValue {
    if (node === null) return null;
    if (!inAlias && node.anchor !== undefined && !isAlias(node)) this.anchors.set(node.anchor, node);
    if (inAlias && ++this.aliasNodes > MAX_ALIAS_NODES) this.fail(node, 'document contains excessive aliasing');
    if (this.tokens.length > MAX_DEPTH) this.fail(node, `the document nests deeper than ${MAX_DEPTH} levels`, 'DOCUMENT_TOO_DEEP');
    if (isAlias(node)) return this.alias(node);
    if (isScalar(node)) return this.scalar(node);
    if (isSeq(node)) {
      const result: JsonValue[] = [];
      node.items.forEach((item, index) => {
        this.tokens.push(String(index));
        result.push(this.value(item as Node | null, inAlias));
        this.tokens.pop();
      });
      return result;
    }
    if (isMap(node)) {
      const result: JsonObject = {};
      this.mergeInto(result, node, inAlias);
      return result;
    }
    return this.fail(node, 'unsupported YAML node');
  }

  private alias(node: Alias): JsonValue {
    const target = this.anchors.get(node.source);
    if (target === undefined) return this.fail(node, `unknown anchor '${node.source}' referenced`);
    if (this.expanding.has(target)) return this.fail(node, `anchor '${node.source}' value contains itself`);
    this.expanding.add(target);
    try {
      return this.value(target, true);
    } finally {
      this.expanding.delete(target);
    }
  }

  private scalar(node: Scalar): JsonValue {
    try {
      return goScalarToJson(this.resolve(node), String(node.value));
    } catch (error) {
      if (error instanceof YamlProblem) throw error;
      return this.fail(node, (error as Error).message, /beyond ±/.test((error as Error).message));
    }
  }

  private resolve(node: Scalar) {
    const text = String(node.value);
    const tag = node.tag === undefined || node.tag === '' ? undefined : node.tag;
    if (tag === undefined && node.type !== 'PLAIN') return { kind: 'str' as const, value: text };
    if (tag === BINARY_TAG || tag === STR_TAG || tag !== undefined) return resolveGoScalar(text, tag);
    return resolveGoScalar(text, undefined);
  }

  /** Sets the pairs of a map into `result`, in order, `<<` merging as go-yaml v2 does. */
  private mergeInto(result: JsonObject, map: Node, inAlias: boolean): void {
    if (!isMap(map)) return;
    for (const pair of map.items) {
      if (!isPair(pair)) continue;
      const key = pair.key as Node | null;
      const value = pair.value as Node | null;
      if (key !== null && isScalar(key) && key.type === 'PLAIN' && key.value === '<<' && (key.tag === undefined || key.tag === 'tag:yaml.org,2002:merge')) {
        this.merge(result, value, key, inAlias);
        continue;
      }
      const name = this.key(key, map, inAlias);
      this.tokens.push(name);
      setJsonKey(result, name, this.value(value, inAlias));
      this.tokens.pop();
    }
  }

  private merge(result: JsonObject, value: Node | null, at: Node, inAlias: boolean): void {
    const mapOf = (node: Node | null): Node => {
      const target = node !== null && isAlias(node) ? this.anchors.get(node.source) : node;
      if (node !== null && isAlias(node) && target === undefined) return this.fail(node, `unknown anchor '${node.source}' referenced`);
      if (target === null || target === undefined || !isMap(target)) return this.fail(node ?? at, 'map merge requires map or sequence of maps as the value');
      if (!inAlias && node === target && target.anchor !== undefined) this.anchors.set(target.anchor, target);
      return target;
    };
    if (value !== null && isSeq(value)) {
      const maps = value.items.map((item) => mapOf(item as Node | null));
      for (let i = maps.length - 1; i >= 0; i--) this.mergeGuarded(result, maps[i] as Node, value, true);
      return;
    }
    this.mergeGuarded(result, mapOf(value), value ?? at, inAlias || (value !== null && isAlias(value)));
  }

  private mergeGuarded(result: JsonObject, map: Node, at: Node, inAlias: boolean): void {
    if (this.expanding.has(map)) this.fail(at, 'anchor value contains itself');
    this.expanding.add(map);
    try {
      this.mergeInto(result, map, inAlias);
    } finally {
      this.expanding.delete(map);
    }
  }

  private key(key: Node | null, map: Node, inAlias: boolean): string {
    const node = key !== null && isAlias(key) ? this.anchors.get(key.source) ?? this.fail(key, `unknown anchor '${key.source}' referenced`) : key;
    if (node === null) return this.fail(map, 'unsupported map key of type: <nil>');
    if (!inAlias && node.anchor !== undefined) this.anchors.set(node.anchor, node);
    if (!isScalar(node)) return this.fail(node, 'invalid map key: a mapping or sequence cannot be a key');
    try {
      return goMapKey(this.resolve(node));
    } catch (error) {
      return this.fail(node, (error as Error).message, /beyond ±/.test((error as Error).message));
    }
  }

  private fail(node: Node, message: string, code: boolean | 'DOCUMENT_TOO_DEEP' = false): never {
    const offset = node.range?.[0];
    const line = offset === undefined ? undefined : this.lines.linePos(offset).line;
    const errorCode = code === 'DOCUMENT_TOO_DEEP' ? code : code ? 'INVALID_DOCUMENT' : undefined;
    throw new YamlProblem(message, line, formatJsonPointer(this.tokens), errorCode);
  }
}
