import { readFileSync } from "node:fs";
import { instantFromMillis, ledgerBalance, type PlanId } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_JWT_SECRET } from "./config.ts";
import { type LocalStack, startLocalStack } from "./stack.ts";
import { type ApiClient, apiClient } from "./testing-http.ts";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const japanDay = (ms: number) => new Date(ms + 9 * HOUR_MS).toISOString().slice(0, 10);

/** Real time plus an offset the test moves forward: the sales window ends without waiting. */
const shiftedClock = () => {
  let offsetMs = 0;
  return {
    now: () => instantFromMillis(Date.now() + offsetMs),
    millis: () => Date.now() + offsetMs,
    advance: (ms: number) => {
      offsetMs += ms;
    },
  };
};
const clock = shiftedClock();

interface Ownership {
  id: string;
  ownerId: string;
  shares: number;
  unitPriceYen: number;
  sharesYen: number;
  totalYen: number;
  status: string;
  payment?: { id: string; status: string; checkoutUrl?: string };
}
interface BatchRunReport {
  scope: string;
  outcome: string;
  counts: Record<string, number>;
  problems: unknown[];
}
interface Allocation {
  ownershipId: string;
  ownerId: string;
  shares: number;
  entitledUnits: number;
  allocatedUnits: number;
  refundYen: number;
}

let stack: LocalStack;
let http: ApiClient;

beforeAll(async () => {
  // The full local stack on free ports: DynamoDB Local in memory, s3rver, the API on Node.
  stack = await startLocalStack({
    store: "dynamodb",
    apiPort: 0,
    dynamoPort: 0,
    s3Port: 0,
    tableName: "owners-e2e",
    uploadsBucket: "owners-uploads",
    jwtSecret: LOCAL_JWT_SECRET,
    seed: false,
    schedule: false,
    logLevel: "silent",
    clock,
  });
  http = apiClient(stack.apiUrl);
}, 60_000);

afterAll(async () => {
  await stack?.stop();
});

