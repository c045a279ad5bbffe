import type { JqNode, JqOperator, JqStep } from './JqAst.js';
import { GOJQ_FUNCTIONS } from './gojqFunctions.js';
import { SUPPORTED_FUNCTIONS } from './jqFunctions.js';
import { JqCompileError, lexJq } from './lexJq.js';
import { JqCompoundTerms } from './jqCompoundTerms.js';

const KEYWORDS = new Set(['def', 'if', 'then', 'elif', 'else', 'end', 'as', 'reduce', 'foreach', 'try', 'catch', 'label', 'import', 'include', 'and', 'or', '__loc__']);
const COMPARISONS = new Set(['==', '!=', '<', '<=', '>', '>=']);
const ASSIGNMENTS = new Set(['=', '|=', '+=', '-=', '*=', '/=', '%=', '//=']);

/**
 * Parses a jq program of the subset kubepatch runs, with gojq's grammar and precedence (lowest
 * first: `|`, `,`, `//` (right), `or`, `and`, comparisons (non-associative), `+ -`, `* / %`,
 * unary `-`, then a term and its suffixes). `Term as $name | body` binds a variable. A `?`
 * after a suffix guards that suffix only (`.a.b?` still fails when `.a` is a string), after a
 * plain term the term. Throws {@link JqCompileError}.
 * @example
 * ```ts
 * parseJq('.spec.containers[] | select(.name == "app")').type; // 'pipe'
 * ```
 * @internal
 */
export function parseJq(source: string): JqNode {
  const parser = new Parser(lexJq(source));
  const node = parser.pipe();
  parser.expectEnd();
  return node;
}

class Parser extends JqCompoundTerms {
  expectEnd(): void {
    if (this.peek.kind !== 'end') this.fail('unexpected token');
  }

  pipe(): JqNode {
    if (this.isIdent('def')) this.fail('function definitions (def) are not supported', 'unsupported');
    if (this.isIdent('label')) this.fail('label/break is not supported', 'unsupported');
    const start = this.i;
    if (this.startsTerm()) {
      const term = this.postfix();
      if (this.isIdent('as')) {
        this.i++;
        const variable = this.peek;
        if (variable.kind !== 'variable') this.fail('destructuring patterns in "as" are not supported', this.isPunct('[') || this.isPunct('{') ? 'unsupported' : 'syntax');
        this.i++;
        if (this.isPunct('?//')) this.fail('the ?// destructuring alternative is not supported', 'unsupported');
        this.take('|');
        this.scope.push(variable.text);
        const body = this.pipe();
        this.scope.pop();
        return { type: 'bind', source: term, name: variable.text, body };
      }
      this.i = start;
    }
    const left = this.comma();
    if (!this.isPunct('|')) return left;
    this.i++;
    return { type: 'pipe', left, right: this.pipe() };
  }

  private startsTerm(): boolean {
    const t = this.peek;
    if (t.kind === 'end') return false;
    if (t.kind === 'punct') return ['.', '..', '[', '{', '('].includes(t.text);
    return t.kind !== 'ident' || !KEYWORDS.has(t.text) || ['if', 'try', 'reduce', 'foreach'].includes(t.text);
  }

  private comma(): JqNode {
    let left = this.alternative();
    while (this.isPunct(',')) {
      this.i++;
      left = { type: 'comma', left, right: this.alternative() };
    }
    return left;
  }

  private alternative(): JqNode {
    const left = this.or();
    if (ASSIGNMENTS.has(this.peek.kind === 'punct' ? this.peek.text : '')) this.fail('assignment operators (=, |=, +=, …) are not supported', 'unsupported');
    if (!this.isPunct('//')) return left;
    this.i++;
    return { type: 'alternative', left, right: this.alternative() };
  }

