import { describe, expect, it } from "vitest";
import { ownerId, planId, producerId } from "../shared/ids.ts";
import { addMillis } from "../shared/time.ts";
import {
  isInEarlyAccess,
  isReturningOwner,
  type OwnerHistory,
  type PlanHistoryItem,
  returningOwnerIds,
} from "./returning-owners.ts";
import { at, PRODUCER, planIn, T } from "./terms.fixtures.ts";

const current = { id: planId("new"), producerId: PRODUCER, createdAt: at("2026-05-01T00:00:00Z") };
const earlier = (
  id: string,
  status: PlanHistoryItem["status"],
  extra: Partial<PlanHistoryItem> = {},
) =>
  ({
    id: planId(id),
    producerId: PRODUCER,
    status,
    createdAt: at("2025-05-01T00:00:00Z"),
    ...extra,
  }) satisfies PlanHistoryItem;

const history: OwnerHistory = {
  plan: current,
  plans: [
    earlier("completed-2025", "completed"),
    earlier("open-2025", "open"),
    earlier("cancelled-2025", "cancelled"),
    earlier("other-producer", "completed", { producerId: producerId("someone-else") }),
    earlier("later", "open", { createdAt: at("2026-05-02T00:00:00Z") }),
  ],
  ownerships: [
    { ownerId: ownerId("fan"), planId: planId("completed-2025"), status: "active" },
    { ownerId: ownerId("current-owner"), planId: planId("open-2025"), status: "active" },
    { ownerId: ownerId("quitter"), planId: planId("completed-2025"), status: "cancelled" },
    { ownerId: ownerId("refunded"), planId: planId("cancelled-2025"), status: "active" },
    { ownerId: ownerId("elsewhere"), planId: planId("other-producer"), status: "active" },
    { ownerId: ownerId("newcomer"), planId: planId("later"), status: "active" },
    { ownerId: ownerId("this-plan"), planId: planId("new"), status: "active" },
  ],
};

describe("returning owners", () => {
  it("are owners with an active or completed ownership in an earlier plan of the producer", () => {
    expect([...returningOwnerIds(history)].sort()).toEqual(["current-owner", "fan"]);
  });

  it.each([
    ["fan", true],
    ["current-owner", true],
    ["quitter", false],
    ["refunded", false],
    ["elsewhere", false],
    ["newcomer", false],
    ["this-plan", false],
    ["stranger", false],
  ])("%s returning: %s", (owner, expected) => {
    expect(isReturningOwner(ownerId(owner), history)).toBe(expected);
  });
});

describe("isInEarlyAccess", () => {
  const plan = planIn("open");

  it("holds in [returningOwnersOpenAt, opensAt) of an open plan", () => {
    expect(isInEarlyAccess(plan, addMillis(T.earlyAccess, -1))).toBe(false);
    expect(isInEarlyAccess(plan, T.earlyAccess)).toBe(true);
    expect(isInEarlyAccess(plan, addMillis(T.opens, -1))).toBe(true);
    expect(isInEarlyAccess(plan, T.opens)).toBe(false);
  });

  it("never holds for an unpublished plan or one without early access", () => {
    expect(isInEarlyAccess(planIn("draft"), T.earlyAccess)).toBe(false);
    const noEarly = { ...plan, salesWindow: { opensAt: T.opens, closesAt: T.closes } };
    expect(isInEarlyAccess(noEarly, T.earlyAccess)).toBe(false);
  });
});
