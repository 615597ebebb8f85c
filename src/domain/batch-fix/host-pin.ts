export type RandomBytes = (count: number) => Uint8Array;

const cryptoBytes: RandomBytes = (count) => crypto.getRandomValues(new Uint8Array(count));

/** Random digits from the platform's CSPRNG (browser and Node share `crypto.getRandomValues`), without modulo bias. */
export function randomDigits(count: number, random: RandomBytes = cryptoBytes): string {
  let out = '';
  while (out.length < count) {
    for (const byte of random(count * 2)) {
      // 250 = 25 × 10: bytes above it would make 0–5 likelier than 6–9.
      if (byte < 250 && out.length < count) out += String(byte % 10);
    }
  }
  return out;
}

/**
 * A host PIN of `digits` digits, at least `minLength` (the dial-in security profile in force), never
 * equal to any of `avoid` (the guest PIN, the PINs of the space's other ways in). '' when the rule
 * asks for no PIN.
 */
export function hostPin(digits: number, minLength: number | undefined, avoid: readonly string[], random?: RandomBytes): string {
  if (digits <= 0) return '';
  const length = Math.max(digits, minLength ?? 0);
  for (;;) {
    const pin = randomDigits(length, random);
    if (!avoid.includes(pin)) return pin;
  }
}
