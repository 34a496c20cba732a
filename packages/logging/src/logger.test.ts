import { describe, expect, it } from "vitest";
import { captureLogs } from "./testing/capture.ts";

describe("createLogger", () => {
  it("writes one JSON line per entry with level, time, service and msg, and the child's context", () => {
    const { entries, logger } = captureLogs("owners-test", "info");
    logger.child({ batch: "close-sales", runId: "run_1" }).info({ counts: { closed: 2 } }, "batch");
    expect(entries()).toEqual([
      {
        level: 30,
        time: expect.any(Number),
        service: "owners-test",
        batch: "close-sales",
        runId: "run_1",
        counts: { closed: 2 },
        msg: "batch",
      },
    ]);
  });

  it("drops fields that name personal data, at the top and one level down", () => {
    const { lines, entries, logger } = captureLogs("owners-test");
    logger.info(
      {
        email: "hanako@example.jp",
        ownerId: "owner_hanako",
        shipment: { recipientName: "山田 花子", line1: "神宮前1-2-3", postalCode: "150-0001" },
        counts: { shipped: 1 },
      },
      "shipped",
    );
    const text = JSON.stringify(lines);
    for (const secret of ["hanako", "山田", "神宮前", "150-0001"])
      expect(text).not.toContain(secret);
    expect(entries()[0]).toMatchObject({ counts: { shipped: 1 }, shipment: {}, msg: "shipped" });
  });

  it("writes nothing below its level", () => {
    const { entries, logger } = captureLogs("owners-test", "warn");
    logger.info("quiet");
    logger.warn("loud");
    expect(entries().map((e) => e.msg)).toEqual(["loud"]);
  });
});
