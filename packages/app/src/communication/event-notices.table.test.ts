import {
  makeMemoryFollowStore,
  makeMemoryOwnerProfileRepository,
  makeMemoryProducerProfileStore,
} from "@owners/adapter-memory";
import {
  addMillis,
  type NotificationKind,
  type Ownership,
  ownerId,
  type Plan,
  producerId,
} from "@owners/domain";
import * as TE from "fp-ts/lib/TaskEither.js";
import { describe, expect, it } from "vitest";
import { makeCursorCodec } from "../cursor.ts";
import { appError } from "../errors.ts";
import { applyPaymentNews } from "../payments/apply-payment-news.ts";
import { newsOf, type PaymentStateEvent } from "../payments/on-payment-event.ts";
import { HOLD_REMINDER_MS, remindExpiringHolds } from "../payments/remind-expiring-holds.ts";
import { cancelPlan } from "../plans/cancel-plan.ts";
import { closeSales } from "../plans/close-sales.ts";
import { createPlan } from "../plans/create-plan.ts";
import { publishPlan } from "../plans/publish-plan.ts";
import { cancelOwnership } from "../reservations/cancel-ownership.ts";
import { reserveShares } from "../reservations/reserve-shares.ts";
import { postSeasonReport } from "../season/post-season-report.ts";
import { succeed } from "../testing/contracts/expect-task.ts";
import { sampleTerms } from "../testing/reservation-fixtures.ts";
import { makeReservationKit, type ReservationKit } from "../testing/reservation-kit.ts";
import { expireOffers } from "../waitlist/expire-offers.ts";
import { joinWaitlist } from "../waitlist/join-waitlist.ts";
import { type FanOutDeps, fanOutNotices } from "./fan-out-notices.ts";

type Deps = ReservationKit["deps"];

/** What one event needs: the world before it, the use case that causes it, who must hear of it. */
interface Arranged {
  /** The use case that makes the change (and so must write its notice). */
  readonly act: (deps: Deps) => TE.TaskEither<unknown, unknown>;
  /** The deps with the change's own store write refused. */
  readonly refuseWrite: (deps: Deps) => Deps;
  readonly recipients: readonly string[];
  /** What the fan-out needs beyond the kit (the follow stores). */
  readonly fanOutDeps?: Partial<FanOutDeps>;
}

interface EventCase {
  readonly kind: NotificationKind;
  /** Plan-wide: the change writes one trigger, the notification batch fans it out. */
  readonly fanOut: boolean;
  readonly arrange: (kit: ReservationKit) => Promise<Arranged>;
}

const refused = () => TE.left(appError("STORE.UNAVAILABLE", "refused by the test"));
const TTL = 3_600_000;

const reserve = (kit: ReservationKit, plan: Plan, owner: string | number, shares = 1) =>
  reserveShares(kit.deps)(kit.owner(owner), {
    planId: plan.id,
    shares,
    shippingRegion: "kanto",
    idempotencyKey: `k-${owner}-${plan.id}`,
  });

const paidOwner = async (kit: ReservationKit, plan: Plan, owner: string | number, shares = 1) =>
  kit.pay((await succeed(reserve(kit, plan, owner, shares))).ownership);

/** A pending hold and the processor's news about it (`outcome`). */
const heldWithNews = async (kit: ReservationKit, outcome: "succeeded" | "failed") => {
  const plan = await kit.givenOpenPlan();
  const hold: Ownership = (await succeed(reserve(kit, plan, 1, 2))).ownership;
  const event = kit.settle(hold, outcome) as PaymentStateEvent;
  return { hold, news: newsOf(event) };
};

/** A sold-out plan: owner_1 holds 2 of 3, owner_2 the last; owner_w waits for 2. */
const soldOutWithLine = async (kit: ReservationKit) => {
  const plan = await kit.givenOpenPlan({ totalShares: 3, maxSharesPerOwner: 2 });
  const first = await paidOwner(kit, plan, 1, 2);
  await paidOwner(kit, plan, 2, 1);
  await succeed(joinWaitlist(kit.deps)(kit.owner("w"), { planId: plan.id, shares: 2 }));
  return { plan, first };
};

