import {
  type Instant,
  type OutboxMessage,
  type Ownership,
  type Plan,
  paymentAmounts,
  paymentFailedMessage,
  paymentPendingMessage,
  reservationConfirmedMessage,
  withParams,
} from "@owners/domain";
import type { IdGenerator } from "../ports/id-generator.ts";

type PlanRef = Pick<Plan, "id" | "title">;

/** "reservation-confirmed" for an ownership that is paid (active) now, with its template data. */
export const reservationPaidNotice = (
  ids: IdGenerator,
  plan: PlanRef,
  paid: Ownership,
  at: Instant,
): OutboxMessage => {
  const totalYen = paymentAmounts(paid).amountYen;
  return withParams(
    reservationConfirmedMessage({
      id: ids.deterministic("msg", "reservation-confirmed", paid.id),
      recipientId: paid.ownerId,
      at,
      plan: { id: plan.id, title: plan.title },
      ownershipId: paid.id,
      shares: paid.shares,
      totalYen,
    }),
    {
      planId: plan.id,
      planTitle: plan.title,
      ownershipId: paid.id,
      shares: paid.shares,
      totalYen,
    },
  );
};

/**
 * What a new reservation tells its owner, written with the reservation itself: confirmed when it
 * is paid at once (free, or all by store credit), else that the payment is pending until the hold
 * ends.
 */
export const reservationNotices = (
  ids: IdGenerator,
  plan: PlanRef,
  ownership: Ownership,
  at: Instant,
): OutboxMessage[] => {
  if (ownership.status === "active") return [reservationPaidNotice(ids, plan, ownership, at)];
  if (ownership.status !== "pending_payment") return [];
  return [
    paymentPendingMessage({
      id: ids.deterministic("msg", "payment-pending", ownership.id),
      recipientId: ownership.ownerId,
      at,
      plan: { id: plan.id, title: plan.title },
      ownershipId: ownership.id,
      shares: ownership.shares,
      amountYen: paymentAmounts(ownership).amountYen,
      holdExpiresAt: ownership.holdExpiresAt ?? ownership.reservedAt,
    }),
  ];
};

/** The hold was released unpaid: written with the release. */
export const paymentFailedNotice = (
  ids: IdGenerator,
  plan: PlanRef,
  ownership: Ownership,
  reason: "failed" | "expired",
  at: Instant,
): OutboxMessage =>
  paymentFailedMessage({
    id: ids.deterministic("msg", "payment-failed", ownership.id),
    recipientId: ownership.ownerId,
    at,
    plan: { id: plan.id, title: plan.title },
    ownershipId: ownership.id,
    shares: ownership.shares,
    reason,
  });
