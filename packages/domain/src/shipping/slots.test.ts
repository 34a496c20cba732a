import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type BoxJob, type BoxPiece, packBoxesIntoDays } from "./slots.ts";

/**
 * Reference: bipartite matching of single boxes to single day-slots (Kuhn's augmenting
 * paths), boxes tried in priority order. A box once matched stays matched, so this yields
 * the maximum matching that favours earlier jobs: the per-job counts the greedy must keep.
 */
const referenceKeptBoxes = (free: readonly number[], jobs: readonly BoxJob[]): number[] => {
  const slotDays = free.flatMap((slots, day) =>
    Array.from({ length: Math.max(0, slots) }, () => day),
  );
  const boxJob = jobs.flatMap((job, index) => Array.from({ length: job.boxes }, () => index));
  const slotOwner: (number | undefined)[] = slotDays.map(() => undefined);
  const tryBox = (box: number, seen: boolean[]): boolean => {
    const lastDay = (jobs[boxJob[box] as number] as BoxJob).lastDay;
    for (let slot = 0; slot < slotDays.length; slot++) {
      if (seen[slot] || (slotDays[slot] as number) > lastDay) continue;
      seen[slot] = true;
      const owner = slotOwner[slot];
      if (owner === undefined || tryBox(owner, seen)) {
        slotOwner[slot] = box;
        return true;
      }
    }
    return false;
  };
  const kept = jobs.map(() => 0);
  boxJob.forEach((job, box) => {
    if (
      tryBox(
        box,
        slotDays.map(() => false),
      )
    )
      kept[job] = (kept[job] as number) + 1;
  });
  return kept;
};

const instance = fc.integer({ min: 1, max: 5 }).chain((days) =>
  fc.record({
    free: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: days, maxLength: days }),
    jobs: fc.array(
      fc.record({
        boxes: fc.integer({ min: 1, max: 4 }),
        lastDay: fc.integer({ min: 0, max: days - 1 }),
      }),
      { maxLength: 6 },
    ),
  }),
);

const boxesOf = (pieces: readonly BoxPiece[]) => pieces.reduce((sum, p) => sum + p.boxes, 0);

describe("packBoxesIntoDays", () => {
  it("keeps exactly the reference's maximum, priority-favouring boxes per job", () => {
    fc.assert(
      fc.property(instance, ({ free, jobs }) => {
        const pieces = packBoxesIntoDays(free, jobs);
        expect(pieces.map(boxesOf)).toEqual(referenceKeptBoxes(free, jobs));
      }),
      { numRuns: 2000 },
    );
  });

  it("never overfills a day nor ships after a job's last day", () => {
    fc.assert(
      fc.property(instance, ({ free, jobs }) => {
        const pieces = packBoxesIntoDays(free, jobs);
        const perDay = free.map(() => 0);
        pieces.forEach((own, index) => {
          for (const piece of own) {
            expect(piece.boxes).toBeGreaterThan(0);
            expect(piece.day).toBeLessThanOrEqual((jobs[index] as BoxJob).lastDay);
            perDay[piece.day] = (perDay[piece.day] as number) + piece.boxes;
          }
        });
        perDay.forEach((boxes, day) => {
          expect(boxes).toBeLessThanOrEqual(free[day] as number);
        });
      }),
      { numRuns: 2000 },
    );
  });

  it("keeps a job on one day when that costs nobody a box", () => {
    // Day 0 has 3 slots, day 1 has 3: 2 + 2 boxes fit whole, one job per day.
    expect(
      packBoxesIntoDays(
        [3, 3],
        [
          { boxes: 2, lastDay: 1 },
          { boxes: 2, lastDay: 1 },
        ],
      ),
    ).toEqual([[{ day: 0, boxes: 2 }], [{ day: 1, boxes: 2 }]]);
  });

  it("puts a job on the tightest day that holds it whole, leaving room for bigger jobs", () => {
    expect(
      packBoxesIntoDays(
        [3, 2],
        [
          { boxes: 2, lastDay: 1 },
          { boxes: 3, lastDay: 1 },
        ],
      ),
    ).toEqual([[{ day: 1, boxes: 2 }], [{ day: 0, boxes: 3 }]]);
  });

  it("splits a job that no day holds over the fewest days", () => {
    expect(packBoxesIntoDays([1, 1, 3], [{ boxes: 4, lastDay: 2 }])).toEqual([
      [
        { day: 0, boxes: 1 },
        { day: 2, boxes: 3 },
      ],
    ]);
  });

  it("splits a job rather than leave a box behind", () => {
    // Three 2-box jobs in 2 x 3 slots: all six boxes ship, which needs exactly one split.
    const pieces = packBoxesIntoDays(
      [3, 3],
      [
        { boxes: 2, lastDay: 1 },
        { boxes: 2, lastDay: 1 },
        { boxes: 2, lastDay: 1 },
      ],
    );
    expect(pieces.map(boxesOf)).toEqual([2, 2, 2]);
    expect(pieces.filter((own) => own.length > 1)).toHaveLength(1);
  });

  it("ships the tight-deadline job first even when it was reserved later", () => {
    const pieces = packBoxesIntoDays(
      [1, 1],
      [
        { boxes: 1, lastDay: 1 },
        { boxes: 1, lastDay: 0 },
      ],
    );
    expect(pieces).toEqual([[{ day: 1, boxes: 1 }], [{ day: 0, boxes: 1 }]]);
  });

  it("gives the scarce slot to the earlier reservation", () => {
    const pieces = packBoxesIntoDays(
      [1],
      [
        { boxes: 1, lastDay: 0 },
        { boxes: 1, lastDay: 0 },
      ],
    );
    expect(pieces).toEqual([[{ day: 0, boxes: 1 }], []]);
  });

  it("treats negative free slots (capacity already overbooked) as none", () => {
    expect(packBoxesIntoDays([-2, 1], [{ boxes: 2, lastDay: 1 }])).toEqual([
      [{ day: 1, boxes: 1 }],
    ]);
  });
});
