import type { OwnerProfileRepository } from "../ports/owner-profile-repository.ts";
import { cancelOwnership } from "./cancel-ownership.ts";
import { listMyOwnerships } from "./list-my-ownerships.ts";
import type { ReservationDeps } from "./reservation-deps.ts";
import { reserveShares } from "./reserve-shares.ts";

/** Reservation use cases: USE_CASE_TOKENS.reservations (saved regions default the shipping). */
export const makeReservationUseCases = (
  deps: ReservationDeps & { readonly profiles: OwnerProfileRepository },
) => ({
  reserveShares: reserveShares(deps),
  cancelOwnership: cancelOwnership(deps),
  listMyOwnerships: listMyOwnerships(deps),
});

export type ReservationUseCases = ReturnType<typeof makeReservationUseCases>;
