import { makeCursorCodec } from "@owners/app";
import { describe, expect, it } from "vitest";
import { makeDocumentClient } from "./client.ts";
import { makeDynamoPorts } from "./dynamo-ports.ts";
import { DYNAMO_STORE_LOADERS } from "./store-loaders.ts";

const ctx = {
  doc: makeDocumentClient({ region: "ap-northeast-1" }),
  tableName: "owners-test",
  cursors: makeCursorCodec("store-loaders-test-cursor-secret"),
};

describe("DYNAMO_STORE_LOADERS", () => {
  it("builds each port as makeDynamoPorts does: the same ports, each with the same methods", async () => {
    const wired = makeDynamoPorts(ctx) as unknown as Record<string, object>;
    expect(Object.keys(DYNAMO_STORE_LOADERS).sort()).toEqual(Object.keys(wired).sort());
    for (const [name, load] of Object.entries(DYNAMO_STORE_LOADERS)) {
      const loaded = (await load(ctx)) as object;
      expect(Object.keys(loaded).sort(), name).toEqual(Object.keys(wired[name] ?? {}).sort());
    }
  });
});
