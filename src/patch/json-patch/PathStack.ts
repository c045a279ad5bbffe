import { escapePointerToken } from '../../json/pointer.js';

/**
 * Where a walk is in a document, as the reference tokens from the root, so that going down a level
 * costs no string: the JSON Pointer is made only when an operation needs it, and each prefix's
 * pointer is kept until the walk leaves it, so a pointer costs one concatenation per new level.
 */
export class PathStack {
  readonly #tokens: string[] = [];
  /** `#pointers[k]`: the pointer of the first k tokens, if made since token k - 1 was last set. */
  readonly #pointers: Array<string | undefined> = [''];
  #length = 0;

  /** Goes down to the member or element `token` (unescaped). */
  push(token: string): void {
    this.#tokens[this.#length] = token;
    this.#pointers[++this.#length] = undefined;
  }

  pop(): void {
    this.#length--;
  }

  /** The pointer of where the walk is. */
  pointer(): string {
    return this.#pointerOf(this.#length);
  }

  /** The pointer of `token` below where the walk is. */
  pointerTo(token: string): string {
    return `${this.#pointerOf(this.#length)}/${escapePointerToken(token)}`;
  }

  #pointerOf(length: number): string {
    let known = length;
    while (this.#pointers[known] === undefined) known--;
    let pointer = this.#pointers[known]!;
    for (; known < length; known++) {
      pointer = `${pointer}/${escapePointerToken(this.#tokens[known]!)}`;
      this.#pointers[known + 1] = pointer;
    }
    return pointer;
  }
}
