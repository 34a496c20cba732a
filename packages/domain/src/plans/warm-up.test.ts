import { describe, expect, it } from "vitest";
import {
  isWarmAt,
  provisionedLevel,
  WARM_UP_HOLD_MS,
  WARM_UP_LEAD_MS,
  warmInstancesFor,
  warmUpWindows,
} from "./warm-up.ts";

const at = (iso: string) => Date.parse(iso);
const plan = (returningOwnersOpenAt?: string) => ({
  salesWindow: {
    opensAt: "2026-06-01T01:00:00.000Z",
    closesAt: "2026-06-30T01:00:00.000Z",
    ...(returningOwnersOpenAt === undefined ? {} : { returningOwnersOpenAt }),
  },
});

describe("warm-up windows", () => {
  it("runs from a few minutes before each opening to half an hour after", () => {
    expect(warmUpWindows(plan("2026-05-31T01:00:00.000Z") as never)).toEqual([
      {
        kind: "returning-owners",
        from: at("2026-05-31T00:55:00.000Z"),
        to: at("2026-05-31T01:30:00.000Z"),
      },
      { kind: "sale", from: at("2026-06-01T00:55:00.000Z"), to: at("2026-06-01T01:30:00.000Z") },
    ]);
    expect(WARM_UP_LEAD_MS).toBe(300_000);
    expect(WARM_UP_HOLD_MS).toBe(1_800_000);
  });

  it("is warm inside a window only", () => {
    const p = plan() as never;
    expect(isWarmAt(p, at("2026-06-01T00:54:59.999Z"))).toBe(false);
    expect(isWarmAt(p, at("2026-06-01T00:55:00.000Z"))).toBe(true);
    expect(isWarmAt(p, at("2026-06-01T01:29:59.999Z"))).toBe(true);
    expect(isWarmAt(p, at("2026-06-01T01:30:00.000Z"))).toBe(false);
  });

  it("sizes by the expected crowd and caps the sum at the stage's limit", () => {
    expect(warmInstancesFor(0)).toBe(1);
    expect(warmInstancesFor(49)).toBe(1);
    expect(warmInstancesFor(50)).toBe(2);
    expect(warmInstancesFor(1_000)).toBe(21);
    expect(provisionedLevel([21, 3], 100)).toBe(24);
    expect(provisionedLevel([21, 3], 10)).toBe(10);
    expect(provisionedLevel([], 10)).toBe(0);
  });
});
