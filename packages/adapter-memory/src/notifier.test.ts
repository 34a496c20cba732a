import type { NotificationMessage } from "@owners/app";
import { ownerId } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { makeMemoryNotifier } from "./notifier.ts";

const message = (n: number, dedupeKey = `k${n}`): NotificationMessage => ({
  id: `msg_${n}`,
  recipientId: ownerId(`owner_${n}`),
  kind: "reservation-confirmed",
  subject: `subject ${n}`,
  body: `body ${n}`,
  dedupeKey,
});

describe("memory notifier", () => {
  it("records each delivery once per dedupe key, in order", async () => {
    const notifier = makeMemoryNotifier();
    await notifier.deliver(message(1))();
    await notifier.deliver(message(2))();
    await notifier.deliver({ ...message(3), dedupeKey: "k1" })();
    expect(notifier.delivered().map((m) => m.id)).toEqual(["msg_1", "msg_2"]);
    expect(notifier.attempts()).toBe(3);
  });

  it("fails with NOTIFY.UNAVAILABLE while down and records nothing", async () => {
    const notifier = makeMemoryNotifier();
    notifier.setAvailable(false);
    const result = await notifier.deliver(message(1))();
    expect(E.isLeft(result) && result.left._tag).toBe("NOTIFY.UNAVAILABLE");
    notifier.setAvailable(true);
    expect(E.isRight(await notifier.deliver(message(1))())).toBe(true);
    expect(notifier.delivered()).toHaveLength(1);
  });
});
