import { describe, expect, it } from "vitest";
import { base32Prefix, DETERMINISTIC_CHARS, idTimestamp, makeIdGenerator } from "./id-generator.ts";

const ID_RE = /^plan_[0-9A-HJKMNP-TV-Z]{26}$/;
/** sha256('["pay","k"]') in Crockford base32, first 26 characters, computed apart from this code (Python). */
const PINNED_PAY_K = "pay_ZGFM14AEA2H7VWW6MRNV109QEV";

describe("makeIdGenerator().next", () => {
  it("makes 100k unique, well-formed ids", () => {
    const ids = makeIdGenerator();
    const seen = new Set<string>();
    for (let i = 0; i < 100_000; i += 1) seen.add(ids.next("plan"));
    expect(seen.size).toBe(100_000);
    for (const id of [...seen].slice(0, 1000)) expect(id).toMatch(ID_RE);
  });

  it("sorts by creation, within one millisecond too (100k ids, most sharing a millisecond)", () => {
    const ids = makeIdGenerator();
    const made = Array.from({ length: 100_000 }, () => ids.next("plan"));
    expect([...made].sort()).toEqual(made);
  });

  it("sorts by creation across milliseconds and when the clock steps back", () => {
    const times = [1_000, 1_000, 5_000, 4_000, 4_000, 9_000];
    const ids = makeIdGenerator({ now: () => times.shift() ?? 9_000 });
    const made = Array.from({ length: 6 }, () => ids.next("lot"));
    expect([...made].sort()).toEqual(made);
    expect(made.map(idTimestamp)).toEqual([1_000, 1_000, 5_000, 5_000, 5_000, 9_000]);
  });

  it("carries its creation time in the first 10 characters", () => {
    const at = Date.parse("2026-11-28T12:00:00.000Z");
    const id = makeIdGenerator({ now: () => at }).next("own");
    expect(idTimestamp(id)).toBe(at);
  });

  it("is not predictable from the previous id in a new millisecond", () => {
    let now = 0;
    const ids = makeIdGenerator({ now: () => (now += 1) });
    const randomParts = new Set(Array.from({ length: 1000 }, () => ids.next("x").slice(-16)));
    expect(randomParts.size).toBe(1000);
  });

  it("rejects a prefix that would blur the id's separator", () => {
    const ids = makeIdGenerator();
    for (const prefix of ["", "a_b", "1plan", "pl an"])
      expect(() => ids.next(prefix)).toThrow(RangeError);
  });
});

describe("makeIdGenerator().deterministic", () => {
  it("gives the same id for the same parts, from any generator, run after run", () => {
    const a = makeIdGenerator().deterministic("own", "plan_1", "owner_1", "key-123");
    const b = makeIdGenerator().deterministic("own", "plan_1", "owner_1", "key-123");
    expect(a).toBe(b);
    expect(a).toMatch(new RegExp(`^own_[0-9A-HJKMNP-TV-Z]{${DETERMINISTIC_CHARS}}$`));
    // Pinned: changing the hashing would re-key every stored idempotent record.
    expect(a).toBe(makeIdGenerator().deterministic("own", "plan_1", "owner_1", "key-123"));
    expect(makeIdGenerator().deterministic("pay", "k")).toBe(PINNED_PAY_K);
  });

  it("keeps parts apart and depends on the prefix", () => {
    const ids = makeIdGenerator();
    expect(ids.deterministic("x", "ab", "c")).not.toBe(ids.deterministic("x", "a", "bc"));
    expect(ids.deterministic("x", "a,b")).not.toBe(ids.deterministic("x", "a", "b"));
    expect(ids.deterministic("x", "a").slice(2)).not.toBe(ids.deterministic("y", "a").slice(2));
  });

  it("does not collide over 100k distinct inputs", () => {
    const ids = makeIdGenerator();
    const seen = new Set(
      Array.from({ length: 100_000 }, (_, i) => ids.deterministic("k", String(i))),
    );
    expect(seen.size).toBe(100_000);
  });
});

describe("base32Prefix", () => {
  it("encodes most significant bits first in Crockford's alphabet", () => {
    expect(base32Prefix(Uint8Array.from([0, 0, 0, 0, 0]), 8)).toBe("00000000");
    expect(base32Prefix(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff]), 8)).toBe("ZZZZZZZZ");
    // 0x08 0x42 = 00001 00001 00001 0 -> "111"
    expect(base32Prefix(Uint8Array.from([0x08, 0x42]), 3)).toBe("111");
  });
});
