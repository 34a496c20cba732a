import { makeMemoryBlobStore } from "@owners/adapter-memory";
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import { describe, expect, it } from "vitest";
import { lazyBlobStore } from "./lazy-blob-store.ts";

describe("lazyBlobStore", () => {
  it("loads the store on first use only, once, and then behaves as it", async () => {
    let loads = 0;
    const inner = makeMemoryBlobStore();
    const lazy = lazyBlobStore(async () => {
      loads += 1;
      return inner;
    });
    expect(loads).toBe(0);
    expect(E.isRight(await lazy.put("a/b.txt", "hello", "text/plain")())).toBe(true);
    await Promise.all([lazy.head("a/b.txt")(), lazy.head("a/b.txt")()]);
    expect(loads).toBe(1);
    const head = await lazy.head("a/b.txt")();
    expect(head).toEqual(
      E.right(O.some(expect.objectContaining({ key: "a/b.txt", sizeBytes: 5 }))),
    );
    expect(await lazy.readPrefix("a/b.txt", 2)()).toEqual(E.right(new TextEncoder().encode("he")));
    expect(E.isRight(await lazy.delete("a/b.txt")())).toBe(true);
    expect(await inner.head("a/b.txt")()).toEqual(E.right(O.none));
  });

  it("answers STORE.UNAVAILABLE when loading fails, and tries again on the next call", async () => {
    let attempts = 0;
    const lazy = lazyBlobStore(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error("import failed");
      return makeMemoryBlobStore();
    });
    const first = await lazy.head("x")();
    expect(E.isLeft(first) && first.left._tag).toBe("STORE.UNAVAILABLE");
    expect(await lazy.head("x")()).toEqual(E.right(O.none));
    expect(attempts).toBe(2);
  });
});
