import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";
import type { ReservationDeps } from "../reservations/reservation-deps.ts";
import type { ReservationResult } from "../reservations/reservation-steps.ts";
import { scheduleHoldExpiry } from "./hold-expiry-schedules.ts";
import { type OpenCheckoutDeps, openCheckout } from "./open-checkout.ts";

/**
 * After a reservation's write: an unpaid hold gets its checkout (a repeat gets the same one) and,
 * when new, a one-off expiry. A processor outage fails the request (PAYMENT.UNAVAILABLE) with the
 * shares still held: the client's retry with the same key completes it.
 */
export const startPayment =
  (deps: OpenCheckoutDeps & Pick<ReservationDeps, "scheduler">) =>
  (result: ReservationResult): TE.TaskEither<AppError, ReservationResult> =>
    pipe(
      openCheckout(deps)(result.ownership),
      TE.chainFirst((ownership) =>
        result.replayed ? TE.right(undefined) : scheduleHoldExpiry(deps)(ownership),
      ),
      TE.map((ownership) => ({ ...result, ownership })),
    );
