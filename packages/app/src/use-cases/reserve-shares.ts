import {
  decideReservation,
  type OwnerId,
  ownershipId,
  type PlanId,
  quote,
  type ReservationRequest,
} from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { Actor } from "../actor.ts";
import type { AppError } from "../errors.ts";
import type { ReservationDeps } from "./reservation-deps.ts";
import {
  checkIdempotencyKey,
  collectPayment,
  newOwnership,
  orReplay,
  outcomeToResult,
  type ReservationResult,
  reservationRecords,
  returningOwner,
} from "./reservation-steps.ts";
import { decided, loadPlan, requireOwnerActor, retryOnConflict } from "./reservation-support.ts";

/** Everything but the audit log port: audit entries travel in the stores' atomic writes. */
export type ReserveSharesDeps = Omit<ReservationDeps, "audit">;

export interface ReserveSharesInput {
  readonly planId: string;
  readonly shares: number;
  readonly shippingRegion: string;
  /** The client's Idempotency-Key: required; the same key and body return the first result. */
  readonly idempotencyKey: string | undefined;
}

/** While a first-N price tier still covers the next share, the quote depends on the exact count sold. */
const firstSharesInPlay = (plan: {
  pricing: { tiers: readonly { kind: string; count?: number }[] };
  sharesSold: number;
}) => plan.pricing.tiers.some((t) => t.kind === "firstShares" && (t.count ?? 0) > plan.sharesSold);

/**
 * One attempt: read the plan (the only read: the quote needs its prices and counts), decide and
 * price, then one atomic write that re-checks every limit. Under contention the write, not the
 * read, decides: the per-owner cap is not even read (ownerActiveShares 0) because the store
 * enforces it with the owner's counter in the same write.
 */
const attempt = (deps: ReserveSharesDeps, actor: Actor, request: ReservationRequest) => {
  const id = ownershipId(
    deps.ids.deterministic("own", request.planId, request.ownerId, request.idempotencyKey),
  );
  return pipe(
    loadPlan(deps.plans, request.planId),
    TE.chain((plan) => {
      const now = deps.clock.now();
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
        TE.matchE(orReplay(deps, id, request), (priced) => {
          const ownership = newOwnership(id, request, priced, now);
          return pipe(
            reservationRecords(deps, actor, ownership),
            TE.chain((records) =>
              deps.ownerships.reserve({
                ownership,
                producerId: plan.producerId,
                totalShares: plan.totalShares,
                maxSharesPerOwner: plan.maxSharesPerOwner,
                ...(firstSharesInPlay(plan) ? { expectedSharesSold: plan.sharesSold } : {}),
                ...records,
              }),
            ),
            TE.chain(outcomeToResult(request)),
          );
        }),
      );
    }),
  );
};

/**
 * An owner reserves shares of an open plan and pays for them. Idempotent by the required key: the
 * ownership id is derived from (plan, owner, key), so a repeat with the same body returns the
 * first result and is charged once, a repeat with another body is RESERVATION.IDEMPOTENCY_MISMATCH.
 * A quote that counted on the exact number sold (first-N price) is redone if that number moved.
 */
export const reserveShares =
  (deps: ReserveSharesDeps) =>
  (actor: Actor, input: ReserveSharesInput): TE.TaskEither<AppError, ReservationResult> =>
    pipe(
      requireOwnerActor(actor),
      TE.chain((owner: OwnerId) =>
        pipe(
          checkIdempotencyKey(input.idempotencyKey),
          TE.map(
            (idempotencyKey): ReservationRequest => ({
              idempotencyKey,
              planId: input.planId as PlanId,
              ownerId: owner,
              shares: input.shares,
              shippingRegion: input.shippingRegion,
            }),
          ),
        ),
      ),
      TE.chain((request) =>
        retryOnConflict(deps.config.conflictRetry, () => attempt(deps, actor, request)),
      ),
      TE.chain(collectPayment(deps)),
    );
