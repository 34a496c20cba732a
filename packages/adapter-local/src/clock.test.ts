import { describe, expect, it } from "vitest";
import { fixedClock, makeManualClock, systemClock } from "./clock.ts";

describe("clocks", () => {
  it("the system clock reads real time as a canonical instant", () => {
    const before = Date.now();
    const now = systemClock.now();
    expect(now).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(Date.parse(now)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(now)).toBeLessThanOrEqual(Date.now());
  });

  it("a manual clock moves only when told, forward only", () => {
    const clock = makeManualClock("2026-03-01T09:00:00+09:00");
    expect(clock.now()).toBe("2026-03-01T00:00:00.000Z");
    expect(clock.now()).toBe("2026-03-01T00:00:00.000Z");
    expect(clock.advance(90_000)).toBe("2026-03-01T00:01:30.000Z");
    expect(clock.set("2026-03-02T00:00:00.000Z")).toBe("2026-03-02T00:00:00.000Z");
    expect(clock.millis()).toBe(Date.parse("2026-03-02T00:00:00.000Z"));
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(() => clock.set("2026-03-01T00:00:00.000Z")).toThrow(RangeError);
  });

  it("a fixed clock always reads the same instant", () => {
    const clock = fixedClock("2026-05-05T05:05:05.5Z");
    expect(clock.now()).toBe("2026-05-05T05:05:05.500Z");
    expect(clock.now()).toBe(clock.now());
  });
});
