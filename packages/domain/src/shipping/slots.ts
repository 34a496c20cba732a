/**
 * The integer core of the shipping schedule: unit boxes, one common first day (day 0),
 * a last allowed day per job, and a number of free box slots per day.
 *
 * 1. Which boxes ship: boxes are taken in priority (reservation) order and each is kept
 *    if the kept set can still be scheduled. Sets of unit jobs that fit their deadlines
 *    form a matroid, so this greedy keeps the MAXIMUM number of boxes, and among maximum
 *    sets the one that favours earlier reservations. With a common first day, a set fits
 *    iff for every day t: boxes due by t <= free slots up to t (Hall's condition), which
 *    is the `slack` array below.
 * 2. Where they ship: jobs in earliest-deadline-first order (ties by priority). All jobs
 *    still to place are due no earlier than the current one, so any free slot up to its
 *    last day serves them equally: where it ships in that range never costs anyone a box.
 *    That freedom goes to keeping a job's boxes on one day (best fit: the day with the
 *    least room that holds them all, earliest on ties). Only when no day holds them all
 *    is the job split, over the roomiest days first (fewest pieces). Minimising splits
 *    over all jobs is bin packing (NP-hard); this greedy does not promise it.
 */

export interface BoxJob {
  readonly boxes: number;
  /** Last day index (0-based) on which this job's boxes may ship; 0 <= lastDay < days. */
  readonly lastDay: number;
}

export interface BoxPiece {
  readonly day: number;
  readonly boxes: number;
}

/** For each job (same index), the pieces it ships in, by day; boxes not listed do not ship. */
export const packBoxesIntoDays = (
  freeSlots: readonly number[],
  jobs: readonly BoxJob[],
): BoxPiece[][] => {
  const days = freeSlots.length;
  const free = freeSlots.map((slots) => Math.max(0, slots));
  // slack[t] = free slots on days 0..t minus boxes kept whose last day is <= t; never < 0.
  const slack: number[] = [];
  let prefix = 0;
  for (const slots of free) {
    prefix += slots;
    slack.push(prefix);
  }

  const kept = jobs.map((job) => {
    if (job.lastDay < 0 || job.lastDay >= days) throw new RangeError("job lastDay out of range");
    let room = job.boxes;
    for (let t = job.lastDay; t < days; t++) room = Math.min(room, slack[t] as number);
    for (let t = job.lastDay; t < days; t++) slack[t] = (slack[t] as number) - room;
    return room;
  });

  const order = jobs
    .map((job, index) => ({ index, lastDay: job.lastDay }))
    .filter(({ index }) => (kept[index] as number) > 0)
    .sort((a, b) => a.lastDay - b.lastDay || a.index - b.index);

  const pieces: BoxPiece[][] = jobs.map(() => []);
  for (const { index, lastDay } of order) {
    const boxes = kept[index] as number;
    const open = Array.from({ length: lastDay + 1 }, (_, day) => day).filter(
      (day) => (free[day] as number) > 0,
    );
    const room = (day: number) => free[day] as number;
    const whole = open
      .filter((day) => room(day) >= boxes)
      .sort((a, b) => room(a) - room(b) || a - b)[0];
    const chosen =
      whole !== undefined ? [whole] : [...open].sort((a, b) => room(b) - room(a) || a - b);
    const own: BoxPiece[] = [];
    let left = boxes;
    for (const day of chosen) {
      if (left === 0) break;
      const here = Math.min(free[day] as number, left);
      free[day] = (free[day] as number) - here;
      own.push({ day, boxes: here });
      left -= here;
    }
    // The kept set satisfies Hall's condition, so it always fits: reaching this is a bug.
    if (left > 0) throw new Error("shipping slots: kept boxes did not fit (bug)");
    pieces[index] = own.sort((a, b) => a.day - b.day);
  }
  return pieces;
};
