import type { Ownership, Quote } from "@owners/domain";

/**
 * The price of one share in a quote. Every share has one price unless a first-N tier ends inside
 * this purchase; then it is the average, rounded down (the exact split is in `lines`).
 */
export const unitPriceOf = (quote: Quote): number => {
  const prices = new Set(quote.lines.map((line) => line.unitPriceYen));
  const [only] = prices;
  return prices.size === 1 && only !== undefined
    ? only
    : Math.floor(quote.sharesYen / Math.max(1, quote.shares));
};

export const quoteJson = (quote: Quote) => ({
  shares: quote.shares,
  unitPriceYen: unitPriceOf(quote),
  lines: quote.lines,
  sharesYen: quote.sharesYen,
  shippingRegion: quote.shippingRegion,
  shippingYen: quote.shippingYen,
  // Chilled/frozen plans: the クール便 surcharge, its own line of the total.
  ...(quote.temperatureSurcharge === undefined
    ? {}
    : { temperatureSurcharge: quote.temperatureSurcharge }),
  totalYen: quote.totalYen,
});

/** An ownership as its owner sees it; the reservation answer (same body on a repeat). */
export const ownershipJson = (ownership: Ownership) => ({
  id: ownership.id,
  planId: ownership.planId,
  ownerId: ownership.ownerId,
  status: ownership.status,
  ...quoteJson(ownership.quote),
  reservedAt: ownership.reservedAt,
  ...(ownership.creditAppliedYen !== undefined
    ? { creditAppliedYen: ownership.creditAppliedYen }
    : {}),
  ...(ownership.cancelledAt !== undefined ? { cancelledAt: ownership.cancelledAt } : {}),
  ...(ownership.payment === undefined
    ? {}
    : {
        payment: {
          id: ownership.payment.id,
          status: ownership.payment.status,
          // Only while it can still be paid.
          ...(ownership.payment.checkoutUrl !== undefined && ownership.status === "pending_payment"
            ? { checkoutUrl: ownership.payment.checkoutUrl }
            : {}),
          expiresAt: ownership.payment.expiresAt,
        },
      }),
  ...(ownership.disputed === true ? { disputed: true } : {}),
});

/** What the disputes list shows of a flagged ownership (as the flagging amendment wrote it). */
export const disputeJson = (ownership: Ownership) => {
  const { id, planId, ownerId, status, shares, totalYen, reservedAt } = ownershipJson(ownership);
  return {
    id,
    planId,
    ownerId,
    status,
    shares,
    totalYen,
    reservedAt,
    ...(ownership.payment?.paymentIntentId === undefined
      ? {}
      : { paymentIntentId: ownership.payment.paymentIntentId }),
    ...(ownership.payment === undefined ? {} : { chargedYen: ownership.payment.amountYen }),
    disputed: ownership.disputed === true,
  };
};
