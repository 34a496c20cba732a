import type { components } from "./generated/schema";

/**
 * Issue 14's payment shapes, written by hand from the pinned contract: the routes that serve them
 * (reservations with a payment, GET /me/credits, GET /plans/{id}/money) are built in parallel, so
 * the generated schema does not have them yet. Once `pnpm --filter @owners/web gen:api` runs on
 * the merged API, `PendingPaths` and the overrides below go and the generated types take over.
 */
export type OwnershipStatus = "pending_payment" | "active" | "cancelled" | "payment_failed";

export type PaymentStatus = "pending" | "succeeded" | "failed" | "expired";

export interface OwnershipPayment {
  readonly id: string;
  readonly status: PaymentStatus;
  /** The processor's hosted page while the payment is open. */
  readonly checkoutUrl?: string | null;
  readonly expiresAt: string;
}

/** An ownership as the payment-first API answers it (201 of a reservation, "my ownerships"). */
export type PaidOwnership = Omit<components["schemas"]["Ownership"], "status"> & {
  readonly status: OwnershipStatus;
  /** Absent on an ownership paid wholly with store credit. */
  readonly payment?: OwnershipPayment | null;
  readonly creditAppliedYen?: number;
};

/** The signed-in owner's store credit, per producer (spent on that producer's next plan). */
export interface CreditBalance {
  readonly producerId: string;
  readonly balanceYen: number;
}

/** A plan's money, for its producer and admins: charged − refunded = payout + fees. */
export interface MoneyStatement {
  readonly chargedYen: number;
  readonly refundedYen: number;
  readonly feesYen: number;
  readonly payoutYen: number;
  readonly creditIssuedYen: number;
  readonly creditSpentYen: number;
  readonly pendingYen: number;
}

/** A 200 JSON answer, as openapi-typescript (6) writes one. */
interface JsonOk<T> {
  readonly responses: { readonly 200: { readonly content: { readonly "application/json": T } } };
}

/** The new read routes in openapi-typescript's shape, so the typed client can call them. */
export interface PendingPaths {
  "/me/credits": {
    get: JsonOk<{ credits: CreditBalance[] }>;
  };
  "/plans/{id}/money": {
    get: JsonOk<MoneyStatement> & {
      readonly parameters: { readonly path: { readonly id: string } };
    };
  };
}

/** Leaves the site: the processor's checkout or onboarding page (tests replace `assign`). */
export const browser = {
  assign: (url: string): void => {
    window.location.assign(url);
  },
};

/** Why an ownership was not paid, if it was not: the payment failed, or its hold ran out. */
export const unpaidReason = (ownership: PaidOwnership): "failed" | "expired" | undefined => {
  const payment = ownership.payment?.status;
  const settledUnpaid =
    ownership.status === "payment_failed" ||
    (ownership.status === "pending_payment" && (payment === "failed" || payment === "expired"));
  if (!settledUnpaid) return undefined;
  return payment === "expired" ? "expired" : "failed";
};

/** Still waiting for the processor's word (the page polls while any ownership is). */
export const isPaymentPending = (ownership: PaidOwnership): boolean =>
  ownership.status === "pending_payment" && unpaidReason(ownership) === undefined;
