import type { Instant, OwnerId, Plan, PlanId, ProducerId } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { Actor } from "../actor.ts";
import { allPages, eachInOrder } from "../all-pages.ts";
import { chunksOf } from "../chunks.ts";
import { type AppError, appError } from "../errors.ts";
import type { AccountClosures } from "../ports/account-closures.ts";
import type { IdentityDirectory } from "../ports/identity-directory.ts";
import type { PersonalDataHolder } from "../ports/personal-data.ts";
import { type CancelOwnershipDeps, cancelOwnership } from "../reservations/cancel-ownership.ts";
import { leaveEveryLine } from "../waitlist/leave-every-line.ts";
import { planAccountDeletion } from "./deletion-blockers.ts";
import { eraseEverywhere } from "./erase-after-closure.ts";
import { requireOpenAccount } from "./export-personal-data.ts";
import { allOwnershipsOf } from "./holders/ownerships-holder.ts";

export type DeleteAccountDeps = CancelOwnershipDeps & {
  readonly accountClosures: AccountClosures;
  readonly personalDataHolders: readonly PersonalDataHolder[];
  readonly identityDirectory: IdentityDirectory;
};

export interface AccountDeletion {
  readonly personId: string;
  readonly closedAt: Instant;
  /** Ownerships cancelled (and refunded by the plan's terms) on the way. */
  readonly cancelledOwnershipIds: readonly string[];
}

const plansById = (deps: DeleteAccountDeps, ids: readonly PlanId[]) =>
  pipe(
    eachInOrder(chunksOf([...new Set(ids)], 100), (chunk) => deps.plans.getMany(chunk)),
    TE.map((lists) => new Map<string, Plan>(lists.flat().map((plan) => [plan.id, plan]))),
  );

const producedPlans = (deps: DeleteAccountDeps, actor: Actor) =>
  actor.role === "producer"
    ? allPages((page) => deps.plans.list({ producerId: actor.id as ProducerId }, page))
    : TE.right<AppError, Plan[]>([]);

/**
 * Closes the signed-in person's account (APPI). First what it still holds: ownerships on live
 * plans are cancelled and refunded through the ordinary cancellation (the plan's terms), or, past
 * a cancellation deadline, nothing happens and ACCOUNT.DELETION_BLOCKED lists why. Its places in
 * waitlists never block: it leaves every line (leaveEveryLine) before those cancellations. Then every
 * store's holder erases its personal data, the identity provider's user is deleted, and the
 * closure is recorded last: a crash anywhere before it leaves a retry that redoes each step
 * (all idempotent), and the export answers ACCOUNT.NOT_FOUND once it is recorded.
 */
export const deleteAccount =
  (deps: DeleteAccountDeps) =>
  (actor: Actor): TE.TaskEither<AppError, AccountDeletion> =>
    pipe(
      requireOpenAccount(deps.accountClosures, actor.id),
      TE.chain(() => allOwnershipsOf(deps.ownerships, actor.id)),
      TE.chain((ownerships) =>
        pipe(
          TE.Do,
          TE.bind("plans", () =>
            plansById(
              deps,
              ownerships.map((o) => o.planId),
            ),
          ),
          TE.bind("produced", () => producedPlans(deps, actor)),
          TE.map(({ plans, produced }) =>
            planAccountDeletion({
              personId: actor.id,
              now: deps.clock.now(),
              ownerships,
              plans,
              producedPlans: produced,
            }),
          ),
        ),
      ),
      TE.chain((plan) =>
        plan.blockers.length > 0
          ? TE.left(
              appError("ACCOUNT.DELETION_BLOCKED", "the account cannot be closed yet", {
                blockers: plan.blockers,
              }),
            )
          : TE.right(plan.toCancel),
      ),
      // The person leaves every waitlist first (its offers pass to the next in line), so the
      // shares its own cancellations free below are never offered back to it.
      TE.chainFirst(() =>
        leaveEveryLine(deps)({ id: actor.id, role: "owner" }, actor.id as OwnerId),
      ),
      // The person cancels as the owner of each ownership, whatever role it signed in with.
      TE.chain((toCancel) =>
        eachInOrder(toCancel, (ownership) =>
          cancelOwnership(deps)({ id: actor.id, role: "owner" }, { ownershipId: ownership.id }),
        ),
      ),
      TE.chainFirst(() =>
        eachInOrder(deps.personalDataHolders, (holder) => holder.eraseFor(actor.id)),
      ),
      TE.chainFirst(() => deps.identityDirectory.deleteUser(actor.id)),
      TE.chain((cancelled) =>
        pipe(
          deps.accountClosures.record({ personId: actor.id, closedAt: deps.clock.now() }),
          TE.map((closure) => ({
            personId: actor.id,
            closedAt: closure.closedAt,
            cancelledOwnershipIds: cancelled.map((o) => o.id),
          })),
        ),
      ),
      // Again once the tombstone is there: a write that raced the closure (checked while open,
      // stored after the erasure above) is gone now, or its own check after it sees the closure.
      TE.chainFirst(() => eraseEverywhere(deps.personalDataHolders, actor.id)),
    );