const EVENTS: readonly EventCase[] = [
  {
    kind: "payment-pending",
    fanOut: false,
    arrange: async (kit) => {
      const plan = await kit.givenOpenPlan();
      return {
        act: (deps) =>
          reserveShares(deps)(kit.owner(1), {
            planId: plan.id,
            shares: 1,
            shippingRegion: "kanto",
            idempotencyKey: "pending",
          }),
        refuseWrite: (deps) => ({ ...deps, ownerships: { ...deps.ownerships, reserve: refused } }),
        recipients: ["owner_1"],
      };
    },
  },
  {
    kind: "reservation-confirmed",
    fanOut: false,
    arrange: async (kit) => {
      const { hold, news } = await heldWithNews(kit, "succeeded");
      return {
        act: (deps) => applyPaymentNews(deps)(kit.system, hold.id, news),
        refuseWrite: (deps) => ({
          ...deps,
          ownerships: { ...deps.ownerships, confirmPayment: refused },
        }),
        recipients: ["owner_1"],
      };
    },
  },
  {
    kind: "payment-failed",
    fanOut: false,
    arrange: async (kit) => {
      const { hold, news } = await heldWithNews(kit, "failed");
      return {
        act: (deps) => applyPaymentNews(deps)(kit.system, hold.id, news),
        refuseWrite: (deps) => ({ ...deps, ownerships: { ...deps.ownerships, cancel: refused } }),
        recipients: ["owner_1"],
      };
    },
  },
  {
    kind: "waitlist-offer-made",
    fanOut: false,
    arrange: async (kit) => {
      const { first } = await soldOutWithLine(kit);
      return {
        act: (deps) => cancelOwnership(deps)(kit.owner(1), { ownershipId: first.id }),
        refuseWrite: (deps) => ({ ...deps, ownerships: { ...deps.ownerships, cancel: refused } }),
        recipients: ["owner_w"],
      };
    },
  },
  {
    kind: "waitlist-offer-expired",
    fanOut: false,
    arrange: async (kit) => {
      const { first } = await soldOutWithLine(kit);
      await succeed(cancelOwnership(kit.deps)(kit.owner(1), { ownershipId: first.id }));
      kit.clock.advance(TTL + 1);
      return {
        act: (deps) => expireOffers(deps)(kit.system),
        refuseWrite: (deps) => ({ ...deps, waitlists: { ...deps.waitlists, save: refused } }),
        recipients: ["owner_w"],
      };
    },
  },
  {
    kind: "sales-closed",
    fanOut: true,
    arrange: async (kit) => {
      const plan = await kit.givenOpenPlan();
      await paidOwner(kit, plan, 1, 2);
      await paidOwner(kit, plan, 2, 1);
      kit.clock.set(plan.salesWindow.closesAt);
      return {
        act: (deps) => closeSales(deps)(kit.system),
        refuseWrite: (deps) => ({ ...deps, plans: { ...deps.plans, save: refused } }),
        recipients: ["owner_1", "owner_2"],
      };
    },
  },
  {
    kind: "plan-cancelled",
    fanOut: true,
    arrange: async (kit) => {
      const plan = await kit.givenOpenPlan();
      await paidOwner(kit, plan, 1, 2);
      await paidOwner(kit, plan, 2, 1);
      return {
        act: (deps) =>
          cancelPlan(deps)(kit.producer, { planId: plan.id, reason: "Hail took the crop." }),
        refuseWrite: (deps) => ({ ...deps, plans: { ...deps.plans, save: refused } }),
        recipients: ["owner_1", "owner_2"],
      };
    },
  },
  {
    kind: "plan-published-to-returning-owners",
    fanOut: true,
    arrange: async (kit) => {
      const earlier = await kit.givenOpenPlan();
      await paidOwner(kit, earlier, 1, 1);
      // The producer's next plan opens to its previous owners a week before everyone.
      const next = await succeed(
        createPlan(kit.deps)(kit.producer, {
          terms: sampleTerms({
            title: "Figs, next season",
            salesWindow: {
              returningOwnersOpenAt: "2026-07-03T00:00:00.000Z",
              opensAt: "2026-07-10T00:00:00.000Z",
              closesAt: "2026-08-10T00:00:00.000Z",
            },
            cancellationDeadline: "2026-07-20T00:00:00.000Z",
            deliveryWindow: { from: "2026-09-01", to: "2026-09-30" },
          }),
        }),
      );
      return {
        act: (deps) => publishPlan(deps)(kit.producer, { planId: next.id }),
        refuseWrite: (deps) => ({ ...deps, plans: { ...deps.plans, save: refused } }),
        recipients: ["owner_1"],
      };
    },
  },
  {
    kind: "followed-producer-published",
    fanOut: true,
    arrange: async (kit) => {
      const cursors = makeCursorCodec("event-notices-table");
      const follows = makeMemoryFollowStore(cursors);
      await succeed(
        follows.follow({
          ownerId: ownerId("owner_f"),
          producerId: producerId(kit.producer.id),
          followedAt: kit.clock.now(),
        }),
      );
      const draft = await succeed(createPlan(kit.deps)(kit.producer, { terms: sampleTerms() }));
      return {
        act: (deps) => publishPlan(deps)(kit.producer, { planId: draft.id }),
        refuseWrite: (deps) => ({ ...deps, plans: { ...deps.plans, save: refused } }),
        recipients: ["owner_f"],
        fanOutDeps: {
          follows,
          producerProfiles: makeMemoryProducerProfileStore(cursors),
          profiles: makeMemoryOwnerProfileRepository(),
        },
      };
    },
  },
  {
    kind: "season-report-posted",
    fanOut: true,
    arrange: async (kit) => {
      const open = await kit.givenOpenPlan();
      await paidOwner(kit, open, 1, 2);
      await paidOwner(kit, open, 2, 1);
      // Harvest and parcels are other slices': the plan is put into `completed` directly.
      const current = await succeed(kit.deps.plans.get(open.id));
      if (current._tag === "None") throw new Error("no plan");
      const plan = await succeed(
        kit.deps.plans.save({ ...current.value, status: "completed" }, current.value.version),
      );
      const producerProfiles = makeMemoryProducerProfileStore(makeCursorCodec("season-report"));
      return {
        act: (deps) =>
          postSeasonReport({ ...deps, producerProfiles })(kit.producer, {
            planId: plan.id,
            harvestedUnits: 30,
            lotCount: 1,
            note: "",
            photoKeys: [],
          }),
        refuseWrite: (deps) => ({
          ...deps,
          seasonReports: { ...deps.seasonReports, put: refused },
        }),
        recipients: ["owner_1", "owner_2"],
      };
    },
  },
];