describe("end to end over HTTP on the local stack", () => {
  it("sells a plan, cancels one share, allocates a short harvest and refunds it, to the yen", async () => {
    const [producer, alice, bob, carol, admin] = await Promise.all([
      http.login("producer-e2e", "producer"),
      http.login("owner-alice", "owner"),
      http.login("owner-bob", "owner"),
      http.login("owner-carol", "owner"),
      http.login("admin-e2e", "admin"),
    ]);

    // Alice and Bob tell where their boxes go.
    for (const [token, name] of [
      [alice, "Alice"],
      [bob, "Bob"],
    ] as const) {
      const saved = await http.request("PUT", "/me/address", {
        token,
        body: {
          region: "kanto",
          address: {
            recipientName: name,
            postalCode: "150-0001",
            prefecture: "東京都",
            city: "渋谷区",
            line1: "神宮前1-2-3",
            phone: "03-0000-0000",
          },
        },
      });
      expect(saved.status).toBe(200);
    }

    // A producer drafts a plan whose sales close in an hour, and publishes it.
    const now = clock.millis();
    const salesCloseAt = new Date(now + HOUR_MS).toISOString();
    const created = await http.request<{ id: string }>("POST", "/plans", {
      token: producer,
      body: {
        title: "樹上完熟いちじく E2E",
        description: "Unbagged figs, picked at peak.",
        category: "fruit",
        region: "kinki",
        unitLabel: "pack",
        unitsPerShare: 4,
        totalShares: 10,
        maxSharesPerOwner: 5,
        priceYen: 5000,
        salesOpenAt: new Date(now - 60_000).toISOString(),
        salesCloseAt,
        deliveryFrom: japanDay(now + DAY_MS),
        deliveryTo: japanDay(now + 30 * DAY_MS),
        riskTerms: "refund",
        shipCapacityPerDay: 10,
      },
    });
    expect(created.status).toBe(201);
    const planId = created.body.id;
    expect(
      (await http.request("POST", `/plans/${planId}/publish`, { token: producer })).status,
    ).toBe(200);

    const reserve = (token: string, key: string, shares: number) =>
      http.request<Ownership>("POST", `/plans/${planId}/reservations`, {
        token,
        headers: { "idempotency-key": key },
        body: { shares, shippingRegion: "kanto" },
      });

    // Paying at the local processor's checkout, as the owner would (dev login is on locally).
    const pay = async (token: string, ownership: Ownership) => {
      const paid = await http.request<Ownership>(
        "POST",
        `/dev/payments/${ownership.payment?.id}/complete`,
        { token, body: { outcome: "succeeded" } },
      );
      expect(paid.status).toBe(200);
      expect(paid.body).toMatchObject({ status: "active", payment: { status: "succeeded" } });
    };

    // Owners reserve (their shares held until paid); Bob's client retries with the same key and
    // gets the same answer and the same checkout.
    const aliceOwnership = await reserve(alice, "alice-1", 2);
    expect(aliceOwnership.status).toBe(201);
    expect(aliceOwnership.body).toMatchObject({
      shares: 2,
      unitPriceYen: 5000,
      totalYen: 10_000,
      status: "pending_payment",
      payment: { status: "pending" },
    });
    const bobFirst = await reserve(bob, "bob-1", 3);
    const bobRetry = await reserve(bob, "bob-1", 3);
    expect(bobFirst.status).toBe(201);
    expect(bobRetry.body).toEqual(bobFirst.body);
    await pay(alice, aliceOwnership.body);
    await pay(bob, bobFirst.body);
    const carolOwnership = await reserve(carol, "carol-1", 1);
    expect(carolOwnership.status).toBe(201);
    await pay(carol, carolOwnership.body);

    // Carol cancels before the deadline.
    const cancelled = await http.request<Ownership>(
      "DELETE",
      `/ownerships/${carolOwnership.body.id}`,
      {
        token: carol,
      },
    );
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe("cancelled");

    const plan = await http.request<{ sharesSold: number; sharesRemaining: number }>(
      "GET",
      `/plans/${planId}`,
    );
    expect(plan.body).toMatchObject({ sharesSold: 5, sharesRemaining: 5 });

    // An hour later the window has ended: the close-sales batch closes the plan.
    clock.advance(HOUR_MS + 1_000);
    const closed = await http.request<BatchRunReport>("POST", "/admin/batches/close-sales", {
      token: admin,
    });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ outcome: "finished", counts: { plansClosed: 1 } });

    // A short harvest: 10 packs for 20 entitled (Alice 2 shares x 4, Bob 3 x 4).
    const lot = await http.request("POST", `/plans/${planId}/harvests`, {
      token: producer,
      body: {
        quantity: 10,
        grade: "standard",
        readyOn: japanDay(now + 2 * DAY_MS),
        bestBefore: japanDay(now + 12 * DAY_MS),
      },
    });
    expect(lot.status).toBe(201);

    const allocation = await http.request<BatchRunReport>(
      "POST",
      "/admin/batches/allocate-harvests",
      { token: admin, body: { planId } },
    );
    expect(allocation.status).toBe(200);
    expect(allocation.body).toMatchObject({
      scope: planId,
      outcome: "finished",
      problems: [],
      counts: expect.objectContaining({ plansAllocated: 1, lotsAllocated: 1, refundsPaid: 0 }),
    });
    // The shortfall is settled once, when the producer declares the harvest complete.
    const complete = await http.request("POST", `/plans/${planId}/harvest-complete`, {
      token: producer,
    });
    expect(complete).toMatchObject({ status: 200, body: { compensationsWritten: 2 } });

    // Each owner sees only its own allocation; half the harvest is missing, half the price is back.
    const allocationsOf = async (token: string) =>
      (
        await http.request<{ items: Allocation[] }>("GET", `/plans/${planId}/allocations`, {
          token,
        })
      ).body.items;
    expect(await allocationsOf(alice)).toEqual([
      expect.objectContaining({
        ownershipId: aliceOwnership.body.id,
        ownerId: "owner-alice",
        shares: 2,
        entitledUnits: 8,
        allocatedUnits: 4,
        refundYen: 5_000,
      }),
    ]);
    expect(await allocationsOf(bob)).toEqual([
      expect.objectContaining({
        ownershipId: bobFirst.body.id,
        ownerId: "owner-bob",
        shares: 3,
        entitledUnits: 12,
        allocatedUnits: 6,
        refundYen: 7_500,
      }),
    ]);
    expect(await allocationsOf(carol)).toEqual([]);
    const all = await allocationsOf(producer);
    expect(all.map((a) => a.allocatedUnits).reduce((sum, units) => sum + units, 0)).toBe(10);

    // The ledger balances, and Bob's retried reservation was charged once.
    const ledger = await stack.api.ports.ledger.listByPlan(planId as PlanId)();
    if (E.isLeft(ledger)) throw new Error(ledger.left.message);
    const balance = ledgerBalance(ledger.right);
    expect(balance.isBalanced).toBe(true);
    expect(balance.chargesYen).toBe(10_000 + 15_000 + 5_000);
    expect(balance.refundsYen).toBe(5_000 + 5_000 + 7_500);
    const charges = (ownershipId: string) =>
      ledger.right.filter((e) => e.kind === "charge" && e.ownershipId === ownershipId).length;
    expect(charges(bobFirst.body.id)).toBe(1);

    // The scheduler's runner (the batch registry) finds the allocated plan and schedules its boxes.
    const shipping = await stack.runBatch("schedule-shipments")();
    if (E.isLeft(shipping)) throw new Error(shipping.left.message);
    expect(shipping.right).toMatchObject({
      outcome: "finished",
      problems: [],
      counts: expect.objectContaining({ plansScheduled: 1, shipments: 2, unshippedUnits: 0 }),
    });

    // The owners are told, through the outbox and the file notifier.
    const flushed = await http.request("POST", "/admin/batches/flush-notifications", {
      token: admin,
    });
    expect(flushed.status).toBe(200);
    const recipients = readFileSync(stack.notificationsPath, "utf8")
      .trim()
      .split("\n")
      .map((line) => (JSON.parse(line) as { recipientId: string }).recipientId);
    expect(recipients).toEqual(expect.arrayContaining(["owner-alice", "owner-bob"]));
  });
});
