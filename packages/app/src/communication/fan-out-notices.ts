import type { FanOutKind, Plan } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireAdmin } from "../access.ts";
import type { Actor } from "../actor.ts";
import { type AppError, appError } from "../errors.ts";
import {
  type AllocationStatementNoticeDeps,
  enqueueAllocationStatements,
} from "../harvest/allocation-statement-notices.ts";
import { loadPlan } from "../loading.ts";
import { MAX_PAGE_LIMIT } from "../pagination.ts";
import { type NotifyFollowersDeps, notifyFollowers } from "../people/notify-followers.ts";
import { enqueuePlanCancelledNotices } from "../plans/plan-cancelled-notices.ts";
import {
  enqueueReturningOwnerNotices,
  type ReturningOwnerNoticeDeps,
} from "../plans/returning-owner-notices.ts";
import { enqueueSalesClosedNotices } from "../plans/sales-closed-notices.ts";
import type { StoredOutboxMessage } from "../ports/outbox.ts";
import { enqueueSeasonReportNotices } from "../season/season-report-notices.ts";

export type FanOutDeps = ReturningOwnerNoticeDeps &
  Partial<Pick<NotifyFollowersDeps, "follows" | "producerProfiles" | "profiles">> &
  Partial<Pick<AllocationStatementNoticeDeps, "allocations">>;

export interface FanOutReport {
  /** Triggers expanded and settled by this run. */
  readonly triggers: number;
  /** Per-recipient messages enqueued (repeats of an earlier, interrupted run are not counted). */
  readonly messages: number;
  /** Triggers left pending (their plan unreadable, the store down): the next run tries again. */
  readonly failed: readonly { readonly dedupeKey: string; readonly error: AppError["_tag"] }[];
}

/** One trigger's recipients, each a message with a deterministic dedupe key. */
const expand =
  (deps: FanOutDeps) =>
  (trigger: StoredOutboxMessage, plan: Plan): TE.TaskEither<AppError, number> => {
    const kind = trigger.kind as FanOutKind;
    switch (kind) {
      case "plan-published-to-returning-owners":
        return enqueueReturningOwnerNotices(deps)(plan);
      case "followed-producer-published": {
        const { follows, producerProfiles, profiles } = deps;
        // Without the follow stores the trigger stays pending (reported), never dropped.
        return follows === undefined || producerProfiles === undefined || profiles === undefined
          ? TE.left(appError("STORE.UNAVAILABLE", "no follow stores to fan out to followers", {}))
          : notifyFollowers({ ...deps, follows, producerProfiles, profiles })(plan);
      }
      case "sales-closed":
        return enqueueSalesClosedNotices(deps)(plan);
      case "plan-cancelled":
        return enqueuePlanCancelledNotices(deps)(
          plan,
          String(trigger.params?.reason ?? ""),
          trigger.at,
        );
      case "allocation-statement": {
        const { allocations } = deps;
        return allocations === undefined
          ? TE.left(appError("STORE.UNAVAILABLE", "no allocation store to read statements", {}))
          : enqueueAllocationStatements({ ...deps, allocations })(plan);
      }
      case "season-report-posted":
        return enqueueSeasonReportNotices(deps)(plan, trigger);
      default:
        return TE.right(0);
    }
  };

/**
 * Expands the fan-out triggers: a change that concerns every owner or follower of a plan wrote ONE
 * trigger in its own atomic write (a transaction holds at most 100 items), and this turns each
 * into one outbox message per recipient, then settles the trigger (markDelivered). A crash in
 * between leaves the trigger pending: the next run expands it again and the messages' dedupe keys
 * (event, plan, recipient) drop what was enqueued before, so nobody is told twice and nobody is
 * missed. Runs at the start of the flush-notifications batch, so the messages go out in the same
 * run. At most `maxTriggers` a run.
 */
export const fanOutNotices =
  (deps: FanOutDeps) =>
  (
    actor: Actor,
    input: { readonly maxTriggers?: number } = {},
  ): TE.TaskEither<AppError, FanOutReport> =>
    pipe(
      requireAdmin(actor),
      TE.chain(() => async () => {
        const max = input.maxTriggers ?? 25;
        const attempted = new Set<string>();
        const failed: { dedupeKey: string; error: AppError["_tag"] }[] = [];
        let triggers = 0;
        let messages = 0;
        while (attempted.size < max) {
          const pending = await deps.outbox.listPendingFanOuts(
            Math.min(MAX_PAGE_LIMIT, max - attempted.size + failed.length),
          )();
          if (E.isLeft(pending)) return pending;
          const fresh = pending.right.filter((t) => !attempted.has(t.dedupeKey));
          if (fresh.length === 0) break;
          for (const trigger of fresh.slice(0, max - attempted.size)) {
            attempted.add(trigger.dedupeKey);
            const done = await pipe(
              loadPlan(deps.plans, String(trigger.params?.planId ?? "")),
              TE.chain((plan) => expand(deps)(trigger, plan)),
              TE.chainFirst(() => deps.outbox.markDelivered(trigger.dedupeKey, deps.clock.now())),
            )();
            if (E.isLeft(done)) {
              failed.push({ dedupeKey: trigger.dedupeKey, error: done.left._tag });
              continue;
            }
            triggers += 1;
            messages += done.right;
          }
        }
        return E.right({ triggers, messages, failed });
      }),
    );
