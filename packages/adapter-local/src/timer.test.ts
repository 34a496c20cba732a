import { describe, expect, it } from "vitest";
import { makeManualClock } from "./clock.ts";
import { MAX_TIMER_DELAY_MS, makeManualTimer, makeSystemTimer } from "./timer.ts";

describe("manual timer", () => {
  it("fires due timers in time order, each at its own due time, and none early", async () => {
    const clock = makeManualClock("2026-01-01T00:00:00.000Z");
    const timer = makeManualTimer(clock);
    const fired: string[] = [];
    timer.schedule(() => fired.push(`b@${clock.now()}`), 2_000);
    timer.schedule(() => fired.push(`a@${clock.now()}`), 1_000);
    timer.schedule(() => fired.push(`c@${clock.now()}`), 5_000);
    await timer.advance(999);
    expect(fired).toEqual([]);
    await timer.advance(1_001);
    expect(fired).toEqual(["a@2026-01-01T00:00:01.000Z", "b@2026-01-01T00:00:02.000Z"]);
    expect(clock.now()).toBe("2026-01-01T00:00:02.000Z");
    expect(timer.pendingCount()).toBe(1);
  });

  it("fires timers set by a firing callback when they fall inside the same advance", async () => {
    const clock = makeManualClock();
    const timer = makeManualTimer(clock);
    let ticks = 0;
    const tick = () => {
      ticks += 1;
      timer.schedule(tick, 100);
    };
    timer.schedule(tick, 100);
    await timer.advance(1_000);
    expect(ticks).toBe(10);
  });

  it("does not fire a cancelled timer and refuses delays setTimeout cannot hold", async () => {
    const clock = makeManualClock();
    const timer = makeManualTimer(clock);
    let fired = false;
    const handle = timer.schedule(() => {
      fired = true;
    }, 10);
    timer.cancel(handle);
    await timer.advance(100);
    expect(fired).toBe(false);
    expect(() => timer.schedule(() => {}, MAX_TIMER_DELAY_MS + 1)).toThrow(RangeError);
    expect(() => timer.schedule(() => {}, -1)).toThrow(RangeError);
  });
});

describe("system timer", () => {
  it("fires after real time passes, and not once cancelled", async () => {
    const timer = makeSystemTimer();
    const fired: string[] = [];
    const cancelled = timer.schedule(() => fired.push("cancelled"), 5);
    timer.schedule(() => fired.push("kept"), 1);
    timer.cancel(cancelled);
    await new Promise<void>((resolve) => timer.schedule(resolve, 30));
    expect(fired).toEqual(["kept"]);
  });
});
