import { JqCompileError, type JqToken } from './lexJq.js';

/**
 * A position in a token list, and the checks a recursive-descent parser makes on it.
 * @example
 * ```ts
 * class Reader extends JqTokenCursor { ident(): void { this.take('if'); } }
 * ```
 * @internal
 */
export class JqTokenCursor {
  protected i = 0;
  constructor(protected readonly tokens: readonly JqToken[]) {}

  protected get peek(): JqToken {
    return this.tokens[this.i]!;
  }

  protected isPunct(text: string): boolean {
    const t = this.peek;
    return t.kind === 'punct' && t.text === text;
  }

  protected isIdent(text: string): boolean {
    const t = this.peek;
    return t.kind === 'ident' && t.text === text;
  }

  protected take(text: string): void {
    if (!this.isPunct(text) && !this.isIdent(text)) this.fail(`expected ${JSON.stringify(text)}`);
    this.i++;
  }

  protected fail(message: string, reason: 'syntax' | 'unsupported' = 'syntax'): never {
    const t = this.peek;
    const found = t.kind === 'end' ? 'end of the expression' : t.kind === 'number' ? String(t.value) : JSON.stringify(t.text);
    throw new JqCompileError(reason === 'syntax' ? `${message}, found ${found}` : message, t.at, reason);
  }
}
