import type { AppError, PaymentReceipt } from "@owners/app";
import { type OwnerId, ownerId, type Yen } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import { describe, expect, it } from "vitest";
import { makeMemoryPaymentGateway } from "./payment-gateway.ts";

const alice: OwnerId = ownerId("owner_alice");
const yen = (n: number) => n as Yen;
const ok = async (task: TE.TaskEither<AppError, PaymentReceipt>) => {
  const result = await task();
  if (E.isLeft(result)) throw new Error(`${result.left._tag}: ${result.left.message}`);
  return result.right;
};
const err = async (task: TE.TaskEither<AppError, PaymentReceipt>) => {
  const result = await task();
  if (E.isRight(result)) throw new Error("expected a failure");
  return result.left;
};

describe("memory payment gateway", () => {
  it("charges once per idempotency key: a repeat returns the first receipt and moves nothing", async () => {
    const gateway = makeMemoryPaymentGateway();
    const first = await ok(gateway.charge("reserve-1", alice, yen(4800)));
    const again = await ok(gateway.charge("reserve-1", alice, yen(4800)));
    expect(again).toEqual(first);
    expect(gateway.movements()).toHaveLength(1);
    expect(gateway.totals()).toEqual({ chargedYen: 4800, refundedYen: 0 });
  });

  it("gives different keys different payments", async () => {
    const gateway = makeMemoryPaymentGateway();
    const a = await ok(gateway.charge("k1", alice, yen(100)));
    const b = await ok(gateway.charge("k2", alice, yen(100)));
    expect(a.paymentId).not.toBe(b.paymentId);
    expect(gateway.totals().chargedYen).toBe(200);
  });

  it("refuses a key reused with another amount or owner", async () => {
    const gateway = makeMemoryPaymentGateway();
    await ok(gateway.charge("k", alice, yen(100)));
    expect((await err(gateway.charge("k", alice, yen(101))))._tag).toBe("PAYMENT.DECLINED");
    expect((await err(gateway.charge("k", ownerId("owner_bob"), yen(100))))._tag).toBe(
      "PAYMENT.DECLINED",
    );
    expect(gateway.totals().chargedYen).toBe(100);
  });

  it("declines by the configured rule, moves nothing, and lets a retry succeed once the card is fixed", async () => {
    const gateway = makeMemoryPaymentGateway({
      declineRule: ({ amountYen }) => (amountYen > 10_000 ? "over limit" : undefined),
    });
    const declined = await err(gateway.charge("big", alice, yen(20_000)));
    expect(declined).toMatchObject({ _tag: "PAYMENT.DECLINED", details: { reason: "over limit" } });
    expect(gateway.movements()).toEqual([]);
    gateway.setDeclineRule(undefined);
    await ok(gateway.charge("big", alice, yen(20_000)));
    expect(gateway.totals().chargedYen).toBe(20_000);
  });

  it("refunds once per key, never more than was charged", async () => {
    const gateway = makeMemoryPaymentGateway();
    const charge = await ok(gateway.charge("c", alice, yen(1000)));
    const refund = await ok(gateway.refund("r1", charge.paymentId, yen(600)));
    expect(refund.amountYen).toBe(600);
    expect(refund.paymentId).not.toBe(charge.paymentId);
    expect(await ok(gateway.refund("r1", charge.paymentId, yen(600)))).toEqual(refund);
    expect(await err(gateway.refund("r2", charge.paymentId, yen(401)))).toMatchObject({
      _tag: "PAYMENT.DECLINED",
      details: { refundable: 400 },
    });
    await ok(gateway.refund("r3", charge.paymentId, yen(400)));
    expect(gateway.totals()).toEqual({ chargedYen: 1000, refundedYen: 1000 });
    expect(
      gateway
        .movements()
        .map((m) => `${m.kind}:${m.amountYen}:${m.paymentId === charge.paymentId}`),
    ).toEqual(["charge:1000:true", "refund:600:true", "refund:400:true"]);
  });

  it("refuses to refund an unknown payment and non-positive or fractional amounts", async () => {
    const gateway = makeMemoryPaymentGateway();
    const charge = await ok(gateway.charge("c", alice, yen(1000)));
    expect((await err(gateway.refund("r", "pay_unknown", yen(1))))._tag).toBe("PAYMENT.DECLINED");
    expect((await err(gateway.refund("r0", charge.paymentId, yen(0))))._tag).toBe(
      "PAYMENT.DECLINED",
    );
    expect((await err(gateway.charge("c2", alice, yen(10.5))))._tag).toBe("PAYMENT.DECLINED");
    expect(gateway.movements()).toHaveLength(1);
  });

  it("fails with PAYMENT.UNAVAILABLE during an outage and moves nothing", async () => {
    const gateway = makeMemoryPaymentGateway();
    gateway.setAvailable(false);
    expect((await err(gateway.charge("c", alice, yen(1000))))._tag).toBe("PAYMENT.UNAVAILABLE");
    gateway.setAvailable(true);
    await ok(gateway.charge("c", alice, yen(1000)));
    expect(gateway.movements()).toHaveLength(1);
  });

  it("charges once under concurrent repeats of the same key", async () => {
    const gateway = makeMemoryPaymentGateway();
    const receipts = await Promise.all(
      Array.from({ length: 20 }, () => ok(gateway.charge("same", alice, yen(500)))),
    );
    expect(new Set(receipts.map((r) => r.paymentId)).size).toBe(1);
    expect(gateway.totals().chargedYen).toBe(500);
  });
});
