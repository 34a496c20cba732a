import {
  type Instant,
  type Ownership,
  ownershipId,
  type Plan,
  reservationEntries,
} from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import type { Actor } from "../actor.ts";
import { ledgerContext } from "../audit-records.ts";
import { quoteShares } from "../plans/quote-shares.ts";
import { succeed } from "./contracts/expect-task.ts";
import type { ReservationKit } from "./reservation-kit.ts";

/**
 * An active ownership paid through the in-memory processor's checkout, as payment-first
 * reservations leave it: the checkout settled "succeeded" (so the processor holds a
 * PaymentIntent), the ownership active with its payment recorded, and the charge, payout and fee
 * in the ledger. Written through OwnershipStore.reserve, so the shares count as sold.
 */
export const givenPaidOwnership = (
  kit: Pick<ReservationKit, "deps" | "clock" | "payments">,
  plan: Plan,
  owner: Actor,
  shares: number,
  key = `paid-${owner.id}-${shares}`,
): Promise<Ownership> => givenOwnership(kit, plan, owner, shares, key, true);

/** A pending_payment ownership: its checkout opened and unpaid, its shares held, no ledger entry. */
export const givenUnpaidOwnership = (
  kit: Pick<ReservationKit, "deps" | "clock" | "payments">,
  plan: Plan,
  owner: Actor,
  shares: number,
  key = `unpaid-${owner.id}-${shares}`,
): Promise<Ownership> => givenOwnership(kit, plan, owner, shares, key, false);

const givenOwnership = async (
  kit: Pick<ReservationKit, "deps" | "clock" | "payments">,
  plan: Plan,
  owner: Actor,
  shares: number,
  key: string,
  paid: boolean,
): Promise<Ownership> => {
  const { deps } = kit;
  const at = deps.clock.now();
  const id = ownershipId(deps.ids.deterministic("own", plan.id, owner.id, key));
  const quote = await succeed(
    quoteShares(deps)(owner, { planId: plan.id, shares, shippingRegion: "kanto" }),
  );
  const session = await succeed(
    deps.payments.startCheckout({
      idempotencyKey: `checkout:${id}`,
      ownershipId: id,
      planId: plan.id,
      ownerId: owner.id as Ownership["ownerId"],
      amountYen: quote.totalYen,
      applicationFeeYen: quote.feeYen,
      description: plan.title,
      expiresAt: "2099-01-01T00:00:00.000Z" as Instant,
      returnUrl: "memory://return",
    }),
  );
  if (!paid) {
    const pending: Ownership = {
      id,
      planId: plan.id,
      ownerId: owner.id as Ownership["ownerId"],
      shares,
      quote,
      reservedAt: at,
      idempotencyKey: key,
      status: "pending_payment",
      payment: {
        id: session.paymentId,
        status: "pending",
        expiresAt: session.expiresAt,
        amountYen: quote.totalYen,
      },
      version: 1,
    };
    const held = await succeed(
      deps.ownerships.reserve({
        ownership: pending,
        producerId: plan.producerId,
        totalShares: plan.totalShares,
        maxSharesPerOwner: plan.maxSharesPerOwner,
        ledgerEntries: [],
        audit: [],
      }),
    );
    return held.ownership;
  }
  const settled = kit.payments.settleCheckout(session.paymentId, "succeeded", at);
  if (E.isLeft(settled) || settled.right.kind !== "payment.succeeded")
    throw new Error("the memory processor did not take the payment");
  const ownership: Ownership = {
    id,
    planId: plan.id,
    ownerId: owner.id as Ownership["ownerId"],
    shares,
    quote,
    reservedAt: at,
    idempotencyKey: key,
    status: "active",
    payment: {
      id: session.paymentId,
      status: "succeeded",
      expiresAt: session.expiresAt,
      amountYen: quote.totalYen,
      ...(settled.right.paymentIntentId === undefined
        ? {}
        : { paymentIntentId: settled.right.paymentIntentId }),
    },
    version: 1,
  };
  const entries = reservationEntries(
    ledgerContext(deps.ids, ownership, at, owner, "reservation"),
    quote,
  );
  if (E.isLeft(entries)) throw new Error(entries.left.message);
  const reserved = await succeed(
    deps.ownerships.reserve({
      ownership,
      producerId: plan.producerId,
      totalShares: plan.totalShares,
      maxSharesPerOwner: plan.maxSharesPerOwner,
      ledgerEntries: entries.right,
      audit: [],
    }),
  );
  return reserved.ownership;
};
