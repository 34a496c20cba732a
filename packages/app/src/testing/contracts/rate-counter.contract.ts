import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RateCounter } from "../../ports/rate-counter.ts";
import { succeed } from "./expect-task.ts";

export interface RateCounterHarness {
  readonly subject: RateCounter;
  cleanup(): Promise<void>;
}

const HOUR_1 = "2026-05-01T10:00:00.000Z";
const HOUR_2 = "2026-05-01T11:00:00.000Z";
const EXPIRES = "2026-05-02T12:00:00.000Z";

/** The behaviour every RateCounter adapter must share (in-memory, DynamoDB). */
export const describeRateCounterContract = (
  name: string,
  makeHarness: () => Promise<RateCounterHarness>,
) => {
  describe(`RateCounter contract: ${name}`, () => {
    let harness: RateCounterHarness;
    beforeEach(async () => {
      harness = await makeHarness();
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    it("counts hits per subject and per window, from one", async () => {
      const rates = harness.subject;
      expect(await succeed(rates.hit("upload-forms#a", HOUR_1, EXPIRES))).toBe(1);
      expect(await succeed(rates.hit("upload-forms#a", HOUR_1, EXPIRES))).toBe(2);
      expect(await succeed(rates.hit("upload-forms#b", HOUR_1, EXPIRES))).toBe(1);
      expect(await succeed(rates.hit("upload-forms#a", HOUR_2, EXPIRES))).toBe(1);
      expect(await succeed(rates.hit("upload-forms#a", HOUR_1, EXPIRES))).toBe(3);
    });

    it("gives concurrent hits distinct numbers: none is lost", async () => {
      const counts = await Promise.all(
        Array.from({ length: 12 }, () => succeed(harness.subject.hit("s", HOUR_1, EXPIRES))),
      );
      expect([...counts].sort((x, y) => x - y)).toEqual(
        Array.from({ length: 12 }, (_, i) => i + 1),
      );
    });
  });
};
