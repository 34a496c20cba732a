import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { Actor } from "../actor.ts";
import {
  type FlushNotificationsDeps,
  flushNotifications,
} from "../communication/flush-notifications.ts";
import { type CloseSalesDeps, closeSales } from "../plans/close-sales.ts";
import { type ExpireOffersDeps, expireOffers } from "../waitlist/expire-offers.ts";
import type { BatchJob } from "./runner.ts";

/**
 * The batches whose work list is the store's own state (open plans past their close, expired
 * offers, pending messages): what a chunk did is no longer in the list, so no cursor is needed and
 * a chunk run again after a crash finds only what is left.
 */
export const ALL_SCOPE = "all";

/** Up to `plansPerChunk` plans past their sales close become closed, their waitlists withdrawn. */
export const closeSalesJob = (
  deps: CloseSalesDeps,
  actor: Actor,
  plansPerChunk: number,
): BatchJob => ({
  batch: "close-sales",
  scope: ALL_SCOPE,
  step: () =>
    pipe(
      closeSales(deps)(actor, { maxPlans: plansPerChunk }),
      TE.map((report) => ({ counts: { plansClosed: report.closedPlans }, done: !report.more })),
    ),
});

/** Up to `offersPerChunk` expired offers withdrawn, their shares offered to the next in line. */
export const expireOffersJob = (
  deps: ExpireOffersDeps,
  actor: Actor,
  offersPerChunk: number,
): BatchJob => ({
  batch: "expire-offers",
  scope: ALL_SCOPE,
  step: () =>
    pipe(
      expireOffers(deps)(actor, { maxOffers: offersPerChunk }),
      TE.map((report) => ({
        counts: {
          plans: report.plans,
          offersWithdrawn: report.withdrawnOffers,
          offersMade: report.newOffers,
          ...(report.failed.length === 0 ? {} : { plansFailed: report.failed.length }),
        },
        problems: report.failed.map((f) => ({ item: f.planId, code: f.code, message: f.message })),
        // A chunk that withdrew nothing found nothing left to withdraw (a failing plan's offers
        // stay stored: the next run tries it again).
        done: report.withdrawnOffers === 0,
      })),
    ),
});

/** Up to `messagesPerChunk` pending messages delivered through the Notifier and marked. */
export const flushNotificationsJob = (
  deps: FlushNotificationsDeps,
  actor: Actor,
  messagesPerChunk: number,
): BatchJob => ({
  batch: "flush-notifications",
  scope: ALL_SCOPE,
  step: () =>
    pipe(
      flushNotifications(deps)(actor, { maxMessages: messagesPerChunk }),
      TE.map((report) => {
        const settled = report.delivered + report.alreadyDelivered + report.unsubscribed;
        const attempted = settled + report.failed.length;
        return {
          counts: {
            delivered: report.delivered,
            alreadyDelivered: report.alreadyDelivered,
            failed: report.failed.length,
            ...(report.unsubscribed > 0 ? { unsubscribed: report.unsubscribed } : {}),
            ...(report.channelDown ? { channelDown: 1 } : {}),
          },
          // Drained, or only refusals left (they wait for the next run), or the channel is down.
          done: report.channelDown || attempted < messagesPerChunk || settled === 0,
          problems: report.failed.map((f) => ({
            item: f.dedupeKey,
            code: f.error,
            message: "the notifier refused the message; it stays pending",
          })),
        };
      }),
    ),
});
