import {
  type OutboxMessage,
  type OwnerId,
  type Plan,
  salesClosedMessage,
  salesClosedProducerMessage,
  withParams,
} from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { allPages, eachInOrder } from "../all-pages.ts";
import { chunksOf } from "../chunks.ts";
import type { AppError } from "../errors.ts";
import type { Clock } from "../ports/clock.ts";
import type { IdGenerator } from "../ports/id-generator.ts";
import type { Outbox } from "../ports/outbox.ts";
import type { OwnershipStore } from "../ports/ownership-store.ts";

export interface SalesClosedNoticeDeps {
  readonly ownerships: OwnershipStore;
  readonly outbox: Outbox;
  readonly ids: IdGenerator;
  readonly clock: Clock;
}

const MESSAGES_PER_ENQUEUE = 500;

/** One message per owner with active shares (summed over its reservations), and one to the producer. */
export const salesClosedMessages = (
  plan: Plan,
  activeShares: ReadonlyMap<OwnerId, number>,
  at: OutboxMessage["at"],
  ids: IdGenerator,
): OutboxMessage[] => {
  const ref = { id: plan.id, title: plan.title };
  const sharesSold = [...activeShares.values()].reduce((sum, n) => sum + n, 0);
  return [
    ...[...activeShares.entries()].map(([owner, shares]) =>
      withParams(
        salesClosedMessage({
          id: ids.deterministic("msg", "sales-closed", plan.id, owner),
          recipientId: owner,
          at,
          plan: {
            ...ref,
            deliveryFrom: plan.deliveryWindow.from,
            deliveryTo: plan.deliveryWindow.to,
          },
          shares,
        }),
        {
          planId: plan.id,
          planTitle: plan.title,
          shares,
          deliveryFrom: plan.deliveryWindow.from,
          deliveryTo: plan.deliveryWindow.to,
        },
      ),
    ),
    withParams(
      salesClosedProducerMessage({
        id: ids.deterministic("msg", "sales-closed-producer", plan.id),
        recipientId: plan.producerId,
        at,
        plan: ref,
        sharesSold,
        totalShares: plan.totalShares,
        owners: activeShares.size,
      }),
      {
        planId: plan.id,
        planTitle: plan.title,
        sharesSold,
        totalShares: plan.totalShares,
        owners: activeShares.size,
      },
    ),
  ];
};

/**
 * Tells the plan's owners and its producer that sales closed: run by the fan-out of the trigger
 * the closing wrote in its own write (fan-out-notices.ts). Sales are over, so the owners it finds
 * are the plan's final ones; the dedupe keys (plan, recipient) make a fan-out run again harmless.
 */
export const enqueueSalesClosedNotices =
  (deps: SalesClosedNoticeDeps) =>
  (plan: Plan): TE.TaskEither<AppError, number> =>
    pipe(
      allPages((page) => deps.ownerships.listByPlan(plan.id, page)),
      TE.map((ownerships) => {
        const shares = new Map<OwnerId, number>();
        for (const o of ownerships)
          if (o.status === "active") shares.set(o.ownerId, (shares.get(o.ownerId) ?? 0) + o.shares);
        return salesClosedMessages(plan, shares, deps.clock.now(), deps.ids);
      }),
      TE.chain((messages) =>
        eachInOrder(chunksOf(messages, MESSAGES_PER_ENQUEUE), (chunk) =>
          deps.outbox.enqueue(chunk),
        ),
      ),
      TE.map((results) => results.reduce((sum, r) => sum + r.enqueued, 0)),
    );
