import { ownershipHistory, planHistory, searchAudit } from "../audit/audit-history.ts";
import type { Ports } from "../composition/ports.ts";
import type { ReservationConfig } from "../reservations/reservation-deps.ts";
import { deleteAccount } from "./delete-account.ts";
import { eraseAfterClosure } from "./erase-after-closure.ts";
import { exportPersonalData } from "./export-personal-data.ts";

/** USE_CASE_TOKENS.privacy: the person's data rights and the readable audit trail. */
export const makePrivacyUseCases = (ports: Ports, config: ReservationConfig) => ({
  exportPersonalData: exportPersonalData(ports),
  // Cancellations on the way go through the reservation rules and their conflict retries.
  deleteAccount: deleteAccount({ ...ports, config }),
  eraseAfterClosure: eraseAfterClosure(ports),
  ownershipHistory: ownershipHistory(ports),
  planHistory: planHistory(ports),
  searchAudit: searchAudit(ports),
});

export type PrivacyUseCases = ReturnType<typeof makePrivacyUseCases>;
