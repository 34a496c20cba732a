import type { BoxesByDay } from "@owners/domain";

/** Sums boxes per day over several lots, days in order (equal totals serialise identically). */
export const sumBoxesByDay = (all: Iterable<BoxesByDay>): BoxesByDay => {
  const total = new Map<string, number>();
  for (const boxesByDay of all)
    for (const [day, boxes] of Object.entries(boxesByDay))
      total.set(day, (total.get(day) ?? 0) + boxes);
  return Object.fromEntries([...total].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
};
