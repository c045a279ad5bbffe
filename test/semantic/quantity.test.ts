// resource.Quantity: every example of ../shared/reference/semantic-diff-and-style.md §A4 as a
// table (value, format, the string the API server stores), the bad strings, and the API's
// contracts (frozen results, Quantity inputs, JSON numbers).
import { describe, expect, it } from 'vitest';
import { InvalidQuantityError, isKubepatchError, canonicalQuantity, compareQuantities, isValidQuantity, parseQuantity, quantitiesEqual, type Quantity, type QuantityFormat } from 'kubepatch';

/** The exact value of a quantity as a plain decimal (`"0.000000002"`, `"1073741824"`). */
function plainDecimal({ mantissa, exponent }: Quantity): string {
  const sign = mantissa < 0n ? '-' : '';
  const digits = (mantissa < 0n ? -mantissa : mantissa).toString();
  if (exponent >= 0) return sign + digits + '0'.repeat(exponent);
  const padded = digits.padStart(-exponent + 1, '0');
  return `${sign}${padded.slice(0, exponent)}.${padded.slice(exponent)}`;
}

type Row = readonly [input: string | number, value: string, format: QuantityFormat, stored: string];

// [input, exact value, format, what the API server stores (Quantity.String())]
const TABLE: readonly Row[] = [
  // Grammar: "`E` alone = exa; `1E3`/`1e+3` = exponent".
  ['1E', '1000000000000000000', 'DecimalSI', '1E'],
  ['1E3', '1000', 'DecimalExponent', '1E3'],
  ['1e+3', '1000', 'DecimalExponent', '1e+3'],
  // Value: "magnitude rounded up to 1n (10^-9)".
  ['1.1n', '0.000000002', 'DecimalSI', '2n'],
  ['0.0000000001', '0.000000001', 'DecimalSI', '1n'],
  ['-0.0000000001', '-0.000000001', 'DecimalSI', '-1n'],
  ['0.1m', '0.0001', 'DecimalSI', '100u'],
  ['100u', '0.0001', 'DecimalSI', '100u'],
  // "BinarySI is capped at 2^63-1".
  ['8Ei', '9223372036854775807', 'BinarySI', '9223372036854775807'],
  ['-8Ei', '-9223372036854775807', 'BinarySI', '-9223372036854775807'],
  // "BinarySI with 0<|v|<1 becomes DecimalSI".
  ['0.0005Ki', '0.512', 'DecimalSI', '512m'],
  // Equality examples: "`1Gi`=`1024Mi`=`1073741824`, `1000m`=`1`, `0.5`=`500m`, `100m`=`0.1`".
  ['1Gi', '1073741824', 'BinarySI', '1Gi'],
  ['1024Mi', '1073741824', 'BinarySI', '1Gi'],
  ['1073741824', '1073741824', 'DecimalSI', '1073741824'],
  ['1G', '1000000000', 'DecimalSI', '1G'],
  ['0.5', '0.5', 'DecimalSI', '500m'],
  ['500m', '0.5', 'DecimalSI', '500m'],
  ['100m', '0.1', 'DecimalSI', '100m'],
  ['0.1', '0.1', 'DecimalSI', '100m'],
  // Verbatim cache: "`1.500`, `007`, `+1`, `1E3`, `1e0`, `3Ki`, `1025Ki` are stored exactly as written".
  ['1.500', '1.5', 'DecimalSI', '1.500'],
  ['007', '7', 'DecimalSI', '007'],
  ['+1', '1', 'DecimalSI', '+1'],
  ['1e0', '1', 'DecimalExponent', '1e0'],
  ['3Ki', '3072', 'BinarySI', '3Ki'],
  ['1025Ki', '1049600', 'BinarySI', '1025Ki'],
  // Canonical BinarySI: "`1.5Gi`→`1536Mi`, `2048Ki`→`2Mi`, `1.5Ki`→`1536`, `0.5Ki`→`512`, `0.1Gi`→`107374182400m`".
  ['1.5Gi', '1610612736', 'BinarySI', '1536Mi'],
  ['2048Ki', '2097152', 'BinarySI', '2Mi'],
  ['1.5Ki', '1536', 'BinarySI', '1536'],
  ['0.5Ki', '512', 'BinarySI', '512'],
  ['0.1Gi', '107374182.4', 'BinarySI', '107374182400m'],
  // Canonical DecimalSI / DecimalExponent.
  ['1000m', '1', 'DecimalSI', '1'],
  ['1.5', '1.5', 'DecimalSI', '1500m'],
  ['1000M', '1000000000', 'DecimalSI', '1G'],
  ['1500M', '1500000000', 'DecimalSI', '1500M'],
  ['1000000', '1000000', 'DecimalSI', '1M'],
  ['12.5m', '0.0125', 'DecimalSI', '12500u'],
  ['1e4', '10000', 'DecimalExponent', '10e3'],
  ['1.2e3', '1200', 'DecimalExponent', '1200'],
  // Beyond the `E` suffix: kubernetes/kubernetes#140459 writes an exponent (older servers print `1`).
  ['1000E', '1000000000000000000000', 'DecimalSI', '1e21'],
  // Negative values and zero: "`-1000m`→`-1`, `-0`→`0`".
  ['-1000m', '-1', 'DecimalSI', '-1'],
  ['-0', '0', 'DecimalSI', '0'],
  ['0', '0', 'DecimalSI', '0'],
  ['0Ki', '0', 'BinarySI', '0'],
  ['0.000', '0', 'DecimalSI', '0'],
  // Corners of the scanner, checked against kubectl 1.32.
  ['1.Ki', '1024', 'BinarySI', '1.Ki'],
  ['1.Ei', '1152921504606846976', 'BinarySI', '1Ei'],
  ['+.5', '0.5', 'DecimalSI', '500m'],
  ['1e01', '10', 'DecimalExponent', '10'],
  ['1e-03', '0.001', 'DecimalExponent', '1e-03'],
  ['1e-12', '0.000000001', 'DecimalExponent', '1e-9'],
  ['123456789012345678901234567890', '123456789012345678901234567890', 'DecimalSI', '123456789012345678901234567890'],
  ['18446744073709551616', '18446744073709551616', 'DecimalSI', '18446744073709551616'],
  ['1.2345', '1.2345', 'DecimalSI', '1234500u'],
  // JSON numbers (`cpu: 1` in YAML): read from the text JSON.stringify writes, as the API server receives it.
  [1, '1', 'DecimalSI', '1'],
  [0.5, '0.5', 'DecimalSI', '500m'],
  [1000, '1000', 'DecimalSI', '1k'],
  [-2.5, '-2.5', 'DecimalSI', '-2500m'],
  [1e21, '1000000000000000000000', 'DecimalExponent', '1e+21'],
  [1e-7, '0.0000001', 'DecimalExponent', '100e-9'],
];