/** The outbox as the use case wrote it: every message of `kind`, and the triggers of it. */
const written = async (kit: ReservationKit, kind: NotificationKind) => ({
  messages: (await succeed(kit.deps.outbox.listPending(100))).filter((m) => m.kind === kind),
  triggers: (await succeed(kit.deps.outbox.listPendingFanOuts(100))).filter((m) => m.kind === kind),
});

describe.each(EVENTS)("event $kind", ({ kind, fanOut, arrange }) => {
  it("is enqueued once per recipient by the change's own write", async () => {
    const kit = makeReservationKit({ config: { offerTtlMs: TTL } });
    const arranged = await arrange(kit);
    const before = await written(kit, kind);
    // A separate enqueue cannot be how the notice gets there: it is refused throughout.
    const noEnqueue: Deps = {
      ...kit.deps,
      outbox: { ...kit.deps.outbox, enqueue: refused },
    };
    await succeed(arranged.act(noEnqueue) as never);
    const after = await written(kit, kind);
    if (fanOut) {
      // ONE trigger with the change; the notification batch turns it into a message each.
      expect(after.triggers.length - before.triggers.length).toBe(1);
      const fanOutDeps = { ...kit.deps, ...arranged.fanOutDeps };
      await succeed(fanOutNotices(fanOutDeps)(kit.system));
      await succeed(fanOutNotices(fanOutDeps)(kit.system)); // a repeat adds nobody
      expect((await written(kit, kind)).triggers).toEqual([]);
    }
    const messages = (await written(kit, kind)).messages.filter(
      (m) => !before.messages.some((b) => b.dedupeKey === m.dedupeKey),
    );
    expect(messages.map((m) => m.recipientId as string).sort()).toEqual(
      [...arranged.recipients].sort(),
    );
    for (const message of messages) expect(message.params).toBeDefined();
  });

  it("is not enqueued when the change's write is refused", async () => {
    const kit = makeReservationKit({ config: { offerTtlMs: TTL } });
    const arranged = await arrange(kit);
    const before = await written(kit, kind);
    const result = await arranged.act(arranged.refuseWrite(kit.deps))();
    expect(result._tag).toBe("Left");
    if (fanOut) await succeed(fanOutNotices({ ...kit.deps, ...arranged.fanOutDeps })(kit.system));
    const after = await written(kit, kind);
    expect(after.messages).toEqual(before.messages);
    expect(after.triggers).toEqual(before.triggers);
  });
});

describe("event payment-expiring", () => {
  it("reminds an unpaid hold once, shortly before it ends; a paid one never", async () => {
    const kit = makeReservationKit();
    const plan = await kit.givenOpenPlan();
    const hold = (await succeed(reserve(kit, plan, 1, 1))).ownership;
    const paid = await paidOwner(kit, plan, 2, 1);
    const reminded = async () =>
      (await succeed(kit.deps.outbox.listPending(100))).filter(
        (m) => m.kind === "payment-expiring",
      );
    expect(await succeed(remindExpiringHolds(kit.deps)())).toBe(0);
    if (hold.holdExpiresAt === undefined) throw new Error("a hold has an end");
    kit.clock.set(addMillis(hold.holdExpiresAt, -HOLD_REMINDER_MS / 2));
    expect(await succeed(remindExpiringHolds(kit.deps)())).toBe(1);
    expect(await succeed(remindExpiringHolds(kit.deps)())).toBe(0);
    const [message] = await reminded();
    expect(message).toMatchObject({
      recipientId: "owner_1",
      params: { ownershipId: hold.id, holdExpiresAt: hold.holdExpiresAt },
    });
    expect((await reminded()).map((m) => m.recipientId)).not.toContain(paid.ownerId);
  });
});
