import type { components } from "./generated/schema";

/** The payment shapes of the API, from its generated OpenAPI types. */
export type OwnershipStatus = components["schemas"]["Ownership"]["status"];

export type PaymentStatus = components["schemas"]["OwnershipPayment"]["status"];

export type OwnershipPayment = components["schemas"]["OwnershipPayment"];

/** An ownership as the payment-first API answers it (201 of a reservation, "my ownerships"). */
export type PaidOwnership = components["schemas"]["Ownership"];

/** The signed-in owner's store credit, per producer (spent on that producer's next plan). */
export type CreditBalance = components["schemas"]["MyCredits"]["credits"][number];

/** A plan's money, for its producer and admins: charged − refunded = payout + fees. */
export type MoneyStatement = components["schemas"]["PlanMoney"];

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
