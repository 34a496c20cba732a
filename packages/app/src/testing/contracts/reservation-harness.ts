import type { ReservationStores } from "../../ports/reservation-stores.ts";

/** What each reservation contract suite runs against: the five stores on one fresh, empty store. */
export interface ReservationStoresHarness {
  readonly subject: ReservationStores;
  cleanup(): Promise<void>;
}

export type MakeReservationStores = () => Promise<ReservationStoresHarness>;
