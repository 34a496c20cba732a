import { completeDevPayment } from "../payments/complete-dev-payment.ts";
import { handlePaymentWebhook } from "../payments/handle-payment-webhook.ts";
import type { PayoutAccountDeps } from "../payments/payout-account-status.ts";
import type { OwnerProfileRepository } from "../ports/owner-profile-repository.ts";
import type { PaymentSimulator } from "../ports/payment-simulator.ts";
import type { ProcessedEvents } from "../ports/processed-events.ts";
import { cancelOwnership } from "./cancel-ownership.ts";
import { listMyOwnerships } from "./list-my-ownerships.ts";
import type { ReservationDeps } from "./reservation-deps.ts";
import { reserveShares } from "./reserve-shares.ts";

/**
 * Reservation use cases: USE_CASE_TOKENS.reservations (saved regions default the shipping), with
 * the processor's webhooks that move ownerships (payment-first: they are what makes one active).
 */
export const makeReservationUseCases = (
  deps: ReservationDeps &
    PayoutAccountDeps & {
      readonly profiles: OwnerProfileRepository;
      readonly processedEvents: ProcessedEvents;
      /** Dev and tests: completes local checkouts (POST /dev/payments/{id}/complete). */
      readonly paymentSimulator: PaymentSimulator;
    },
) => ({
  reserveShares: reserveShares(deps),
  cancelOwnership: cancelOwnership(deps),
  listMyOwnerships: listMyOwnerships(deps),
  handlePaymentWebhook: handlePaymentWebhook(deps),
  completeDevPayment: completeDevPayment(deps),
});

export type ReservationUseCases = ReturnType<typeof makeReservationUseCases>;
