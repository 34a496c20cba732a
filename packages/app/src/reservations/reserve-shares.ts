import {
  decideReservation,
  type OwnerId,
  type Ownership,
  ownershipId,
  type Plan,
  type PlanId,
  paymentAmounts,
  quote,
  type ReservationRequest,
} from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireOwner } from "../access.ts";
import type { Actor } from "../actor.ts";
import { type BackoffPolicy, retryWithBackoff } from "../backoff.ts";
import { retryOnConflict } from "../conflict-retry.ts";
import type { AppError } from "../errors.ts";
import { decided } from "../errors.ts";
import { loadPlan } from "../loading.ts";
import { checkoutRequestOf } from "../payments/open-checkout.ts";
import { payoutDestination } from "../payments/payout-destination.ts";
import { startPayment } from "../payments/start-payment.ts";
import type { OwnerProfileRepository } from "../ports/owner-profile-repository.ts";
import { defaultShippingRegion } from "./default-shipping-region.ts";
import { checkIdempotencyKey } from "./idempotency-key.ts";
import { creditFromBalances, creditMoveOf, creditRaceAsConflict } from "./reservation-credit.ts";
import type { ReservationDeps } from "./reservation-deps.ts";
import { reservationNotices } from "./reservation-notices.ts";
import {
  firstSharesInPlay,
  newOwnership,
  orReplay,
  outcomeToResult,
  type ReservationResult,
  reservationRecords,
  returningOwner,
} from "./reservation-steps.ts";

/** Everything but the audit log port: audit entries travel in the stores' atomic writes. */
export type ReserveSharesDeps = Omit<ReservationDeps, "audit"> & {
  /** The owners' saved shipping regions; without it (load tools) a region is never looked up. */
  readonly profiles?: OwnerProfileRepository;
};

export interface ReserveSharesInput {
  readonly planId: string;
  readonly shares: number;
  /**
   * Where the boxes go (prices the surcharge). By default the owner's saved region, else one the
   * plan ships to (defaultShippingRegion).
   */
  readonly shippingRegion?: string | undefined;
  /** The client's Idempotency-Key: required; the same key and body return the first result. */
  readonly idempotencyKey: string | undefined;
  /**
   * Spend the owner's store credit at this plan's producer first (default true): the charge is
   * the total less the credit, and a reservation the credit pays in full needs no payment.
   */
  readonly useCredit?: boolean | undefined;
}

/** The owner's store credit balances, once the plan said yes (none when not spent). */
const balancesOf = (deps: ReserveSharesDeps, owner: OwnerId, useCredit: boolean) =>
  useCredit ? deps.creditBalances.listByOwner(owner) : TE.right([]);

/**
 * Opens the hold's checkout before the hold is written, so the one atomic write stores it: a
 * reservation costs the plan read, the reads for its payment (below) and a write. The processor's
 * key is derived from the ownership id (and amount), so a retry gets the same checkout. A write
 * that is refused (sold out meanwhile) leaves its checkout unused: nobody was given its page, and
 * it ends with the hold time (expiring it here could end the checkout of a concurrent repeat
 * under the same key). Nothing to open for an ownership with nothing to pay.
 */
const withCheckout =
  (deps: ReserveSharesDeps, plan: Plan, destination: string | undefined) =>
  (ownership: Ownership): TE.TaskEither<AppError, Ownership> =>
    ownership.status !== "pending_payment"
      ? TE.right(ownership)
      : pipe(
          deps.payments.startCheckout(
            checkoutRequestOf(ownership, plan, deps.config.checkoutReturnUrl, destination),
          ),
          TE.map(
            (session): Ownership => ({
              ...ownership,
              payment: {
                id: session.paymentId,
                status: "pending",
                checkoutUrl: session.checkoutUrl,
                expiresAt: session.expiresAt,
                amountYen: paymentAmounts(ownership).amountYen,
              },
            }),
          ),
        );

/**
 * What paying for a priced reservation needs, read side by side (one round trip, not two): the
 * owner's credit balances and, unless it is free, the producer's payout account its checkout is
 * destined to (read even when credit will cover all: a rare case, one read, against a wait on
 * every paid reservation).
 */
const paymentReads = (
  deps: ReserveSharesDeps,
  plan: Plan,
  owner: OwnerId,
  useCredit: boolean,
  totalYen: number,
) =>
  pipe(
    TE.Do,
    TE.apS("balances", balancesOf(deps, owner, useCredit)),
    TE.apS(
      "destination",
      totalYen > 0 ? payoutDestination(deps)(plan.producerId) : TE.right(undefined),
    ),
  );

/**
 * One attempt: read the plan, decide and price, read the owner's credit balances and the payout
 * account (together), open the checkout, then one atomic write that re-checks every limit. Under
 * contention the write, not the read, decides: the per-owner cap is not even read
 * (ownerActiveShares 0) because the store enforces it with the owner's counter in the same write.
 * The balances and account are read only once the plan says yes: in a flash sale most requests come after the sell-out, and those cost one read
 * (and one more to look for a replay), no write.
 */