describe('parseQuantity / canonicalQuantity: the §A4 examples', () => {
  it.each(TABLE)('%j is %s (%s) and is stored as %j', (input, value, format, stored) => {
    const quantity = parseQuantity(input);
    expect(plainDecimal(quantity)).toBe(value);
    expect(quantity.format).toBe(format);
    expect(Object.is(quantity.exponent, -0)).toBe(false);
    expect(canonicalQuantity(input)).toBe(stored);
    expect(canonicalQuantity(quantity)).toBe(stored);
    if (stored !== quantity.text) expect(quantity.verbatim).toBe(false);
  });

  it('the verbatim cache holds for canonical-looking text on the int64 fast path only', () => {
    const kept = ['1.500', '007', '+1', '1E3', '1e0', '3Ki', '1025Ki', '1.Ki', '1e-03', '0', '500m', '-3Ki', '999999999999999999'];
    expect(kept.filter((text) => !parseQuantity(text).verbatim)).toEqual([]);
    // Too many digits for an int64, a scale finer than nano, a scale that is not a multiple of 3,
    // "000" at the end, a leading zero after the leading zeros are gone, a binary number divisible by 8,
    // a binary number too long for its suffix, a fraction with a binary suffix.
    const recomputed = ['1000000000000000000', '0.0000000001', '1.5', '1000', '0.5', '8Ki', '100Ti', '1Pi', '1.5Ki', '00'];
    expect(recomputed.filter((text) => parseQuantity(text).verbatim)).toEqual([]);
  });

  it('without the verbatim cache, every value gets its canonical form', () => {
    const forms = ['1.500', '007', '+1', '1E3', '1e0', '3Ki', '1025Ki', '1.Ki', '1e-03'].map((text) => canonicalQuantity(text, { verbatim: false }));
    expect(forms).toEqual(['1500m', '7', '1', '1e3', '1', '3Ki', '1025Ki', '1Ki', '1e-3']);
  });
});

