import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { NotificationMessage } from "@owners/app";
import { ownerId } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "./clock.ts";
import { type DeliveredLine, makeFileNotifier } from "./file-notifier.ts";

const message = (n: number, dedupeKey = `k${n}`): NotificationMessage => ({
  id: `msg_${n}`,
  recipientId: ownerId(`owner_${n}`),
  kind: "update-posted",
  subject: `News ${n}`,
  body: `body ${n}, with "quotes"\nand a newline`,
  dedupeKey,
});

describe("file notifier", () => {
  let dir: string;
  let path: string;
  const clock = fixedClock("2026-07-01T12:00:00.000Z");
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "owners-notifier-"));
    path = join(dir, "nested", "notifications.jsonl");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const lines = (): DeliveredLine[] =>
    readFileSync(path, "utf8")
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as DeliveredLine);

  it("writes one JSON line per notification, creating the folder", async () => {
    const notifier = makeFileNotifier({ path, clock });
    expect(E.isRight(await notifier.deliver(message(1))())).toBe(true);
    await notifier.deliver(message(2))();
    expect(lines()).toEqual([
      { ...message(1), deliveredAt: "2026-07-01T12:00:00.000Z" },
      { ...message(2), deliveredAt: "2026-07-01T12:00:00.000Z" },
    ]);
  });

  it("writes a dedupe key once, across concurrent calls and across restarts", async () => {
    const first = makeFileNotifier({ path, clock });
    await Promise.all([
      first.deliver(message(1))(),
      first.deliver(message(1))(),
      first.deliver(message(2))(),
    ]);
    const restarted = makeFileNotifier({ path, clock });
    await restarted.deliver({ ...message(9), dedupeKey: "k1" })();
    await restarted.deliver(message(3))();
    expect(lines().map((l) => l.id)).toEqual(["msg_1", "msg_2", "msg_3"]);
  });

  it("fails with NOTIFY.UNAVAILABLE when it cannot write, and recovers", async () => {
    writeFileSync(join(dir, "nested"), "a file where the folder should be");
    const notifier = makeFileNotifier({ path, clock });
    const result = await notifier.deliver(message(1))();
    expect(E.isLeft(result) && result.left._tag).toBe("NOTIFY.UNAVAILABLE");
    rmSync(join(dir, "nested"));
    expect(E.isRight(await notifier.deliver(message(1))())).toBe(true);
    expect(lines().map((l) => l.id)).toEqual(["msg_1"]);
  });
});