const attempt = (
  deps: ReserveSharesDeps,
  actor: Actor,
  asked: Omit<ReservationRequest, "shippingRegion">,
  shippingRegion: string | undefined,
  useCredit: boolean,
) => {
  const id = ownershipId(
    deps.ids.deterministic("own", asked.planId, asked.ownerId, asked.idempotencyKey),
  );
  return pipe(
    loadPlan(deps.plans, asked.planId),
    TE.chain((plan) => {
      const now = deps.clock.now();
      const request: ReservationRequest = {
        ...asked,
        shippingRegion: shippingRegion ?? defaultShippingRegion(plan),
      };
      return pipe(
        returningOwner(deps)(plan, request.ownerId, now),
        TE.chain((isReturningOwner) =>
          decided(
            pipe(
              decideReservation({
                plan,
                now,
                ownerId: request.ownerId,
                shares: request.shares,
                ownerActiveShares: 0,
                isReturningOwner,
              }),
              E.chainW(() =>
                quote({
                  plan,
                  shares: request.shares,
                  shippingRegion: request.shippingRegion,
                  at: now,
                  sharesSoldBefore: plan.sharesSold,
                }),
              ),
            ),
          ),
        ),
        // A refusal before the write may answer a repeat of a request that succeeded earlier.
        TE.matchE(orReplay(deps, id, request), (priced) =>
          pipe(
            paymentReads(deps, plan, asked.ownerId, useCredit, priced.totalYen),
            TE.chain(({ balances, destination }) =>
              withCheckout(
                deps,
                plan,
                destination,
              )(
                newOwnership(
                  id,
                  request,
                  priced,
                  now,
                  plan.paymentHoldMinutes,
                  creditFromBalances(balances, plan.producerId, priced.totalYen, useCredit),
                ),
              ),
            ),
            TE.bindTo("ownership"),
            TE.bind("records", ({ ownership }) => reservationRecords(deps, actor, ownership)),
            TE.chain(({ ownership, records }) => {
              const creditSpend = creditMoveOf(ownership, plan.producerId);
              return deps.ownerships.reserve({
                ownership,
                producerId: plan.producerId,
                totalShares: plan.totalShares,
                maxSharesPerOwner: plan.maxSharesPerOwner,
                ...(firstSharesInPlay(plan) ? { expectedSharesSold: plan.sharesSold } : {}),
                ...(creditSpend === undefined ? {} : { creditSpend }),
                ...records,
                // Confirmed (paid at once) or payment pending: told in the reservation's own write.
                notices: reservationNotices(deps.ids, plan, ownership, now),
              });
            }),
            TE.mapLeft(creditRaceAsConflict),
            TE.chain(outcomeToResult(request)),
          ),
        ),
      );
    }),
  );
};

/**
 * Runs the attempt again from its read while the plan's counter is over its write rate: the read
 * turns a sale that ended meanwhile into PLAN.SOLD_OUT without a write (a refused write would
 * spend the hot item's units too), and the others take their turn at the counter's rate. The
 * budget starts at the first throttled answer, whatever the reads before it took.
 */
const whileThrottled =
  <A>(policy: BackoffPolicy, run: () => TE.TaskEither<AppError, A>): TE.TaskEither<AppError, A> =>
  async () => {
    const throttled = (result: E.Either<AppError, A>) =>
      E.isLeft(result) && result.left._tag === "STORE.THROTTLED";
    const first = await run()();
    return throttled(first) ? retryWithBackoff(policy, () => run()(), throttled) : first;
  };

/** The owner's saved region, when the request names none (read once, outside the retries). */
const wantedRegion = (
  deps: ReserveSharesDeps,
  owner: OwnerId,
  given: string | undefined,
): TE.TaskEither<AppError, string | undefined> =>
  given !== undefined || deps.profiles === undefined
    ? TE.right(given)
    : pipe(
        deps.profiles.get(owner),
        TE.map(
          O.match(
            () => undefined,
            (profile) => profile.region,
          ),
        ),
      );

/**
 * An owner reserves shares of an open plan: they are held (pending_payment) while the owner pays
 * at the processor's checkout, whose page comes back on the ownership. Idempotent by the required
 * key: the ownership id is derived from (plan, owner, key), so a repeat with the same body returns
 * the first result and the same checkout, a repeat with another body is
 * RESERVATION.IDEMPOTENCY_MISMATCH.
 * A quote that counted on the exact number sold (first-N price) is redone if that number moved.
 */
export const reserveShares =
  (deps: ReserveSharesDeps) =>
  (actor: Actor, input: ReserveSharesInput): TE.TaskEither<AppError, ReservationResult> =>
    pipe(
      requireOwner(actor),
      TE.chain((owner: OwnerId) =>
        pipe(
          checkIdempotencyKey(input.idempotencyKey),
          TE.map(
            (idempotencyKey): Omit<ReservationRequest, "shippingRegion"> => ({
              idempotencyKey,
              planId: input.planId as PlanId,
              ownerId: owner,
              shares: input.shares,
              shippingRegionNamed: input.shippingRegion !== undefined,
            }),
          ),
          TE.chain((asked) =>
            pipe(
              wantedRegion(deps, owner, input.shippingRegion),
              TE.map((region) => ({ asked, region })),
            ),
          ),
        ),
      ),
      TE.chain(({ asked, region }) =>
        whileThrottled(deps.config.hotPlanRetry, () =>
          retryOnConflict(deps.config.conflictRetry, () =>
            attempt(deps, actor, asked, region, input.useCredit !== false),
          ),
        ),
      ),
      TE.chain(startPayment(deps)),
    );
