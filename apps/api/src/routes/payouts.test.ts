import { makeMemoryPayoutAccountStore } from "@owners/adapter-memory";
import { makeOnboardingProcessor } from "@owners/app/testing";
import { describe, expect, it } from "vitest";
import { expectProblem } from "../testing/expect-problem.ts";
import { makeHarness, planBody } from "../testing/harness.ts";

const PRODUCER = ["producer-a", "producer"] as [string, "producer"];

/** The API with Stripe-like payout accounts: nothing can take charges until onboarding ends. */
const stripeLike = () => {
  const processor = makeOnboardingProcessor();
  const h = makeHarness({
    ports: { payoutAccounts: processor, payoutAccountStore: makeMemoryPayoutAccountStore() },
  });
  return { h, processor };
};

describe("a producer's payout account over HTTP", () => {
  it("goes from none to onboarding to ready, and gates publishing on it (409 PAYOUT.NOT_READY)", async () => {
    const { h, processor } = stripeLike();
    expect((await h.call("GET", "/producers/me/payout-account", { as: PRODUCER })).body).toEqual({
      accountId: null,
      chargesEnabled: false,
      payoutsEnabled: false,
      detailsSubmitted: false,
    });
    expectProblem(
      await h.call("POST", "/producers/me/payout-account/dashboard", { as: PRODUCER }),
      409,
      "PAYOUT.NOT_ONBOARDED",
    );
    const draft = await h.call("POST", "/plans", { body: planBody(), as: PRODUCER });
    expectProblem(
      await h.call("POST", `/plans/${draft.body.id}/publish`, { as: PRODUCER }),
      409,
      "PAYOUT.NOT_READY",
    );

    const onboarding = await h.call("POST", "/api/producers/me/payout-account/onboarding", {
      as: PRODUCER,
      headers: { origin: "https://owners.example" },
    });
    expect(onboarding.status).toBe(200);
    const link = new URL(onboarding.body.url);
    expect(link.searchParams.get("return")).toBe("https://owners.example/producer?payouts=return");
    expect(link.searchParams.get("refresh")).toBe(
      "https://owners.example/producer?payouts=refresh",
    );
    expect((await h.call("GET", "/producers/me/payout-account", { as: PRODUCER })).body).toEqual({
      accountId: "acct_1",
      chargesEnabled: false,
      payoutsEnabled: false,
      detailsSubmitted: false,
    });
    expectProblem(
      await h.call("POST", `/plans/${draft.body.id}/publish`, { as: PRODUCER }),
      409,
      "PAYOUT.NOT_READY",
    );

    processor.setStatus("acct_1", {
      chargesEnabled: true,
      payoutsEnabled: true,
      detailsSubmitted: true,
    });
    expect((await h.call("GET", "/producers/me/payout-account", { as: PRODUCER })).body).toEqual({
      accountId: "acct_1",
      chargesEnabled: true,
      payoutsEnabled: true,
      detailsSubmitted: true,
    });
    expect((await h.call("POST", `/plans/${draft.body.id}/publish`, { as: PRODUCER })).status).toBe(
      200,
    );
    expect(
      (await h.call("POST", "/producers/me/payout-account/dashboard", { as: PRODUCER })).body,
    ).toEqual({ url: "https://connect.example/express/acct_1" });
    expect(processor.created).toEqual(["producer-a"]);
  });

  it("links back to the API's own origin when the caller sends no Origin", async () => {
    const { h } = stripeLike();
    const { body } = await h.call("POST", "/producers/me/payout-account/onboarding", {
      as: PRODUCER,
    });
    expect(new URL(body.url).searchParams.get("return")).toBe(
      "http://localhost/producer?payouts=return",
    );
  });

  it("answers 503 when the processor is down during onboarding", async () => {
    const { h, processor } = stripeLike();
    processor.down = true;
    expectProblem(
      await h.call("POST", "/producers/me/payout-account/onboarding", { as: PRODUCER }),
      503,
      "PAYMENT.UNAVAILABLE",
    );
  });

  it("is ready at once with the in-process processor (pnpm start, the memory mode)", async () => {
    const h = makeHarness();
    expect((await h.call("GET", "/producers/me/payout-account", { as: PRODUCER })).body).toEqual({
      accountId: "acct_mem_producer-a",
      chargesEnabled: true,
      payoutsEnabled: true,
      detailsSubmitted: true,
    });
  });
});
