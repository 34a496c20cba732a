import { describe, expect, it } from "vitest";
import { sleep } from "./sleep.ts";
import { runPooled } from "./worker-pool.ts";

/** Work that records how many calls were in flight at once. */
const tracked = () => {
  let inFlight = 0;
  let most = 0;
  const started: number[] = [];
  const work = async (n: number) => {
    started.push(n);
    inFlight += 1;
    most = Math.max(most, inFlight);
    await sleep(n % 3);
    inFlight -= 1;
    return n * 2;
  };
  return { work, started, most: () => most };
};

describe("runPooled", () => {
  it("runs every item, in order of start, never more than `concurrency` at once", async () => {
    const t = tracked();
    const items = Array.from({ length: 20 }, (_, i) => i);
    const results = await runPooled(items, 3, t.work);
    expect([...results].sort((a, b) => a - b)).toEqual(items.map((n) => n * 2));
    expect(t.started).toEqual(items);
    expect(t.most()).toBe(3);
  });

  it("starts nothing more once a result says stop", async () => {
    const t = tracked();
    const results = await runPooled([1, 2, 3, 4, 5, 6], 1, t.work, (r) => r === 4);
    expect(results).toEqual([2, 4]);
    expect(t.started).toEqual([1, 2]);
  });

  it("rejects with the first failure and starts nothing after it", async () => {
    const started: number[] = [];
    const failing = runPooled([1, 2, 3, 4], 1, async (n) => {
      started.push(n);
      if (n === 2) throw new Error("boom");
      return n;
    });
    await expect(failing).rejects.toThrow("boom");
    expect(started).toEqual([1, 2]);
  });

  it("does nothing for no items", async () => {
    expect(await runPooled([], 4, async () => 1)).toEqual([]);
  });
});
