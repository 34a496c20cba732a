import { createHmac } from "node:crypto";

/**
 * Keyed hash of personal data (HMAC-SHA256, hex): the same value always gives the same hash, so
 * analysts can count and join on it, but without the secret nobody can test a guess (an owner id,
 * a postal code) against it, which a plain hash would allow.
 */
export const makePseudonymizer = (secret: string): ((value: string) => string) => {
  if (secret.length < 16) throw new Error("the analytics pseudonymization secret needs 16+ chars");
  // Owner ids repeat across thousands of rows: hash each once per export.
  const cache = new Map<string, string>();
  return (value) => {
    const known = cache.get(value);
    if (known !== undefined) return known;
    const hash = createHmac("sha256", secret).update(value).digest("hex");
    if (cache.size < 100_000) cache.set(value, hash);
    return hash;
  };
};
