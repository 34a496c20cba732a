import {
  bookingId,
  experienceId,
  type Instant,
  isRefundIntentOpen,
  ownershipId,
  planId,
  type RefundIntent,
  type RefundIntentState,
  type Yen,
} from "@owners/domain";
import { defined, type Item } from "./item.ts";
import { refundIntentKeys } from "./reservation-keys.ts";

/** The intent's item: its keys, the three index keys (the open one only while open), its fields. */
export const refundIntentToItem = (intent: RefundIntent): Item =>
  defined({
    ...refundIntentKeys.item(intent.id),
    entity: "refundIntent",
    ...(intent.paymentIntentId === undefined
      ? {}
      : {
          GSI1PK: refundIntentKeys.byPaymentIntent(intent.paymentIntentId),
          GSI1SK: refundIntentKeys.timeSort(intent.createdAt, intent.id),
        }),
    // Ownerships' refunds only: a booking's money is outside the plan's ledger and statement.
    ...(intent.booking === undefined
      ? {
          GSI2PK: refundIntentKeys.byPlan(intent.planId),
          GSI2SK: refundIntentKeys.timeSort(intent.createdAt, intent.id),
        }
      : {}),
    ...(isRefundIntentOpen(intent) ? { GSI3PK: refundIntentKeys.open, GSI3SK: intent.id } : {}),
    id: intent.id,
    planId: intent.planId,
    ownershipId: intent.ownershipId,
    experienceId: intent.booking?.experienceId,
    bookingId: intent.booking?.bookingId,
    paymentIntentId: intent.paymentIntentId,
    amountYen: intent.amountYen,
    reason: intent.reason,
    state: intent.state,
    refundId: intent.refundId,
    declines: intent.declines,
    lastError: intent.lastError,
    createdAt: intent.createdAt,
    updatedAt: intent.updatedAt,
    version: intent.version,
  });

export const refundIntentFromItem = (item: Item): RefundIntent => ({
  id: item.id as string,
  planId: planId(item.planId as string),
  ...(item.ownershipId === undefined
    ? {}
    : { ownershipId: ownershipId(item.ownershipId as string) }),
  ...(item.bookingId === undefined
    ? {}
    : {
        booking: {
          experienceId: experienceId(item.experienceId as string),
          bookingId: bookingId(item.bookingId as string),
        },
      }),
  ...(item.paymentIntentId === undefined
    ? {}
    : { paymentIntentId: item.paymentIntentId as string }),
  amountYen: item.amountYen as Yen,
  reason: item.reason as RefundIntent["reason"],
  state: item.state as RefundIntentState,
  ...(item.refundId === undefined ? {} : { refundId: item.refundId as string }),
  declines: item.declines as number,
  ...(item.lastError === undefined ? {} : { lastError: item.lastError as string }),
  createdAt: item.createdAt as Instant,
  updatedAt: item.updatedAt as Instant,
  version: item.version as number,
});
