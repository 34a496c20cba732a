import { makeManualClock, makeManualTimer } from "@owners/adapter-local";
import type { BatchInvocation, Ports } from "@owners/app";
import {
  DEFAULT_PHOTO_UPLOAD_CONFIG,
  makePhotoUploadUseCases,
  PORT_TOKENS,
  TOKENS,
  USE_CASE_TOKENS,
} from "@owners/app";
import { SAMPLE_JPEG } from "@owners/app/testing";
import { ownerId, ownershipId, planId, type Yen } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { describe, expect, it } from "vitest";
import { makeMemoryPorts } from "./memory-ports.ts";

const right = async <A>(task: TE.TaskEither<unknown, A>): Promise<A> => {
  const result = await task();
  if (E.isLeft(result)) throw new Error(JSON.stringify(result.left));
  return result.right;
};

const wire = () => {
  const clock = makeManualClock("2026-04-01T00:00:00.000Z");
  const timer = makeManualTimer(clock);
  const batches: { invocation: BatchInvocation; at: string }[] = [];
  const ports = makeMemoryPorts({
    clock,
    timer,
    runBatch: (invocation) => TE.fromIO(() => void batches.push({ invocation, at: clock.now() })),
  });
  return { clock, timer, batches, ports };
};

describe("makeMemoryPorts", () => {
  it("builds a port for every adapter it lists, each one a usable object", () => {
    const { ports } = wire();
    const ownKeys = Object.keys(ports).sort();
    expect(ownKeys).toEqual(
      expect.arrayContaining([
        "blobs",
        "clock",
        "cursors",
        "ids",
        "notifier",
        "payments",
        "scheduler",
      ]),
    );
    const batchStores = ["checkpoints", "leases", "runs"];
    expect(ownKeys).toEqual(expect.arrayContaining(batchStores));
    for (const key of ownKeys) {
      expect(ports[key as keyof typeof ports], key).toBeTypeOf("object");
      // Every port it builds has a token an app can bind it to (the batch stores are the batch
      // runner's, bound by the apps beside the ports).
      if (!batchStores.includes(key))
        expect(PORT_TOKENS[key as keyof Ports], key).toBeTypeOf("symbol");
    }
  });

  it("wires a working set: uploads verified on the shared clock, payments, notifications, schedules", async () => {
    const { ports, timer, batches, clock } = wire();
    expect(ports.clock.now()).toBe("2026-04-01T00:00:00.000Z");

    const uploads = makePhotoUploadUseCases({
      blobs: ports.blobs,
      ids: ports.ids,
      config: DEFAULT_PHOTO_UPLOAD_CONFIG,
      clock: ports.clock,
      rates: ports.uploadRates,
    });
    const producer = { id: "producer_1", role: "producer" as const };
    const form = await right(uploads.requestPhotoUpload(producer, { contentType: "image/jpeg" }));
    expect(form.expiresAt > clock.now()).toBe(true);
    ports.blobs.receiveUpload(form, SAMPLE_JPEG, "image/jpeg");
    const photo = await right(uploads.verifyUploadedPhoto(producer, form.key));
    expect(photo).toBe(form.key.replace("uploads/pending/", "photos/"));

    const checkout = {
      idempotencyKey: "k1",
      ownershipId: ownershipId("own_1"),
      planId: planId("plan_1"),
      ownerId: ownerId("owner_1"),
      amountYen: 3000 as Yen,
      applicationFeeYen: 300 as Yen,
      description: "d",
      expiresAt: clock.now(),
      returnUrl: "memory://back",
    };
    const session = await right(ports.payments.startCheckout(checkout));
    expect(await right(ports.payments.startCheckout(checkout))).toEqual(session);
    ports.payments.settleCheckout(session.paymentId, "succeeded", clock.now());
    ports.payments.settleCheckout(session.paymentId, "succeeded", clock.now());
    expect(ports.payments.totals().chargedYen).toBe(3000);

    await right(
      ports.notifier.deliver({
        id: "m1",
        recipientId: ownerId("owner_1"),
        kind: "reservation-confirmed",
        subject: "s",
        body: "b",
        dedupeKey: "d1",
      }),
    );
    expect(ports.notifier.delivered()).toHaveLength(1);

    await right(
      ports.scheduler.scheduleOnce("allocate-once", "2026-04-01T01:00:00.000Z", {
        batch: "allocate",
      }),
    );
    await timer.advance(2 * 3_600_000);
    expect(batches).toEqual([
      { invocation: { batch: "allocate" }, at: "2026-04-01T01:00:00.000Z" },
    ]);

    const cursor = ports.cursors.encode({ after: "x" }, "scope");
    expect(ports.cursors.decode(cursor, "scope")).toEqual(E.right({ after: "x" }));
    expect(ports.ids.next("plan")).not.toBe(ports.ids.next("plan"));
  });

  it("gives each call its own state", async () => {
    const a = makeMemoryPorts();
    const b = makeMemoryPorts();
    await right(a.blobs.put("k", "x", "text/plain"));
    expect(a.blobs.keys()).toEqual(["k"]);
    expect(b.blobs.keys()).toEqual([]);
  });
});

describe("tokens", () => {
  it("are distinct symbols, stable across module copies (Symbol.for)", () => {
    const all = [
      ...Object.values(PORT_TOKENS),
      ...Object.values(USE_CASE_TOKENS),
      ...Object.values(TOKENS.config),
    ];
    expect(new Set(all).size).toBe(all.length);
    expect(PORT_TOKENS.clock).toBe(Symbol.for("owners.port.Clock"));
  });
});

describe("makeMemoryPorts covers every port", () => {
  it("builds an adapter for each port token", () => {
    const ports: Ports = makeMemoryPorts();
    for (const port of Object.keys(PORT_TOKENS)) {
      expect(ports[port as keyof Ports], port).toBeDefined();
    }
  });
});
