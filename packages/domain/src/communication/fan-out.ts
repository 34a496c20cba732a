import type { Plan } from "../plans/plan.ts";
import type { Instant } from "../shared/time.ts";
import { FAN_OUT_RECIPIENT, type NotificationKind, type OutboxMessage } from "./outbox.ts";

/** The events whose recipients are found later, by the fan-out, rather than in the change's write. */
export type FanOutKind = Extract<
  NotificationKind,
  | "plan-published-to-returning-owners"
  | "followed-producer-published"
  | "sales-closed"
  | "plan-cancelled"
  | "allocation-statement"
  | "season-report-posted"
>;

/**
 * ONE outbox item written in the same atomic write as the plan change it announces (a transaction
 * holds 100 items; a plan may have 100,000 owners). Its dedupe key names the event and the plan, so
 * a repeated change writes no second trigger; the fan-out expands it into one message per
 * recipient with deterministic dedupe keys, so a fan-out run again after a crash sends nobody twice.
 */
export const fanOutTrigger = (input: {
  readonly id: string;
  readonly kind: FanOutKind;
  readonly plan: Pick<Plan, "id" | "title">;
  readonly at: Instant;
  readonly params?: Readonly<Record<string, string | number>>;
}): OutboxMessage => ({
  id: input.id,
  recipientId: FAN_OUT_RECIPIENT,
  kind: input.kind,
  subject: `Fan-out: ${input.kind} for ${input.plan.title}`,
  body: `Expanded into one message per recipient by the notification batch.`,
  params: { planId: input.plan.id, planTitle: input.plan.title, ...input.params },
  at: input.at,
  dedupeKey: ["fan-out", input.kind, input.plan.id].join("#"),
});

export const isFanOutTrigger = (message: Pick<OutboxMessage, "recipientId">): boolean =>
  message.recipientId === FAN_OUT_RECIPIENT;
