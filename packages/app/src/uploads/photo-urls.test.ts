import { makeMemoryBlobStore } from "@owners/adapter-memory";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { photoUrls } from "./photo-urls.ts";

describe("photoUrls", () => {
  it("signs a download URL per key, in order, that serves the stored bytes", async () => {
    const blobs = makeMemoryBlobStore();
    await blobs.put("photos/p1/a.jpg", "A", "image/jpeg")();
    await blobs.put("photos/p1/b.jpg", "B", "image/jpeg")();
    const urls = await photoUrls({ blobs })(["photos/p1/b.jpg", "photos/p1/a.jpg"])();
    if (E.isLeft(urls)) throw new Error(urls.left.message);
    expect(urls.right).toHaveLength(2);
    const bodies = urls.right.map((url) => blobs.download(url));
    expect(
      bodies.map((b) => (b._tag === "Some" ? new TextDecoder().decode(b.value) : null)),
    ).toEqual(["B", "A"]);
    expect(await photoUrls({ blobs })([])()).toEqual(E.right([]));
  });
});
