import { createHash, randomBytes } from "node:crypto";
import type { IdGenerator } from "@owners/app";

/** Crockford's base32 (no I, L, O, U): the ULID alphabet, sorts the same as the numbers it encodes. */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const TIME_CHARS = 10; // 48-bit millisecond timestamp
const RANDOM_CHARS = 16; // 80 random bits
const RANDOM_BITS = 80n;
const RANDOM_LIMIT = 1n << RANDOM_BITS;
/** Length of the body of a deterministic id: 26 characters = 130 bits of SHA-256. */
export const DETERMINISTIC_CHARS = 26;
const PREFIX_RE = /^[A-Za-z][A-Za-z0-9-]*$/;

const encodeBigInt = (value: bigint, chars: number): string => {
  let out = "";
  let rest = value;
  for (let i = 0; i < chars; i += 1) {
    out = ALPHABET[Number(rest & 31n)] + out;
    rest >>= 5n;
  }
  return out;
};

const bigIntOf = (bytes: Uint8Array): bigint =>
  bytes.reduce((acc, byte) => (acc << 8n) | BigInt(byte), 0n);

/** Base32 of a byte string, most significant bits first, cut to `chars` characters. */
export const base32Prefix = (bytes: Uint8Array, chars: number): string => {
  let bits = 0;
  let buffer = 0;
  let out = "";
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5 && out.length < chars) {
      out += ALPHABET[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
    if (out.length >= chars) break;
  }
  return out;
};

const checkPrefix = (prefix: string) => {
  if (!PREFIX_RE.test(prefix))
    throw new RangeError(`id prefix must be letters, digits and "-" (no "_"): "${prefix}"`);
};

export interface IdGeneratorOptions {
  /** Epoch milliseconds; Date.now by default. */
  readonly now?: () => number;
  /** Random bytes; node:crypto by default. */
  readonly random?: (size: number) => Uint8Array;
}

/**
 * ULID-style ids, `plan_01JD3V6Q0W9Z6F7C8N2K4M5P6R`: 48 bits of milliseconds then 80 random bits.
 * Ids from one generator are strictly increasing (monotonic ULID): within one millisecond, or if the
 * clock steps back, the random part of the last id is incremented, so sorting ids sorts by creation.
 * Deterministic ids are the prefix and 26 base32 characters of SHA-256 over the parts.
 */
export const makeIdGenerator = (options: IdGeneratorOptions = {}): IdGenerator => {
  const now = options.now ?? Date.now;
  const random = options.random ?? ((size: number) => randomBytes(size));
  let lastTime = -1;
  let lastRandom = 0n;

  const nextBody = (): string => {
    const time = Math.max(now(), lastTime);
    if (time === lastTime) {
      lastRandom += 1n;
      // 2^80 ids in one millisecond cannot happen; if the random draw was near the top, borrow the next ms.
      if (lastRandom >= RANDOM_LIMIT) {
        lastTime += 1;
        lastRandom = bigIntOf(random(10));
      }
    } else {
      lastTime = time;
      lastRandom = bigIntOf(random(10));
    }
    return encodeBigInt(BigInt(lastTime), TIME_CHARS) + encodeBigInt(lastRandom, RANDOM_CHARS);
  };

  return {
    next: (prefix) => {
      checkPrefix(prefix);
      return `${prefix}_${nextBody()}`;
    },
    deterministic: (prefix, ...parts) => {
      checkPrefix(prefix);
      // JSON keeps the parts apart: ("ab", "c") and ("a", "bc") hash differently.
      const digest = createHash("sha256")
        .update(JSON.stringify([prefix, ...parts]))
        .digest();
      return `${prefix}_${base32Prefix(digest, DETERMINISTIC_CHARS)}`;
    },
  };
};

/** The time a `next` id was made, in epoch milliseconds (debugging, retention). */
export const idTimestamp = (id: string): number | undefined => {
  const body = id.slice(id.indexOf("_") + 1, id.indexOf("_") + 1 + TIME_CHARS);
  if (body.length !== TIME_CHARS) return undefined;
  let ms = 0;
  for (const char of body) {
    const digit = ALPHABET.indexOf(char);
    if (digit < 0) return undefined;
    ms = ms * 32 + digit;
  }
  return ms;
};
