import { type Quote, quote } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { Actor } from "../actor.ts";
import type { AppError } from "../errors.ts";
import { decided } from "../errors.ts";
import { loadVisiblePlan } from "../loading.ts";
import type { ReservationDeps } from "../reservations/reservation-deps.ts";

export interface QuoteSharesInput {
  readonly planId: string;
  readonly shares: number;
  readonly shippingRegion: string;
}

/**
 * What `shares` would cost now, shipped to a region: the same pricing a reservation locks, on the
 * plan as it stands (first-N prices from the shares sold so far). A preview, not a hold.
 */
export const quoteShares =
  (deps: Pick<ReservationDeps, "plans" | "clock">) =>
  (actor: Actor, input: QuoteSharesInput): TE.TaskEither<AppError, Quote> =>
    pipe(
      loadVisiblePlan(deps.plans, actor, input.planId),
      TE.chain((plan) =>
        decided(
          quote({
            plan,
            shares: input.shares,
            shippingRegion: input.shippingRegion,
            at: deps.clock.now(),
            sharesSoldBefore: plan.sharesSold,
          }),
        ),
      ),
    );
