import type { HarvestLot } from "../harvest/harvest.ts";
import type { DeliveryWindow } from "../plans/plan.ts";
import type { LocalDate } from "../shared/time.ts";

/**
 * Units left unshipped for a reason their owner can remove (no address yet; an address in a region
 * the plan's transit table leaves out) are scheduled again once the owner changes it. The other
 * reasons are the lot's or the producer's, fixed after allocation (capacity and logistics are
 * frozen from then on): trying them again could only give the same answer.
 */
export const RESCHEDULABLE_REASONS = ["no-address", "unknown-region"] as const;

export type ReschedulableReason = (typeof RESCHEDULABLE_REASONS)[number];

export const isReschedulable = (reason: string): reason is ReschedulableReason =>
  (RESCHEDULABLE_REASONS as readonly string[]).includes(reason);

/** Days compare as strings (`YYYY-MM-DD`): Math.min would turn them into NaN. */
const earlier = (a: LocalDate, b: LocalDate): LocalDate => {
  if (a <= b) return a;
  return b;
};

/** The last day a lot's units may leave: the end of the delivery window, or best-before if sooner. */
export const lastShipDay = (
  lot: Pick<HarvestLot, "bestBefore">,
  window: Pick<DeliveryWindow, "to">,
): LocalDate => earlier(lot.bestBefore, window.to);

/** Units of the lot may still ship on `today` or later (a schedule may yet find them a day). */
export const canStillShip = (
  lot: Pick<HarvestLot, "bestBefore">,
  window: Pick<DeliveryWindow, "to">,
  today: LocalDate,
): boolean => today <= lastShipDay(lot, window);

/**
 * The lot as a schedule made on `today` sees it: no box leaves before today. Only for a lot that
 * can still ship (else its ready day would pass its best-before).
 */
export const lotReadyFrom = <L extends Pick<HarvestLot, "readyOn">>(
  lot: L,
  today: LocalDate,
): L => {
  if (lot.readyOn >= today) return lot;
  return { ...lot, readyOn: today };
};
