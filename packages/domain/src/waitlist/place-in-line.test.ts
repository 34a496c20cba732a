import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planIn, T } from "../plans/terms.fixtures.ts";
import { offerId, ownerId } from "../shared/ids.ts";
import { addMillis } from "../shared/time.ts";
import { placeInLine } from "./place-in-line.ts";
import { emptyWaitlist, offerFreedShares, type Waitlist, type WaitlistEntry } from "./waitlist.ts";

const plan = planIn("open", { sharesSold: 100 });
const TTL = 60_000;
const entry = (owner: string, seq: number, joinedAt = T.during): WaitlistEntry => ({
  ownerId: ownerId(owner),
  shares: 1,
  joinedAt,
  seq,
});
const lineOf = (...entries: WaitlistEntry[]): Waitlist => ({
  ...emptyWaitlist(plan.id),
  entries,
  nextSeq: entries.length + 1,
});
const ids = () => {
  let n = 0;
  return () => offerId(`offer-${++n}`);
};

describe("placeInLine", () => {
  it("counts from 1 at the head of the line", () => {
    const line = lineOf(entry("alice", 1), entry("bob", 2), entry("carol", 3));
    expect(placeInLine(line, ownerId("carol"), T.during)).toMatchObject({
      status: "waiting",
      position: 3,
      entry: { ownerId: "carol", seq: 3 },
      offer: null,
    });
    expect(placeInLine(line, ownerId("alice"), T.during).position).toBe(1);
  });

  it("keeps the waitlist's own order when owners joined at the same instant", () => {
    // Same joinedAt; bob is ahead in the line, so he is served (and placed) first.
    const line = lineOf(entry("bob", 1), entry("alice", 2));
    expect(placeInLine(line, ownerId("bob"), T.during).position).toBe(1);
    expect(placeInLine(line, ownerId("alice"), T.during).position).toBe(2);
  });

  it("reports a live offer, and nothing once it has expired", () => {
    const served = offerFreedShares(
      lineOf(entry("alice", 1), entry("bob", 2)),
      1,
      T.during,
      TTL,
      ids(),
    );
    const offered = placeInLine(served.waitlist, ownerId("alice"), T.during);
    expect(offered).toMatchObject({ status: "offered", position: null, entry: null });
    expect(offered.offer?.id).toBe("offer-1");
    // Bob moved up once alice was served.
    expect(placeInLine(served.waitlist, ownerId("bob"), T.during).position).toBe(1);
    expect(placeInLine(served.waitlist, ownerId("alice"), addMillis(T.during, TTL))).toEqual({
      status: "none",
      entry: null,
      position: null,
      offer: null,
    });
  });

  it("is none for an owner who never joined", () => {
    expect(placeInLine(lineOf(entry("alice", 1)), ownerId("zed"), T.during).status).toBe("none");
  });

  it("positions are the order offers go out in", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 12, maxLength: 12 }),
        (owners, joinOffsets) => {
          // Join times that may tie; seq is the line's order.
          const line = lineOf(
            ...owners.map((o, i) =>
              entry(`o${o}`, i + 1, addMillis(T.during, joinOffsets[i] ?? 0)),
            ),
          );
          const { offers } = offerFreedShares(line, owners.length, T.during, TTL, ids());
          offers.forEach((offer, i) => {
            expect(placeInLine(line, offer.ownerId, T.during).position).toBe(i + 1);
          });
        },
      ),
    );
  });
});