describe('compareQuantities / quantitiesEqual', () => {
  it('compare by value, whatever the format', () => {
    expect(quantitiesEqual('1Gi', '1024Mi')).toBe(true);
    expect(quantitiesEqual('1024Mi', '1073741824')).toBe(true);
    expect(quantitiesEqual('1000m', '1')).toBe(true);
    expect(quantitiesEqual('0.5', '500m')).toBe(true);
    expect(quantitiesEqual('100m', '0.1')).toBe(true);
    expect(quantitiesEqual('100m', 0.1)).toBe(true);
    expect(quantitiesEqual(1, '1000m')).toBe(true);
    expect(quantitiesEqual('1e3', '1k')).toBe(true);
    expect(quantitiesEqual('8Ei', '9223372036854775807')).toBe(true);
    expect(quantitiesEqual('0.1n', '1n')).toBe(true);
  });

  it('1G is not 1Gi', () => {
    expect(quantitiesEqual('1G', '1Gi')).toBe(false);
    expect(compareQuantities('1G', '1Gi')).toBe(-1);
    expect(compareQuantities('1Gi', '1G')).toBe(1);
    expect(compareQuantities('1Ti', '1T')).toBe(1);
  });

  it('order values across formats and signs', () => {
    const sorted = ['2G', '-1', '1Gi', '100M', '0', '-1500m', '1e-3', '1E'].sort(compareQuantities);
    expect(sorted).toEqual(['-1500m', '-1', '0', '1e-3', '100M', '1Gi', '2G', '1E']);
    expect(compareQuantities('1e40', '1e39')).toBe(1);
    expect(compareQuantities('-1e40', '-1e39')).toBe(-1);
    expect(compareQuantities('1e-2147483647', '1n')).toBe(0);
    expect(compareQuantities('1e2147483647', '9e2147483646')).toBe(1);
  });
});

describe('bad strings', () => {
  const BAD: readonly (string | number)[] = [
    '1GB', '1.5 Gi', 'm', '', '--1', '1e', 'K', '1K', 'ki', '1ki', '1mi', '1 ', ' 1', '1e+', '1e3.5', '1.5.5',
    '1Ki3', '1e3e3', '1ee3', 'e3', 'Ki', '.', '-', '+', '0x10', '1_000', '１', 'Infinity', '1µ', '1e4294967297',
    '1e-9223372036854775809', '1e-2147483648', '1.5e-2147483647', '1000e2147483647', Number.NaN, Number.POSITIVE_INFINITY,
  ];

  it.each(BAD)('%j throws InvalidQuantityError with the text', (text) => {
    let thrown: unknown;
    try {
      parseQuantity(text);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidQuantityError);
    expect(isKubepatchError(thrown, 'INVALID_QUANTITY')).toBe(true);
    expect((thrown as InvalidQuantityError).quantity).toBe(String(text));
    expect((thrown as InvalidQuantityError).message).toContain(`${JSON.stringify(String(text))} is not a quantity`);
    expect(isValidQuantity(text)).toBe(false);
    expect(() => canonicalQuantity(text)).toThrow(InvalidQuantityError);
    expect(() => compareQuantities(text, '1')).toThrow(InvalidQuantityError);
  });

  it('say what is wrong', () => {
    expect(() => parseQuantity('1GB')).toThrow('"GB" is not a quantity suffix');
    expect(() => parseQuantity('1.5 Gi')).toThrow('no whitespace is allowed');
    expect(() => parseQuantity('1ki')).toThrow('suffixes are case-sensitive');
    expect(() => parseQuantity('1e')).toThrow('needs an integer');
    expect(() => parseQuantity('1e4294967297')).toThrow('int32');
  });

  it('refuse what is not a string, a number or a Quantity', () => {
    for (const value of [null, undefined, true, {}, [], 1n, { text: '1', format: 'Decimal', mantissa: 1n, exponent: 0, verbatim: true }]) {
      expect(() => parseQuantity(value as never)).toThrow(InvalidQuantityError);
      expect(isValidQuantity(value)).toBe(false);
    }
  });
});

describe('the Quantity value', () => {
  it('is frozen, and passes through parseQuantity unchanged', () => {
    const quantity = parseQuantity('1.5Gi');
    expect(Object.isFrozen(quantity)).toBe(true);
    expect(parseQuantity(quantity)).toBe(quantity);
    expect(quantity).toEqual({ text: '1.5Gi', format: 'BinarySI', mantissa: 1610612736n, exponent: 0, verbatim: false });
  });

  it('keeps every digit and no floating point', () => {
    expect(parseQuantity('0.1')).toMatchObject({ mantissa: 1n, exponent: -1 });
    expect(compareQuantities('0.3', '300m')).toBe(0);
    expect(quantitiesEqual(0.1 + 0.2, '0.30000000000000004')).toBe(true);
    expect(quantitiesEqual(0.1 + 0.2, '0.3')).toBe(false);
    expect(compareQuantities('123456789012345678901234567891', '123456789012345678901234567890')).toBe(1);
    expect(plainDecimal(parseQuantity('99999999999999999999.999999999'))).toBe('99999999999999999999.999999999');
  });

  it('accepts a huge exponent without writing out its digits', () => {
    const quantity = parseQuantity('1e2000000000');
    expect(quantity).toMatchObject({ mantissa: 1n, exponent: 2000000000, format: 'DecimalExponent', verbatim: false });
    expect(canonicalQuantity(quantity)).toBe('100e1999999998');
    expect(canonicalQuantity('1e-2000000000')).toBe('1e-9');
  });
});
