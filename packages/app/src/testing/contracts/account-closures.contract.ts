import { instant } from "@owners/domain";
import * as O from "fp-ts/lib/Option.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AccountClosures } from "../../ports/account-closures.ts";
import { succeed } from "./expect-task.ts";

export interface AccountClosuresSubject {
  readonly subject: AccountClosures;
  cleanup(): Promise<void>;
}

/** The behaviour every AccountClosures adapter must share. */
export const describeAccountClosuresContract = (
  name: string,
  makeSubject: () => Promise<AccountClosuresSubject>,
) => {
  describe(`AccountClosures contract: ${name}`, () => {
    let harness: AccountClosuresSubject;
    let closures: AccountClosures;
    beforeEach(async () => {
      harness = await makeSubject();
      closures = harness.subject;
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    it("answers none for an open account, then the recorded closure; the first record stays", async () => {
      const first = { personId: "owner_1", closedAt: instant("2026-09-01T00:00:00.000Z") };
      expect(await succeed(closures.get("owner_1"))).toEqual(O.none);
      expect(await succeed(closures.record(first))).toEqual(first);
      const again = { ...first, closedAt: instant("2026-09-02T00:00:00.000Z") };
      expect(await succeed(closures.record(again))).toEqual(first);
      expect(await succeed(closures.get("owner_1"))).toEqual(O.some(first));
      expect(await succeed(closures.get("owner_2"))).toEqual(O.none);
    });
  });
};
