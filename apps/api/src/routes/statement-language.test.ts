import { describe, expect, it } from "vitest";
import { closedPlanWithOwners, HARVEST, makeHarness } from "../testing/harness.ts";

const PRODUCER: [string, "producer"] = ["producer-a", "producer"];
const OWNER: [string, "owner"] = ["o2", "owner"];

describe("GET /plans/{id}/allocations: the statement in the reader's language", () => {
  it("reads the owner's refund statement in Japanese by default and in English when asked", async () => {
    const h = makeHarness();
    const { planId } = await closedPlanWithOwners(h, { o1: 3, o2: 1 });
    await h.call("POST", `/plans/${planId}/harvests`, { body: HARVEST, as: PRODUCER });
    await h.call("POST", "/admin/batches/allocate-harvests", {
      body: { planId },
      as: ["root", "admin"],
    });
    await h.call("POST", `/plans/${planId}/harvest-complete`, { as: PRODUCER });
    const read = (headers: Record<string, string>) =>
      h.call("GET", `/plans/${planId}/allocations`, { as: OWNER, headers });

    const ja = await read({});
    const en = await read({ "accept-language": "en" });
    expect(ja.headers.get("content-language")).toBe("ja");
    expect(en.headers.get("content-language")).toBe("en");
    const [jaRow] = ja.body.items;
    const [enRow] = en.body.items;
    expect(jaRow.refundYen).toBeGreaterThan(0);
    const refund = jaRow.refundYen.toLocaleString("en-US");
    expect(jaRow.statement[0]).toMatch(/^収穫は計画の\d+%でした。/);
    expect(jaRow.statement[0]).toContain(`生産者の返金規定により${refund}円を返金します`);
    expect(enRow.statement[0]).toContain(`refund of ${refund} yen`);
    // Only the words differ: every figure of the row is the same.
    const { statement: _j, ...jaFigures } = jaRow;
    const { statement: _e, ...enFigures } = enRow;
    expect(jaFigures).toEqual(enFigures);
  });
});
