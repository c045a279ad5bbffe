const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * The standard base64 (RFC 4648 §4, padded) of the UTF-8 bytes of `text`, as
 * `Buffer.from(text, 'utf8').toString('base64')` and Go's `base64.StdEncoding` write it: what the
 * API server stores in a Secret's `data` for a `stringData` value. `TextEncoder` encodes a lone
 * surrogate as U+FFFD, as `Buffer` does. No Node built-in is used.
 */
export function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    out += alphabet.charAt(n >> 18) + alphabet.charAt((n >> 12) & 63) + alphabet.charAt((n >> 6) & 63) + alphabet.charAt(n & 63);
  }
  const left = bytes.length - i;
  if (left === 1) {
    const n = (bytes[i] as number) << 16;
    out += `${alphabet.charAt(n >> 18)}${alphabet.charAt((n >> 12) & 63)}==`;
  } else if (left === 2) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8);
    out += `${alphabet.charAt(n >> 18)}${alphabet.charAt((n >> 12) & 63)}${alphabet.charAt((n >> 6) & 63)}=`;
  }
  return out;
}
