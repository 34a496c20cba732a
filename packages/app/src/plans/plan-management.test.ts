import { planId, producerId } from "@owners/domain";
import { describe, expect, it } from "vitest";
import { reserveShares } from "../reservations/reserve-shares.ts";
import { failWith, succeed } from "../testing/contracts/expect-task.ts";
import { sampleProducerProfile } from "../testing/contracts/producer-profile-store.contract.ts";
import { RESERVATION_TIMES, sampleTerms } from "../testing/reservation-fixtures.ts";
import { makeReservationKit } from "../testing/reservation-kit.ts";
import { closePlan } from "./close-plan.ts";
import { createPlan } from "./create-plan.ts";
import { editPlan } from "./edit-plan.ts";
import { publishPlan } from "./publish-plan.ts";

describe("createPlan", () => {
  it("drafts a plan for its producer at the platform's fee rate, audited", async () => {
    const kit = makeReservationKit({ config: { platformFeeBps: 1500 } });
    const plan = await succeed(createPlan(kit.deps)(kit.producer, { terms: sampleTerms() }));
    expect(plan).toMatchObject({
      status: "draft",
      producerId: kit.producer.id,
      platformFeeBps: 1500,
      sharesSold: 0,
      version: 1,
    });
    const audit = await succeed(kit.deps.audit.listBySubject("plan", plan.id));
    expect(audit.map((e) => [e.action, e.actor.id])).toEqual([["plan.created", kit.producer.id]]);
  });

  it("lets an admin create for an approved producer, nobody else (AUTH.FORBIDDEN); invalid terms are PLAN.INVALID", async () => {
    const kit = makeReservationKit();
    const forStranger = await failWith(
      createPlan(kit.deps)(kit.admin, { terms: sampleTerms(), producerId: "producer_x" }),
    );
    expect(forStranger._tag).toBe("PRODUCER.NOT_FOUND");
    const drafted = await succeed(
      kit.deps.plans.list({ producerId: producerId("producer_x") }, { limit: 10 }),
    );
    expect(drafted.items).toEqual([]);
    await succeed(
      kit.deps.producerProfiles.save(
        sampleProducerProfile({ producerId: producerId("producer_x") }),
        0,
      ),
    );
    const forOther = await succeed(
      createPlan(kit.deps)(kit.admin, { terms: sampleTerms(), producerId: "producer_x" }),
    );
    expect(forOther.producerId).toBe("producer_x");
    expect(
      (await failWith(createPlan(kit.deps)(kit.owner(1), { terms: sampleTerms() })))._tag,
    ).toBe("AUTH.FORBIDDEN");
    expect((await failWith(createPlan(kit.deps)(kit.admin, { terms: sampleTerms() })))._tag).toBe(
      "AUTH.FORBIDDEN",
    );
    const invalid = await failWith(
      createPlan(kit.deps)(kit.producer, { terms: sampleTerms({ totalShares: 0 }) }),
    );
    expect(invalid._tag).toBe("PLAN.INVALID");
  });
});

