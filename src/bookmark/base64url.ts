/** URL-safe Base64 alphabet: printable ASCII that no LMS, form encoding or SQL column mangles. */
export const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE = new Map([...ALPHABET].map((c, i) => [c, i]));

export const digit = (n: number): string => ALPHABET[n] ?? '';
export const valueOf = (c: string): number => VALUE.get(c) ?? -1;

export function encodeInt(n: number): string {
  let out = '';
  do {
    out = digit(n % 64) + out;
    n = Math.floor(n / 64);
  } while (n > 0);
  return out;
}

export function decodeInt(s: string): number {
  let n = 0;
  for (const c of s) {
    const v = valueOf(c);
    if (v < 0) return NaN;
    n = n * 64 + v;
  }
  return n;
}

/** Bit i of the set is bit (i % 6) of character floor(i / 6). */
export function encodeBits(bits: readonly boolean[], size: number): string {
  let out = '';
  for (let i = 0; i < size; i += 6) {
    let v = 0;
    for (let b = 0; b < 6; b++) if (bits[i + b]) v |= 1 << b;
    out += digit(v);
  }
  return out;
}

export function decodeBits(s: string, size: number): boolean[] {
  const bits: boolean[] = [];
  for (let i = 0; i < size; i++) bits.push(((valueOf(s[Math.floor(i / 6)] ?? 'A') >> (i % 6)) & 1) === 1);
  return bits;
}

export function encodeText(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let c = 0; c < chars; c++) out += digit((n >> (18 - 6 * c)) & 63);
  }
  return out;
}

export function decodeText(s: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i += 4) {
    const chunk = s.slice(i, i + 4);
    let n = 0;
    for (let c = 0; c < 4; c++) n = (n << 6) | Math.max(0, valueOf(chunk[c] ?? 'A'));
    bytes.push((n >> 16) & 255);
    if (chunk.length > 2) bytes.push((n >> 8) & 255);
    if (chunk.length > 3) bytes.push(n & 255);
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/** Longest encoding of a text of `units` UTF-16 code units: at most 3 UTF-8 bytes per unit. */
export const textWorstCase = (units: number): number => Math.ceil((units * 3 * 4) / 3);
