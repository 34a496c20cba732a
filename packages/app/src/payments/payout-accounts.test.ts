import { makeMemoryPayoutAccountStore } from "@owners/adapter-memory";
import { instant, producerId } from "@owners/domain";
import * as O from "fp-ts/lib/Option.js";
import { describe, expect, it } from "vitest";
import { createPlan } from "../plans/create-plan.ts";
import { publishPlan } from "../plans/publish-plan.ts";
import { failWith, succeed } from "../testing/contracts/expect-task.ts";
import { makeOnboardingProcessor } from "../testing/onboarding-processor.ts";
import { RESERVATION_TIMES, sampleTerms } from "../testing/reservation-fixtures.ts";
import { makeReservationKit } from "../testing/reservation-kit.ts";
import { onAccountUpdated } from "./on-account-updated.ts";
import { getMyPayoutAccount } from "./payout-account-status.ts";
import { payoutDashboardLink } from "./payout-dashboard-link.ts";
import { startPayoutOnboarding } from "./start-payout-onboarding.ts";

const READY = { chargesEnabled: true, payoutsEnabled: true, detailsSubmitted: true };
const URLS = {
  returnUrl: "https://owners.example/producer?payouts=return",
  refreshUrl: "https://owners.example/producer?payouts=refresh",
};

/** The reservation kit with Stripe-like payout accounts: nothing is ready until onboarding ends. */
const stripeLikeKit = () => {
  const kit = makeReservationKit();
  const processor = makeOnboardingProcessor();
  const store = makeMemoryPayoutAccountStore();
  const deps = {
    ...kit.deps,
    payoutAccounts: processor,
    payoutAccountStore: store,
  };
  return { kit, processor, store, deps };
};

describe("publishing waits for the producer's payout account", () => {
  it("refuses PAYOUT.NOT_READY before onboarding and while the account cannot take charges", async () => {
    const { kit, processor, deps } = stripeLikeKit();
    const draft = await succeed(createPlan(deps)(kit.producer, { terms: sampleTerms() }));

    const none = await failWith(publishPlan(deps)(kit.producer, { planId: draft.id }));
    expect(none).toMatchObject({ _tag: "PAYOUT.NOT_READY", details: { accountId: null } });

    await succeed(startPayoutOnboarding(deps)(kit.producer, URLS));
    const pending = await failWith(publishPlan(deps)(kit.producer, { planId: draft.id }));
    expect(pending).toMatchObject({ _tag: "PAYOUT.NOT_READY", details: { accountId: "acct_1" } });
    expect(O.toUndefined(await succeed(deps.plans.get(draft.id)))?.status).toBe("draft");

    processor.setStatus("acct_1", { ...READY, payoutsEnabled: false });
    await succeed(
      onAccountUpdated(deps)({
        kind: "account.updated",
        eventId: "evt_1",
        createdAt: instant("2026-04-01T00:00:00.000Z"),
        accountId: "acct_1",
        chargesEnabled: true,
        payoutsEnabled: false,
      }),
    );
    expect((await succeed(publishPlan(deps)(kit.producer, { planId: draft.id }))).status).toBe(
      "open",
    );
  });

  it("tells a plan that cannot open why before asking about the payout account", async () => {
    const { kit, deps } = stripeLikeKit();
    const late = await succeed(createPlan(deps)(kit.producer, { terms: sampleTerms() }));
    kit.clock.set(RESERVATION_TIMES.closes);
    expect((await failWith(publishPlan(deps)(kit.producer, { planId: late.id })))._tag).toBe(
      "PLAN.INVALID",
    );
    // Another producer is refused as before, whatever its account.
    expect(
      (
        await failWith(
          publishPlan(deps)({ id: "producer_other", role: "producer" }, { planId: late.id }),
        )
      )._tag,
    ).toBe("PLAN.NOT_PRODUCER");
  });

  it("publishes at once with the local processor (accounts ready on first use)", async () => {
    const kit = makeReservationKit();
    const draft = await succeed(createPlan(kit.deps)(kit.producer, { terms: sampleTerms() }));
    expect((await succeed(publishPlan(kit.deps)(kit.producer, { planId: draft.id }))).status).toBe(
      "open",
    );
    const stored = await succeed(kit.deps.payoutAccountStore.get(producerId(kit.producer.id)));
    expect(O.toUndefined(stored)).toMatchObject({ chargesEnabled: true });
  });
});

