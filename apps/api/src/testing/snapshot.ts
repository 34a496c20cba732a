import type { ExperienceId, OwnerId, PlanId, UpdateId } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import type { World } from "./world.ts";

const value = async <A>(task: TE.TaskEither<unknown, A>): Promise<A> => {
  const result = await task();
  if (E.isLeft(result)) throw new Error(`snapshot read failed: ${JSON.stringify(result.left)}`);
  return result.right;
};

const ALL = { limit: 100 };
const OWNERS = ["o1", "o2", "o3", "o9", "producer-a", "producer-b", "root"] as OwnerId[];

/**
 * Everything the memory ports hold that a request could change, as one JSON string: plans (every
 * status), their ownerships, ledger, audit, waitlists, lots, allocations, shipments, experiences
 * and bookings, updates and comments, profiles, money movements, files and the outbox.
 */
export const snapshot = async (w: World): Promise<string> => {
  const { ports } = w.h;
  const plans = await value(ports.plans.list({}, ALL));
  const perPlan = await Promise.all(
    plans.items.map(async (plan) => {
      const id = plan.id as PlanId;
      return {
        plan,
        ownerships: await value(ports.ownerships.listByPlan(id, ALL)),
        ledger: await value(ports.ledger.listByPlan(id)),
        audit: await value(ports.audit.listByPlan(id)),
        waitlist: await value(ports.waitlists.load(id, w.h.clock.now())),
        lots: await value(ports.harvests.listByPlan(id)),
        allocated: await value(ports.allocations.allocatedLotIds(id)),
        summaries: await value(ports.allocations.listSummaries(id, ALL)),
        shipments: await value(ports.shipments.listByPlan(id, ALL)),
        experiences: await value(ports.experiences.listByPlan(id, ALL)),
        updates: await value(ports.communication.listUpdates(id, { includeOwnersOnly: true }, ALL)),
      };
    }),
  );
  return JSON.stringify({
    plans: perPlan,
    bookings: await value(ports.experiences.listBookings(w.experienceId as ExperienceId, ALL)),
    comments: await value(ports.communication.listComments(w.updateId as UpdateId, ALL)),
    profiles: [...(await value(ports.profiles.getMany(OWNERS))).entries()],
    byOwner: await Promise.all(OWNERS.map((o) => value(ports.ownerships.listByOwner(o, ALL)))),
    payments: ports.payments.checkouts(),
    files: ports.blobs.keys(),
    outbox: await value(ports.outbox.listPending(100)),
    delivered: ports.notifier.delivered(),
  });
};
