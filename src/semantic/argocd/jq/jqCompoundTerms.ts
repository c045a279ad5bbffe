import type { JqNode } from './JqAst.js';
import { JqCompileError } from './lexJq.js';
import { JqTokenCursor } from './jqTokenCursor.js';

/**
 * Object construction and `if … end`, for the parser of `parseJq`.
 * @example
 * ```ts
 * class Parser extends JqCompoundTerms { pipe(): JqNode { return this.object(); } protected postfix(): JqNode { return this.conditional(); } }
 * ```
 * @internal
 */
export abstract class JqCompoundTerms extends JqTokenCursor {
  /** The variables bound around the position being parsed. */
  protected readonly scope: string[] = [];
  /** A whole expression (lowest precedence). */
  abstract pipe(): JqNode;
  /** A term with its suffixes. */
  protected abstract postfix(): JqNode;

  protected object(): JqNode {
    this.take('{');
    const entries: { key: JqNode; value: JqNode }[] = [];
    while (!this.isPunct('}')) {
      if (entries.length > 0) this.take(',');
      const t = this.peek;
      let key: JqNode;
      let shorthand: JqNode | undefined;
      if (t.kind === 'ident' || t.kind === 'string') {
        this.i++;
        key = { type: 'literal', value: t.text };
        shorthand = { type: 'chain', base: { type: 'identity' }, steps: [{ kind: 'field', name: t.text, optional: false }] };
      } else if (t.kind === 'variable') {
        if (!this.scope.includes(t.text)) throw new JqCompileError(`variable not defined: $${t.text}`, t.at, 'syntax');
        this.i++;
        key = { type: 'literal', value: t.text };
        shorthand = { type: 'variable', name: t.text };
      } else if (this.isPunct('(')) {
        this.i++;
        key = this.pipe();
        this.take(')');
      } else return this.fail('unexpected token in object construction');
      if (this.isPunct(':')) {
        this.i++;
        entries.push({ key, value: this.objectValue() });
      } else if (shorthand !== undefined) entries.push({ key, value: shorthand });
      else this.fail('expected ":"');
    }
    this.i++;
    return { type: 'object', entries };
  }

  /** gojq's object value: terms (or negated terms) joined by `|`, no `,` without parentheses. */
  private objectValue(): JqNode {
    const part = (): JqNode => (this.isPunct('-') ? (this.i++, { type: 'negate', operand: this.postfix() }) : this.postfix());
    let value = part();
    while (this.isPunct('|')) {
      this.i++;
      value = { type: 'pipe', left: value, right: part() };
    }
    return value;
  }

  protected conditional(): JqNode {
    this.take('if');
    return this.conditionalRest();
  }

  /** `cond then body (elif …)* (else body)? end`; an `elif` is an `if` in the else branch sharing the one `end`. */
  private conditionalRest(): JqNode {
    const cond = this.pipe();
    this.take('then');
    const then = this.pipe();
    if (this.isIdent('elif')) {
      this.i++;
      return { type: 'if', cond, then, else: this.conditionalRest() };
    }
    let otherwise: JqNode | undefined;
    if (this.isIdent('else')) {
      this.i++;
      otherwise = this.pipe();
    }
    this.take('end');
    return { type: 'if', cond, then, else: otherwise };
  }
}