  private or(): JqNode {
    let left = this.and();
    while (this.isIdent('or')) {
      this.i++;
      left = { type: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): JqNode {
    let left = this.comparison();
    while (this.isIdent('and')) {
      this.i++;
      left = { type: 'and', left, right: this.comparison() };
    }
    return left;
  }

  private comparison(): JqNode {
    const left = this.additive();
    const t = this.peek;
    if (t.kind !== 'punct' || !COMPARISONS.has(t.text)) return left;
    this.i++;
    const node: JqNode = { type: 'binary', op: t.text as JqOperator, left, right: this.additive() };
    const next = this.peek;
    if (next.kind === 'punct' && COMPARISONS.has(next.text)) this.fail('comparison operators do not chain');
    return node;
  }

  private additive(): JqNode {
    let left = this.multiplicative();
    for (let t = this.peek; t.kind === 'punct' && (t.text === '+' || t.text === '-'); t = this.peek) {
      this.i++;
      left = { type: 'binary', op: t.text, left, right: this.multiplicative() };
    }
    return left;
  }

  private multiplicative(): JqNode {
    let left = this.unary();
    for (let t = this.peek; t.kind === 'punct' && (t.text === '*' || t.text === '/' || t.text === '%'); t = this.peek) {
      this.i++;
      left = { type: 'binary', op: t.text, left, right: this.unary() };
    }
    return left;
  }

  private unary(): JqNode {
    if (!this.isPunct('-')) return this.postfix();
    this.i++;
    return { type: 'negate', operand: this.unary() };
  }

  /** A term and its suffixes: `.a`, `."a"`, `.[e]`, `[e]`, `[e:e]`, `[]`, each optionally followed by `?`. */
  protected postfix(): JqNode {
    let base = this.primary();
    const steps: JqStep[] = [];
    for (;;) {
      const t = this.peek;
      if (t.kind === 'field') {
        this.i++;
        steps.push({ kind: 'field', name: t.text, optional: false });
      } else if (this.isPunct('.') && this.tokens[this.i + 1]?.kind === 'string') {
        this.i++;
        steps.push({ kind: 'field', name: (this.peek as { text: string }).text, optional: false });
        this.i++;
      } else if (this.isPunct('[') || (this.isPunct('.') && this.tokens[this.i + 1]?.kind === 'punct' && (this.tokens[this.i + 1] as { text: string }).text === '[')) {
        if (this.isPunct('.')) this.i++;
        steps.push(this.bracket());
      } else if (this.isPunct('?')) {
        this.i++;
        const last = steps.pop();
        if (last === undefined) base = { type: 'try', body: base, handler: undefined };
        else steps.push({ ...last, optional: true });
      } else break;
    }
    return steps.length === 0 ? base : { type: 'chain', base, steps };
  }

  private bracket(): JqStep {
    this.take('[');
    if (this.isPunct(']')) {
      this.i++;
      return { kind: 'iterate', optional: false };
    }
    if (this.isPunct(':')) {
      this.i++;
      const to = this.pipe();
      this.take(']');
      return { kind: 'slice', from: undefined, to, optional: false };
    }
    const key = this.pipe();
    if (this.isPunct(':')) {
      this.i++;
      const to = this.isPunct(']') ? undefined : this.pipe();
      this.take(']');
      return { kind: 'slice', from: key, to, optional: false };
    }
    this.take(']');
    return { kind: 'index', key, optional: false };
  }

  private primary(): JqNode {
    const t = this.peek;
    switch (t.kind) {
      case 'field':
        return { type: 'identity' }; // the suffix loop reads the field
      case 'number':
        this.i++;
        return { type: 'literal', value: t.value, integer: t.integer };
      case 'string':
        this.i++;
        return { type: 'literal', value: t.text };
      case 'variable':
        this.i++;
        if (t.text === 'ENV') this.fail('$ENV is not supported', 'unsupported');
        if (!this.scope.includes(t.text)) throw new JqCompileError(`variable not defined: $${t.text}`, t.at, 'syntax');
        return { type: 'variable', name: t.text };
      case 'format':
        return this.fail(`@${t.text} formats are not supported`, 'unsupported');
      case 'end':
        return this.fail('unexpected end of the expression');
      case 'punct':
        return this.punctuation(t.text);
      case 'ident':
        return this.word(t.text);
    }
  }

  private punctuation(text: string): JqNode {
    if (text === '.') {
      this.i++;
      return { type: 'identity' };
    }
    if (text === '..') {
      this.i++;
      return { type: 'recurseDefault' };
    }
    if (text === '(') {
      this.i++;
      const inner = this.pipe();
      this.take(')');
      return inner;
    }
    if (text === '[') {
      this.i++;
      if (this.isPunct(']')) {
        this.i++;
        return { type: 'array', body: undefined };
      }
      const body = this.pipe();
      this.take(']');
      return { type: 'array', body };
    }
    if (text === '{') return this.object();
    return this.fail('unexpected token');
  }

  private word(name: string): JqNode {
    if (name === 'true' || name === 'false' || name === 'null') {
      this.i++;
      return { type: 'literal', value: name === 'null' ? null : name === 'true' };
    }
    if (name === 'if') return this.conditional();
    if (name === 'try') {
      this.i++;
      const body = this.postfix();
      if (!this.isIdent('catch')) return { type: 'try', body, handler: undefined };
      this.i++;
      return { type: 'try', body, handler: this.postfix() };
    }
    if (name === 'reduce' || name === 'foreach') this.fail(`${name} is not supported`, 'unsupported');
    if (KEYWORDS.has(name)) this.fail('unexpected keyword');
    this.i++;
    const args: JqNode[] = [];
    if (this.isPunct('(')) {
      this.i++;
      args.push(this.pipe());
      while (this.isPunct(';')) {
        this.i++;
        args.push(this.pipe());
      }
      this.take(')');
    }
    const signature = `${name}/${args.length}`;
    if (!SUPPORTED_FUNCTIONS.has(signature)) {
      if (GOJQ_FUNCTIONS.has(signature)) this.fail(`the jq function ${signature} is not supported`, 'unsupported');
      this.fail(`function not defined: ${signature}`);
    }
    return { type: 'call', name, args };
  }
}
