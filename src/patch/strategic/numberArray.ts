/** An array of small integers: typed when long, plain when short. */
export type NumberArray = Int32Array | number[];

/**
 * An array of `length` small integers, all `value`. A typed array costs more to make than a
 * short list's worth of numbers (and merge lists are mostly short), a plain one more memory and
 * collection when long.
 */
export function numberArray(length: number, value: number): NumberArray {
  if (length > 64) return new Int32Array(length).fill(value);
  const numbers: number[] = [];
  for (let i = 0; i < length; i++) numbers.push(value);
  return numbers;
}