describe("a producer's payout account", () => {
  it("is none before onboarding; onboarding creates the account once and links back", async () => {
    const { kit, processor, deps } = stripeLikeKit();
    expect(await succeed(getMyPayoutAccount(deps)(kit.producer))).toEqual(O.none);

    const first = await succeed(startPayoutOnboarding(deps)(kit.producer, URLS));
    const again = await succeed(startPayoutOnboarding(deps)(kit.producer, URLS));
    expect(first).toBe(
      `https://connect.example/setup/acct_1?return=${encodeURIComponent(URLS.returnUrl)}&refresh=${encodeURIComponent(URLS.refreshUrl)}`,
    );
    expect(again).toBe(first);
    expect(processor.created).toEqual([kit.producer.id]);
    expect(O.toUndefined(await succeed(getMyPayoutAccount(deps)(kit.producer)))).toMatchObject({
      accountId: "acct_1",
      chargesEnabled: false,
    });
  });

  it("is re-read from the processor while incomplete, the stored status kept if it is down", async () => {
    const { kit, processor, store, deps } = stripeLikeKit();
    await succeed(startPayoutOnboarding(deps)(kit.producer, URLS));
    processor.setStatus("acct_1", READY);
    kit.clock.advance(60_000);
    const fresh = O.toUndefined(await succeed(getMyPayoutAccount(deps)(kit.producer)));
    expect(fresh).toMatchObject({ ...READY, updatedAt: kit.clock.now() });
    expect(O.toUndefined(await succeed(store.get(producerId(kit.producer.id))))).toEqual(fresh);

    processor.setStatus("acct_1", { ...READY, chargesEnabled: false });
    processor.down = true;
    expect(O.toUndefined(await succeed(getMyPayoutAccount(deps)(kit.producer)))).toEqual(fresh);
  });

  it("gives a dashboard link after onboarding started, PAYOUT.NOT_ONBOARDED before", async () => {
    const { kit, deps } = stripeLikeKit();
    expect((await failWith(payoutDashboardLink(deps)(kit.producer)))._tag).toBe(
      "PAYOUT.NOT_ONBOARDED",
    );
    await succeed(startPayoutOnboarding(deps)(kit.producer, URLS));
    expect(await succeed(payoutDashboardLink(deps)(kit.producer))).toBe(
      "https://connect.example/express/acct_1",
    );
  });

  it("is for producers only: owners and admins are AUTH.FORBIDDEN", async () => {
    const { kit, deps } = stripeLikeKit();
    for (const actor of [kit.owner(1), kit.admin]) {
      expect((await failWith(getMyPayoutAccount(deps)(actor)))._tag).toBe("AUTH.FORBIDDEN");
      expect((await failWith(startPayoutOnboarding(deps)(actor, URLS)))._tag).toBe(
        "AUTH.FORBIDDEN",
      );
      expect((await failWith(payoutDashboardLink(deps)(actor)))._tag).toBe("AUTH.FORBIDDEN");
    }
  });
});

describe("onAccountUpdated", () => {
  const event = (accountId: string, chargesEnabled: boolean) => ({
    kind: "account.updated" as const,
    eventId: `evt_${accountId}_${chargesEnabled}`,
    createdAt: instant("2026-04-01T00:00:00.000Z"),
    accountId,
    chargesEnabled,
    payoutsEnabled: chargesEnabled,
  });

  it("stores the processor's current status, so a stale event delivered late changes nothing", async () => {
    const { kit, processor, store, deps } = stripeLikeKit();
    await succeed(startPayoutOnboarding(deps)(kit.producer, URLS));
    processor.setStatus("acct_1", READY);
    await succeed(onAccountUpdated(deps)(event("acct_1", true)));
    // The earlier "not yet" event arrives after: the processor still says ready.
    await succeed(onAccountUpdated(deps)(event("acct_1", false)));
    expect(O.toUndefined(await succeed(store.get(producerId(kit.producer.id))))).toMatchObject(
      READY,
    );
  });

  it("ignores an account no producer holds here", async () => {
    const { processor, store, deps } = stripeLikeKit();
    processor.down = true; // not even asked
    await succeed(onAccountUpdated(deps)(event("acct_unknown", true)));
    expect(await succeed(store.findByAccountId("acct_unknown"))).toEqual(O.none);
  });

  it("fails when the processor cannot be read, so the event is retried", async () => {
    const { kit, processor, deps } = stripeLikeKit();
    await succeed(startPayoutOnboarding(deps)(kit.producer, URLS));
    processor.down = true;
    expect((await failWith(onAccountUpdated(deps)(event("acct_1", true))))._tag).toBe(
      "PAYMENT.UNAVAILABLE",
    );
  });
});
