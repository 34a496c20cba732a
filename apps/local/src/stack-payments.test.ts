import { succeed } from "@owners/app/testing";
import { addMillis, type OwnerId, type OwnershipId, type PlanId, type Yen } from "@owners/domain";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_JWT_SECRET } from "./config.ts";
import { type LocalStack, startLocalStack } from "./stack.ts";

let stack: LocalStack;
beforeAll(async () => {
  stack = await startLocalStack({
    store: "memory",
    apiPort: 0,
    tableName: "owners-test",
    uploadsBucket: "owners-uploads",
    jwtSecret: LOCAL_JWT_SECRET,
    seed: true,
    schedule: false,
    logger: pino({ level: "silent" }),
  });
}, 60_000);
afterAll(() => stack.stop());

describe("pnpm start's payments", () => {
  it("binds the local processor, its checkout pages served by the API's server", async () => {
    const { processor } = stack.payments;
    if (processor === undefined) throw new Error("no local processor");
    expect(stack.api.ports.payoutAccounts).toBe(processor);
    expect(stack.api.ports.paymentSimulator).toBe(processor);
    const session = await succeed(
      stack.api.ports.payments.startCheckout({
        idempotencyKey: "stack-1",
        ownershipId: "own_stack" as OwnershipId,
        planId: "plan_stack" as PlanId,
        ownerId: "owner-stack" as OwnerId,
        amountYen: 3_300 as Yen,
        applicationFeeYen: 330 as Yen,
        description: "Stack figs",
        expiresAt: addMillis(stack.api.ports.clock.now(), 30 * 60 * 1000),
        returnUrl: `${stack.apiUrl}/me`,
      }),
    );
    expect(session.checkoutUrl).toBe(`${stack.apiUrl}/checkout/${session.paymentId}`);
    const page = await fetch(session.checkoutUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Stack figs");
    // The API's own routes are untouched by the checkout pages.
    expect((await fetch(`${stack.apiUrl}/health`)).status).toBe(200);
  });
});