describe("editPlan", () => {
  it("edits anything of a draft and only presentation, prices and capacity once open", async () => {
    const kit = makeReservationKit();
    const draft = await succeed(createPlan(kit.deps)(kit.producer, { terms: sampleTerms() }));
    kit.clock.advance(1000);
    const edited = await succeed(
      editPlan(kit.deps)(kit.producer, { planId: draft.id, patch: { totalShares: 40 } }),
    );
    expect(edited).toMatchObject({ totalShares: 40, version: 2 });
    kit.clock.advance(1000);
    const open = await succeed(publishPlan(kit.deps)(kit.producer, { planId: draft.id }));
    kit.clock.advance(1000);
    const frozen = await failWith(
      editPlan(kit.deps)(kit.producer, { planId: draft.id, patch: { totalShares: 50 } }),
    );
    expect(frozen).toMatchObject({
      _tag: "PLAN.FROZEN_FIELD",
      details: { fields: ["totalShares"] },
    });
    const repriced = await succeed(
      editPlan(kit.deps)(kit.producer, {
        planId: draft.id,
        patch: {
          title: "Black figs",
          pricing: { basePriceYen: 6000, tiers: [], shippingSurchargeYen: { kanto: 900 } },
        },
      }),
    );
    expect(repriced).toMatchObject({
      title: "Black figs",
      pricing: { basePriceYen: 6000 },
      version: open.version + 1,
    });
    const trail = await succeed(kit.deps.audit.listBySubject("plan", draft.id));
    expect(trail.map((e) => e.action)).toEqual([
      "plan.created",
      "plan.edited",
      "plan.published",
      "plan.edited",
    ]);
  });

  it("writes nothing for an edit that changes nothing, and honours expectedVersion (STORE.VERSION_CONFLICT)", async () => {
    const kit = makeReservationKit();
    const draft = await succeed(createPlan(kit.deps)(kit.producer, { terms: sampleTerms() }));
    expect(
      await succeed(
        editPlan(kit.deps)(kit.producer, { planId: draft.id, patch: { title: draft.title } }),
      ),
    ).toEqual(draft);
    const stale = await failWith(
      editPlan(kit.deps)(kit.producer, {
        planId: draft.id,
        patch: { title: "x" },
        expectedVersion: 7,
      }),
    );
    expect(stale._tag).toBe("STORE.VERSION_CONFLICT");
  });

  it("is the producer's own: another producer is PLAN.NOT_PRODUCER, an owner or admin AUTH.FORBIDDEN", async () => {
    const kit = makeReservationKit();
    const draft = await succeed(createPlan(kit.deps)(kit.producer, { terms: sampleTerms() }));
    const other = { id: "producer_other", role: "producer" as const };
    expect(
      (await failWith(editPlan(kit.deps)(other, { planId: draft.id, patch: { title: "x" } })))._tag,
    ).toBe("PLAN.NOT_PRODUCER");
    expect(
      (
        await failWith(
          editPlan(kit.deps)(kit.owner(1), { planId: draft.id, patch: { title: "x" } }),
        )
      )._tag,
    ).toBe("AUTH.FORBIDDEN");
    expect(
      (await failWith(editPlan(kit.deps)(kit.admin, { planId: draft.id, patch: { title: "x" } })))
        ._tag,
    ).toBe("AUTH.FORBIDDEN");
    expect(
      (await failWith(editPlan(kit.deps)(kit.producer, { planId: planId("plan_nope"), patch: {} })))
        ._tag,
    ).toBe("PLAN.NOT_FOUND");
  });

  it("an edit racing a reservation keeps the reservation's counters", async () => {
    const kit = makeReservationKit();
    const plan = await kit.givenOpenPlan();
    const reserve = reserveShares(kit.deps)(kit.owner(1), {
      planId: plan.id,
      shares: 2,
      shippingRegion: "kanto",
      idempotencyKey: "k",
    });
    const edit = editPlan(kit.deps)(kit.producer, {
      planId: plan.id,
      patch: { story: "Now with photos" },
    });
    await Promise.all([reserve(), edit()]);
    expect(await succeed(kit.deps.plans.get(plan.id))).toMatchObject({
      value: { sharesSold: 2, story: "Now with photos" },
    });
  });
});

describe("publishPlan and closePlan", () => {
  it("publishes a draft once (PLAN.ILLEGAL_TRANSITION after) and not after its window (PLAN.INVALID)", async () => {
    const kit = makeReservationKit();
    const draft = await succeed(createPlan(kit.deps)(kit.producer, { terms: sampleTerms() }));
    expect(await succeed(publishPlan(kit.deps)(kit.producer, { planId: draft.id }))).toMatchObject({
      status: "open",
    });
    expect((await failWith(publishPlan(kit.deps)(kit.producer, { planId: draft.id })))._tag).toBe(
      "PLAN.ILLEGAL_TRANSITION",
    );
    const late = await succeed(createPlan(kit.deps)(kit.producer, { terms: sampleTerms() }));
    kit.clock.set(RESERVATION_TIMES.closes);
    expect((await failWith(publishPlan(kit.deps)(kit.producer, { planId: late.id })))._tag).toBe(
      "PLAN.INVALID",
    );
  });

  it("closes an open plan (producer or admin), idempotently; a draft cannot be closed", async () => {
    const kit = makeReservationKit();
    const plan = await kit.givenOpenPlan();
    expect((await failWith(closePlan(kit.deps)(kit.owner(1), { planId: plan.id })))._tag).toBe(
      "AUTH.FORBIDDEN",
    );
    expect(await succeed(closePlan(kit.deps)(kit.admin, { planId: plan.id }))).toMatchObject({
      status: "closed",
    });
    expect(await succeed(closePlan(kit.deps)(kit.producer, { planId: plan.id }))).toMatchObject({
      status: "closed",
    });
    const draft = await succeed(createPlan(kit.deps)(kit.producer, { terms: sampleTerms() }));
    expect((await failWith(closePlan(kit.deps)(kit.producer, { planId: draft.id })))._tag).toBe(
      "PLAN.ILLEGAL_TRANSITION",
    );
  });
});
