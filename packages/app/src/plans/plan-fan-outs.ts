import { type FanOutKind, fanOutTrigger, type OutboxMessage, type Plan } from "@owners/domain";
import type { IdGenerator } from "../ports/id-generator.ts";

const trigger = (
  ids: IdGenerator,
  kind: FanOutKind,
  plan: Plan,
  params?: Readonly<Record<string, string | number>>,
): OutboxMessage =>
  fanOutTrigger({
    id: ids.deterministic("msg", "fan-out", kind, plan.id),
    kind,
    plan,
    at: plan.updatedAt,
    ...(params === undefined ? {} : { params }),
  });

/**
 * Written with the publish itself: the producer's followers hear of the new plan, and, when it
 * opens early to returning owners, its previous owners hear when. Each is ONE trigger item, fanned
 * out by the notification batch (fan-out-notices.ts): thousands of recipients fit no transaction.
 */
export const publishedFanOuts = (ids: IdGenerator, plan: Plan): OutboxMessage[] => [
  trigger(ids, "followed-producer-published", plan),
  ...(plan.salesWindow.returningOwnersOpenAt === undefined
    ? []
    : [trigger(ids, "plan-published-to-returning-owners", plan)]),
];

/** Written with the close: every owner (and the producer) hears sales are over. */
export const salesClosedFanOut = (ids: IdGenerator, plan: Plan): OutboxMessage[] => [
  trigger(ids, "sales-closed", plan),
];

/** Written with the cancellation: every owner hears why, and what is refunded. */
export const planCancelledFanOut = (
  ids: IdGenerator,
  plan: Plan,
  reason: string,
): OutboxMessage[] => [trigger(ids, "plan-cancelled", plan, { reason })];

/** Written with the shortfall's settlement: each owner gets its harvest statement. */
export const allocationStatementFanOut = (ids: IdGenerator, plan: Plan): OutboxMessage[] => [
  trigger(ids, "allocation-statement", plan),
];
