import { addMillis, instant } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LeaseStore } from "../../batch/lease-store.ts";
import { failWith, succeed } from "./expect-task.ts";

export interface LeaseStoreSubject {
  readonly subject: LeaseStore;
  cleanup(): Promise<void>;
}

const t0 = instant("2026-07-25T03:00:00.000Z");
const at = (seconds: number) => addMillis(t0, seconds * 1000);
const BATCH = "allocate-harvests";
const PLAN = "plan_figs";

/** The behaviour every LeaseStore adapter must share. */
export const describeLeaseStoreContract = (
  name: string,
  makeSubject: () => Promise<LeaseStoreSubject>,
) => {
  describe(`LeaseStore contract: ${name}`, () => {
    let harness: LeaseStoreSubject;
    let leases: LeaseStore;
    beforeEach(async () => {
      harness = await makeSubject();
      leases = harness.subject;
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    it("gives a free lease to the first owner and refuses a second while it lasts", async () => {
      const lease = await succeed(leases.acquire(BATCH, PLAN, "run-a", t0, at(60)));
      expect(lease).toEqual({
        batch: BATCH,
        scope: PLAN,
        owner: "run-a",
        acquiredAt: t0,
        expiresAt: at(60),
      });
      expect(await succeed(leases.get(BATCH, PLAN))).toEqual(O.some(lease));
      const refused = await failWith(leases.acquire(BATCH, PLAN, "run-b", at(59), at(120)));
      expect(refused._tag).toBe("BATCH.LEASE_HELD");
      expect(refused.details).toMatchObject({ holder: "run-a", expiresAt: at(60) });
      expect(await succeed(leases.get(BATCH, PLAN))).toEqual(O.some(lease));
    });

    it("lets the holder take its own lease again, extending it", async () => {
      await succeed(leases.acquire(BATCH, PLAN, "run-a", t0, at(60)));
      const again = await succeed(leases.acquire(BATCH, PLAN, "run-a", at(30), at(90)));
      expect(again).toMatchObject({ owner: "run-a", expiresAt: at(90) });
    });

    it("hands an expired lease to the next owner, from the moment it expires", async () => {
      await succeed(leases.acquire(BATCH, PLAN, "run-a", t0, at(60)));
      const taken = await succeed(leases.acquire(BATCH, PLAN, "run-b", at(60), at(120)));
      expect(taken).toMatchObject({ owner: "run-b", acquiredAt: at(60), expiresAt: at(120) });
      expect((await failWith(leases.renew(BATCH, PLAN, "run-a", at(200))))._tag).toBe(
        "BATCH.LEASE_HELD",
      );
    });

    it("renews only the holder's lease", async () => {
      await succeed(leases.acquire(BATCH, PLAN, "run-a", t0, at(60)));
      expect(await succeed(leases.renew(BATCH, PLAN, "run-a", at(120)))).toMatchObject({
        owner: "run-a",
        acquiredAt: t0,
        expiresAt: at(120),
      });
      expect((await failWith(leases.acquire(BATCH, PLAN, "run-b", at(90), at(150))))._tag).toBe(
        "BATCH.LEASE_HELD",
      );
      expect((await failWith(leases.renew(BATCH, PLAN, "run-b", at(300))))._tag).toBe(
        "BATCH.LEASE_HELD",
      );
      expect((await failWith(leases.renew(BATCH, "plan_other", "run-a", at(300))))._tag).toBe(
        "BATCH.LEASE_HELD",
      );
    });

    it("frees the lease on release by its holder, and ignores a release by anyone else", async () => {
      await succeed(leases.acquire(BATCH, PLAN, "run-a", t0, at(60)));
      await succeed(leases.release(BATCH, PLAN, "run-b"));
      expect(O.isSome(await succeed(leases.get(BATCH, PLAN)))).toBe(true);
      await succeed(leases.release(BATCH, PLAN, "run-a"));
      expect(await succeed(leases.get(BATCH, PLAN))).toEqual(O.none);
      await succeed(leases.release(BATCH, PLAN, "run-a"));
      expect(await succeed(leases.acquire(BATCH, PLAN, "run-b", at(1), at(61)))).toMatchObject({
        owner: "run-b",
      });
    });

    it("keeps batches and scopes apart", async () => {
      await succeed(leases.acquire(BATCH, PLAN, "run-a", t0, at(60)));
      await succeed(leases.acquire(BATCH, "all", "run-b", t0, at(60)));
      await succeed(leases.acquire("schedule-shipments", PLAN, "run-c", t0, at(60)));
      const owner = async (batch: string, scope: string) =>
        O.map((l: { owner: string }) => l.owner)(await succeed(leases.get(batch, scope)));
      expect(await owner(BATCH, PLAN)).toEqual(O.some("run-a"));
      expect(await owner(BATCH, "all")).toEqual(O.some("run-b"));
      expect(await owner("schedule-shipments", PLAN)).toEqual(O.some("run-c"));
    });

    it("gives a contended lease to exactly one of several owners asking at once", async () => {
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => leases.acquire(BATCH, PLAN, `run-${i}`, t0, at(60))()),
      );
      const winners = results.filter(E.isRight);
      expect(winners).toHaveLength(1);
      expect(results.filter(E.isLeft).every((r) => r.left._tag === "BATCH.LEASE_HELD")).toBe(true);
      expect(await succeed(leases.get(BATCH, PLAN))).toEqual(O.some(winners[0]?.right));
    });
  });
};
