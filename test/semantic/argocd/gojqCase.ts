import type { JsonValue } from 'kubepatch';

/** What gojq answered for a program and an input. */
export type GojqResult = { readonly outputs: readonly JsonValue[] } | { readonly error: true } | { readonly syntaxError: true };

/** A jq program, its input, and gojq v0.12.17's answer. */
export type GojqCase = readonly [program: string, input: JsonValue, gojq: GojqResult];
