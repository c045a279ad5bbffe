import fc from 'fast-check';

// Seeded generators of label and annotation keys and values, valid and not, for the metadata e2e
// tests. Built from pieces that hit each rule: the DNS subdomain prefix, the 63-character name
// part, the alphabet and its ends, emptiness, unicode, extra slashes.

const alnum = fc.constantFrom(...'abcxyzABCXYZ0189');
const inner = fc.constantFrom(...'abcXYZ019-_.');
const word = (max: number) => fc.tuple(alnum, fc.string({ unit: inner, maxLength: Math.max(0, max - 2) }), alnum).map(([a, b, c]) => a + b + c);

const dnsLabel = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,8}[a-z0-9])?$/);
const validPrefix = fc.array(dnsLabel, { minLength: 1, maxLength: 4 }).map((labels) => labels.join('.'));

/** A name part: valid, at the length limits, or breaking one rule. */
export const namePart = fc.oneof(
  { weight: 24, arbitrary: word(20) },
  fc.constant('a'),
  word(63).map((w) => w.padEnd(63, 'x').slice(0, 62) + 'z'),
  fc.constant('n'.repeat(64)),
  fc.constant(''),
  word(10).map((w) => `-${w}`),
  word(10).map((w) => `${w}.`),
  word(10).map((w) => `${w} ${w}`),
  fc.constant('café'),
  fc.constant('日本'),
  word(10).map((w) => `${w}@x`),
);

/** A prefix: valid, at 253 characters, or breaking the subdomain rules. */
export const prefixPart = fc.oneof(
  { weight: 20, arbitrary: validPrefix },
  fc.constant(`${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`),
  fc.constant(`${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(62)}`),
  fc.constant('Example.com'),
  fc.constant('example..com'),
  fc.constant('-example.com'),
  fc.constant('under_score.io'),
  fc.constant(''),
  fc.constant('bücher.de'),
);

/** A label or annotation key: a name, a prefix and a name, or too many slashes. */
export const metadataKey = fc.oneof(
  { weight: 6, arbitrary: namePart },
  { weight: 8, arbitrary: fc.tuple(prefixPart, namePart).map(([p, n]) => `${p}/${n}`) },
  fc.tuple(validPrefix, namePart, namePart).map(([p, a, b]) => `${p}/${a}/${b}`),
  fc.constant('/'),
);

/** A label value: valid, empty, at 63 and 64 characters, or breaking the alphabet. */
export const labelValue = fc.oneof(
  { weight: 24, arbitrary: word(20) },
  fc.constant(''),
  fc.constant('v'.repeat(63)),
  fc.constant('v'.repeat(64)),
  word(8).map((w) => `${w}-`),
  word(8).map((w) => `${w} ${w}`),
  fc.constant('ünïcode'),
  fc.constant('x'.repeat(70) + ' '),
);

/** `count` samples of `arbitrary` with the suite's fixed seed (test/setup.ts), `salt` telling samples of one file apart. */
export function seededSample<T>(arbitrary: fc.Arbitrary<T>, count: number, salt: number): T[] {
  const seed = (fc.readConfigureGlobal().seed ?? 20261123) + salt;
  return fc.sample(arbitrary, { numRuns: count, seed });
}
