import type { ReservationDeps } from "../reservations/reservation-deps.ts";
import { acceptOffer } from "./accept-offer.ts";
import { joinWaitlist } from "./join-waitlist.ts";
import { leaveWaitlist } from "./leave-waitlist.ts";
import { listMyWaitlistOffers } from "./list-my-waitlist-offers.ts";
import { myWaitlistPlace } from "./my-waitlist-place.ts";

/** Waitlist use cases: USE_CASE_TOKENS.waitlist. */
export const makeWaitlistUseCases = (deps: ReservationDeps) => ({
  joinWaitlist: joinWaitlist(deps),
  leaveWaitlist: leaveWaitlist(deps),
  acceptOffer: acceptOffer(deps),
  listMyOffers: listMyWaitlistOffers(deps),
  myPlace: myWaitlistPlace(deps),
});

export type WaitlistUseCases = ReturnType<typeof makeWaitlistUseCases>;
