import type { Scheduler } from "@owners/app";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { lazyScheduler } from "./lazy-scheduler.ts";

describe("lazyScheduler", () => {
  it("answers the scheduler's own SCHEDULER.UNAVAILABLE when its client cannot load", async () => {
    const lazy = lazyScheduler(async () => {
      throw new Error("import failed");
    });
    const answer = await lazy.cancel("offer-expiry-x")();
    expect(E.isLeft(answer) && answer.left._tag).toBe("SCHEDULER.UNAVAILABLE");
  });

  it("forwards every method to the loaded scheduler", async () => {
    const called: string[] = [];
    const record =
      (name: string) =>
      (..._args: unknown[]) =>
      async () => {
        called.push(name);
        return E.right(undefined);
      };
    const inner = {
      scheduleRecurring: record("scheduleRecurring"),
      scheduleOnce: record("scheduleOnce"),
      cancel: record("cancel"),
    } as unknown as Scheduler;
    const lazy = lazyScheduler(async () => inner);
    await lazy.cancel("a")();
    await (lazy.scheduleOnce as unknown as (...a: unknown[]) => () => Promise<unknown>)()();
    await (lazy.scheduleRecurring as unknown as (...a: unknown[]) => () => Promise<unknown>)()();
    expect(called).toEqual(["cancel", "scheduleOnce", "scheduleRecurring"]);
  });
});
