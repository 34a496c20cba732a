import { captureLogs } from "@owners/logging/testing";
import { describe, expect, it } from "vitest";
import { deferredLogger } from "./deferred-logger.ts";

describe("deferredLogger", () => {
  it("queues the lines logged before the logger loads and writes them, in order, with their children's bindings", async () => {
    const { entries, logger } = captureLogs("owners-test");
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const deferred = deferredLogger(() => gate.then(() => logger));
    const request = deferred.logger.child({ requestId: "r1" });
    request.info({ status: 200 }, "request");
    deferred.logger.error({ code: "X" }, "crash");
    expect(entries()).toEqual([]);
    release();
    await deferred.written();
    expect(entries()).toMatchObject([
      { requestId: "r1", status: 200, msg: "request" },
      { code: "X", msg: "crash" },
    ]);
    request.info({ status: 201 }, "again");
    expect(entries().at(-1)).toMatchObject({ requestId: "r1", status: 201, msg: "again" });
  });

  it("tries the import again when it failed", async () => {
    const { entries, logger } = captureLogs("owners-test");
    let calls = 0;
    const deferred = deferredLogger(async () => {
      calls += 1;
      if (calls === 1) throw new Error("no module");
      return logger;
    });
    await deferred.written();
    deferred.logger.info({}, "later");
    await deferred.written();
    expect(calls).toBe(2);
    expect(entries().map((e) => e.msg)).toEqual(["later"]);
  });
});
