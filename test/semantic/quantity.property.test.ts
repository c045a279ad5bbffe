// resource.Quantity properties: the canonical form parses back to the same value; comparison is
// a total order that agrees with the exact value, computed independently of kubepatch from the
// parts each random quantity was built from (quantityArbitraries.ts).
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { canonicalQuantity, compareQuantities, parseQuantity, quantitiesEqual } from 'kubepatch';
import {
  compareFractions,
  decimalTextValue,
  expectedValue,
  generatedQuantity,
  roundedToNano,
  type Fraction,
} from './quantityArbitraries.js';

/** The value kubepatch found, as a fraction. */
function valueOf(input: string | number): Fraction {
  const { mantissa, exponent } = parseQuantity(input);
  return exponent >= 0
    ? { numerator: mantissa * 10n ** BigInt(exponent), denominator: 1n }
    : { numerator: mantissa, denominator: 10n ** BigInt(-exponent) };
}

// A canonical string: an integer without leading zeros and at most one suffix; a decimal mantissa
// never ends in 000 (the suffix would be larger), a binary one is never divisible by 1024.
const CANONICAL = /^(0|-?[1-9][0-9]*)(n|u|m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei|e-?[1-9][0-9]*)?$/;

describe('parseQuantity', () => {
  test.prop([generatedQuantity], { numRuns: 2000 })('finds the exact value Go gives the text', (q) => {
    expect(compareFractions(valueOf(q.text), expectedValue(q))).toBe(0);
  });

  test.prop([fc.double({ noNaN: true, noDefaultInfinity: true })], { numRuns: 1000 })(
    'reads a JSON number as the decimal JSON.stringify writes for it, rounded up to nano',
    (n) => {
      expect(compareFractions(valueOf(n), roundedToNano(decimalTextValue(JSON.stringify(n))))).toBe(0);
      expect(quantitiesEqual(n, JSON.stringify(n))).toBe(true);
    },
  );
});

describe('canonicalQuantity', () => {
  test.prop([generatedQuantity], { numRuns: 2000 })('parses back to the same value', (q) => {
    const stored = canonicalQuantity(q.text);
    const canonical = canonicalQuantity(q.text, { verbatim: false });
    expect(compareFractions(valueOf(stored), expectedValue(q))).toBe(0);
    expect(compareFractions(valueOf(canonical), expectedValue(q))).toBe(0);
    expect(compareQuantities(canonical, q.text)).toBe(0);
  });

  test.prop([generatedQuantity], { numRuns: 2000 })('is canonical, and a fixed point', (q) => {
    const canonical = canonicalQuantity(q.text, { verbatim: false });
    expect(canonical).toMatch(CANONICAL);
    const [, mantissa = '', suffix = ''] = CANONICAL.exec(canonical)!;
    if (/i$/.test(suffix) || (suffix === '' && parseQuantity(q.text).format === 'BinarySI')) {
      if (suffix !== '') expect(BigInt(mantissa) % 1024n).not.toBe(0n);
    } else {
      expect(mantissa).not.toMatch(/[1-9]000$/);
    }
    expect(canonicalQuantity(canonical)).toBe(canonical);
    expect(canonicalQuantity(canonical, { verbatim: false })).toBe(canonical);
    expect(canonicalQuantity(canonicalQuantity(q.text))).toBe(canonicalQuantity(q.text));
  });

  test.prop([generatedQuantity], { numRuns: 1000 })('keeps the text only where Go does, and then it means the same', (q) => {
    const quantity = parseQuantity(q.text);
    const stored = canonicalQuantity(quantity);
    if (quantity.verbatim) expect(stored).toBe(q.text);
    else expect(stored).toBe(canonicalQuantity(quantity, { verbatim: false }));
    // A parsed quantity keeps its format unless it is a binary value between -1 and 1.
    const suffixFormat = /[KMGTPE]i$/.test(q.text) ? 'BinarySI' : /[eE][+-]?[0-9]+$/.test(q.text) ? 'DecimalExponent' : 'DecimalSI';
    const fraction = expectedValue(q);
    const belowOne = fraction.numerator !== 0n && compareFractions({ numerator: fraction.numerator < 0n ? -fraction.numerator : fraction.numerator, denominator: fraction.denominator }, { numerator: 1n, denominator: 1n }) < 0;
    expect(quantity.format).toBe(suffixFormat === 'BinarySI' && belowOne ? 'DecimalSI' : suffixFormat);
  });
});

describe('compareQuantities', () => {
  test.prop([generatedQuantity, generatedQuantity], { numRuns: 2000 })('agrees with the exact values, and is antisymmetric', (a, b) => {
    const order = compareQuantities(a.text, b.text);
    expect(order).toBe(compareFractions(expectedValue(a), expectedValue(b)));
    expect(compareQuantities(b.text, a.text)).toBe(-order || 0);
    expect(quantitiesEqual(a.text, b.text)).toBe(order === 0);
  });

  test.prop([generatedQuantity, generatedQuantity, generatedQuantity], { numRuns: 1000 })('is transitive', (a, b, c) => {
    const [x, y, z] = [a.text, b.text, c.text].sort(compareQuantities) as [string, string, string];
    expect(compareQuantities(x, y)).toBeLessThanOrEqual(0);
    expect(compareQuantities(y, z)).toBeLessThanOrEqual(0);
    expect(compareQuantities(x, z)).toBeLessThanOrEqual(0);
  });

  test.prop([generatedQuantity], { numRuns: 500 })('is reflexive, across the text, the Quantity and the canonical form', (q) => {
    const quantity = parseQuantity(q.text);
    expect(compareQuantities(q.text, quantity)).toBe(0);
    expect(compareQuantities(quantity, canonicalQuantity(quantity))).toBe(0);
  });

  // Below the 2^63-1 cap of binary SI, which would make 10E larger than 10Ei.
  const prefixed = fc
    .integer({ min: 1, max: 6 })
    .chain((k) => fc.tuple(fc.constant(k), fc.bigInt({ min: 1n, max: (2n ** 63n - 1n) / 1024n ** BigInt(k) })));
  test.prop([prefixed], { numRuns: 500 })('never finds nG equal to nGi: 1000^k < 1024^k', ([k, n]) => {
    const decimal = `${n}${'kMGTPE'[k - 1]}`;
    const binary = `${n}${'KMGTPE'[k - 1]}i`;
    expect(quantitiesEqual(decimal, binary)).toBe(false);
    expect(compareQuantities(decimal, binary)).toBe(-1);
  });

  test.prop([fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ noNaN: true, noDefaultInfinity: true })], { numRuns: 1000 })(
    'orders JSON numbers as their values, up to the nano rounding',
    (a, b) => {
      const order = compareQuantities(a, b);
      if (a < b) expect(order).toBeLessThanOrEqual(0);
      if (a > b) expect(order).toBeGreaterThanOrEqual(0);
      if (a === b) expect(order).toBe(0);
    },
  );
});
