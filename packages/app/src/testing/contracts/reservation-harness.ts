import type { ListReadBudget } from "../../pagination.ts";
import type { ReservationStores } from "../../ports/reservation-stores.ts";

/** What each reservation contract suite runs against: the five stores on one fresh, empty store. */
export interface ReservationStoresHarness {
  readonly subject: ReservationStores;
  cleanup(): Promise<void>;
}

export interface ReservationStoresOptions {
  /** A smaller read budget for filtered lists, so a test reaches it with a few dozen items. */
  readonly listBudget?: ListReadBudget;
}

export type MakeReservationStores = (
  options?: ReservationStoresOptions,
) => Promise<ReservationStoresHarness>;
