import { describe, expect, it } from "vitest";
import { makeHarness } from "./testing/harness.ts";
import { ROUTE_CASES } from "./testing/route-catalog.ts";
import { makeWorld, type World } from "./testing/world.ts";

/**
 * Every route x caller: anonymous, the resource's own producer (producer-a) and owner (o1),
 * someone else of the same role (producer-b, o2), and an admin. The world's resources all
 * belong to producer-a and o1.
 */
const CALLERS = {
  anonymous: undefined,
  ownProducer: ["producer-a", "producer"],
  otherProducer: ["producer-b", "producer"],
  ownOwner: ["o1", "owner"],
  otherOwner: ["o2", "owner"],
  admin: ["root", "admin"],
} as const;
type Caller = keyof typeof CALLERS;

type Row = readonly [number, number, number, number, number, number];
const PUBLIC: Row = [200, 200, 200, 200, 200, 200];
//                                     anon  ownP otherP ownO otherO admin
const EXPECTED: Record<string, Row> = {
  "GET /health": PUBLIC,
  "GET /openapi.json": PUBLIC,
  "GET /docs": PUBLIC,
  "POST /auth/dev-login": PUBLIC,
  "GET /plans": PUBLIC,
  "POST /plans": /*                   */ [401, 201, 201, 403, 403, 403],
  "GET /plans/{id}": PUBLIC,
  "GET /plans/{id} (draft)": /*       */ [404, 200, 404, 404, 404, 200],
  "PATCH /plans/{id}": /*             */ [401, 200, 403, 403, 403, 403],
  "POST /plans/{id}/publish": /*      */ [401, 200, 403, 403, 403, 403],
  "POST /plans/{id}/close": /*        */ [401, 200, 403, 403, 403, 200],
  "POST /plans/{id}/cancel": /*       */ [401, 200, 403, 403, 403, 200],
  "GET /plans/{id}/quote": PUBLIC,
  "POST /plans/{id}/photos": /*       */ [401, 200, 403, 403, 403, 403],
  "DELETE /plans/{id}/photos/{photoKey}": [401, 200, 403, 403, 403, 403],
  "POST /plans/{id}/reservations": /* */ [401, 403, 403, 201, 201, 403],
  "POST /webhooks/payments": PUBLIC,
  // Someone else's checkout is as unknown to an owner as a missing one.
  "POST /dev/payments/{paymentId}/complete": [401, 403, 403, 200, 404, 200],
  "GET /me/ownerships": /*            */ [401, 403, 403, 200, 200, 403],
  "DELETE /ownerships/{id}": /*       */ [401, 403, 403, 200, 403, 403],
  // o2 is not in the line: leaving it is a conflict, not a permission question.
  "POST /plans/{id}/waitlist": /*     */ [401, 403, 403, 409, 201, 403],
  "DELETE /plans/{id}/waitlist": /*   */ [401, 403, 403, 200, 409, 403],
  // Lane owner-paths: the caller's own place only (o1 waits, o2 is told "none").
  "GET /plans/{id}/waitlist/mine": /* */ [401, 403, 403, 200, 200, 403],
  "GET /producers/me/summary": /*     */ [401, 200, 200, 403, 403, 403],
  // Producers only; the in-process processor gives every producer a ready account on first use.
  "GET /producers/me/payout-account": [401, 200, 200, 403, 403, 403],
  "POST /producers/me/payout-account/onboarding": [401, 200, 200, 403, 403, 403],
  "POST /producers/me/payout-account/dashboard": [401, 200, 200, 403, 403, 403],
  "GET /me/waitlist-offers": /*      */ [401, 403, 403, 200, 200, 403],
  "POST /plans/{id}/waitlist/offers/{offerId}/accept": [401, 403, 403, 201, 404, 403],
  "GET /plans/{id}/harvests": PUBLIC,
  "POST /plans/{id}/harvests": /*     */ [401, 201, 403, 403, 403, 403],
  // An owner without an ownership of the plan sees an empty list, which reveals nothing.
  "GET /plans/{id}/allocations": /*   */ [401, 200, 403, 200, 200, 403],
  "POST /plans/{id}/harvest-complete": [401, 200, 403, 403, 403, 200],
  "GET /me/credits": /*               */ [401, 403, 403, 200, 200, 403],
  "GET /plans/{id}/shipments": /*     */ [401, 200, 403, 200, 200, 403],
  "GET /plans/{id}/shipments.csv": /* */ [401, 200, 403, 403, 403, 403],
  // Lane "parcels": the producer marks, the parcel's own owner confirms (o2: not found).
  "GET /plans/{id}/parcels": /*       */ [401, 200, 403, 200, 200, 403],
  "PUT /plans/{id}/parcels/{parcelId}/shipment": [401, 200, 403, 403, 403, 403],
  "POST /plans/{id}/parcels/tracking-file": [401, 200, 403, 403, 403, 403],
  "POST /plans/{id}/parcels/{parcelId}/delivery-confirmation": [401, 403, 403, 200, 404, 403],
  "GET /me/address": /*               */ [401, 403, 403, 200, 200, 403],
  "PUT /me/address": /*               */ [401, 403, 403, 200, 200, 403],
  "POST /plans/{id}/experiences": /*  */ [401, 201, 403, 403, 403, 403],
  "GET /plans/{id}/experiences": PUBLIC,
  // Lane experiences: only the plan's producer edits an experience (admins do not).
  "PATCH /experiences/{id}": /*       */ [401, 200, 403, 403, 403, 403],
  // Lane owner-paths: always the caller's own bookings (no id in the path).
  "GET /me/bookings": /*              */ [401, 403, 403, 200, 200, 403],
  "POST /experiences/{id}/bookings": [401, 403, 403, 201, 403, 403],
  "DELETE /experiences/{id}/bookings/{bookingId}": [401, 403, 403, 200, 403, 403],
  "GET /experiences/{id}/bookings": [401, 200, 403, 403, 403, 200],
  "GET /experiences/{id}/bookings.csv": [401, 200, 403, 403, 403, 200],
  "POST /plans/{id}/updates": /*      */ [401, 201, 403, 403, 403, 403],
  "GET /plans/{id}/updates": PUBLIC,
  "POST /updates/{id}/comments": /*   */ [401, 201, 403, 201, 403, 403],
  "GET /updates/{id}/comments": PUBLIC,
  "POST /uploads": /*                 */ [401, 201, 201, 201, 201, 201],
  "POST /admin/batches/{name}": /*    */ [401, 403, 403, 403, 403, 200],
  "GET /plans/{id}/money": /*         */ [401, 200, 403, 403, 403, 200],
  "GET /plans/{id}/refund-progress": [401, 200, 403, 403, 403, 200],
  "GET /admin/reconciliation": /*     */ [401, 403, 403, 403, 403, 200],
  // Lane G (console): moderation and the console's reads are admins' only, the author included.
  "POST /admin/comments/{id}/hide": /**/ [401, 403, 403, 403, 403, 200],
  "GET /admin/comments": /*           */ [401, 403, 403, 403, 403, 200],
  "GET /admin/disputes": /*           */ [401, 403, 403, 403, 403, 200],
  "GET /admin/batch-runs": /*         */ [401, 403, 403, 403, 403, 200],
  // o1 has a pending application already: a second is a conflict, o2's first is accepted.
  "POST /producer-applications": /*   */ [401, 403, 403, 409, 201, 403],
  "GET /producer-applications/mine": [401, 404, 404, 200, 404, 404],
  "GET /admin/producer-applications": [401, 403, 403, 403, 403, 200],
  "POST /admin/producer-applications/{id}/approve": [401, 403, 403, 403, 403, 200],
  "POST /admin/producer-applications/{id}/reject": [401, 403, 403, 403, 403, 200],
  // Lane E. producer-b was never approved: it has no profile to read or edit.
  "GET /producers": PUBLIC,
  "GET /producers/{id}": PUBLIC,
  "GET /producers/me/profile": /*     */ [401, 200, 404, 403, 403, 403],
  "PUT /producers/me/profile": /*     */ [401, 200, 404, 403, 403, 403],
  "PUT /producers/{id}/follow": /*    */ [401, 403, 403, 200, 200, 403],
  "DELETE /producers/{id}/follow": /* */ [401, 403, 403, 200, 200, 403],
  "GET /me/follows": /*               */ [401, 403, 403, 200, 200, 403],
  "GET /me/profile": /*               */ [401, 403, 403, 200, 200, 403],
  "PUT /me/profile": /*               */ [401, 403, 403, 200, 200, 403],
  "GET /me/addresses": /*             */ [401, 403, 403, 200, 200, 403],
  "POST /me/addresses": /*            */ [401, 403, 403, 201, 201, 403],
  // Another owner's address id is unknown to o2: it cannot change or remove it.
  "PUT /me/addresses/{id}": /*        */ [401, 403, 403, 200, 404, 403],
  "DELETE /me/addresses/{id}": /*     */ [401, 403, 403, 200, 404, 403],
  // Lane F. The export is always the caller's own (no id in the path): nobody reads another's.
  "GET /me/export": /*                */ [401, 200, 200, 200, 200, 200],
  // producer-a has live plans and o1 owns part of an allocated plan: both must wait (409).
  "DELETE /me": /*                    */ [401, 409, 200, 409, 200, 200],
  "GET /ownerships/{id}/history": /*  */ [401, 200, 403, 200, 403, 200],
  "GET /plans/{id}/history": /*       */ [401, 200, 403, 403, 403, 200],
  "GET /admin/audit": /*              */ [401, 403, 403, 403, 403, 200],
  // Lane season: who may write is decided before the plan's state (allocated: 409 to writers).
  "PUT /plans/{id}/season-report": /* */ [401, 409, 403, 403, 403, 409],
  "GET /plans/{id}/season-report": PUBLIC,
  "GET /me/next-seasons": /*          */ [401, 403, 403, 200, 200, 403],
  // Lane logistics: the plan's producer sets its logistics; an ownership's owner its delivery.
  "GET /plans/{id}/logistics": /*     */ [401, 200, 403, 403, 403, 403],
  "PUT /plans/{id}/logistics": /*     */ [401, 200, 403, 403, 403, 403],
  "GET /ownerships/{id}/delivery": /* */ [401, 403, 403, 200, 403, 403],
  "PUT /ownerships/{id}/delivery": /* */ [401, 403, 403, 200, 403, 403],
  // Lane notices: a bad token is 400 for anyone; the inbox and preferences are the caller's own.
  "POST /unsubscribe": /*             */ [400, 400, 400, 400, 400, 400],
  "GET /me/notification-preferences": [401, 403, 403, 200, 200, 403],
  "PUT /me/notification-preferences": [401, 403, 403, 200, 200, 403],
  "GET /me/notifications": /*         */ [401, 403, 403, 200, 200, 403],
  "GET /me/notifications/unread-count": [401, 403, 403, 200, 200, 403],
  "POST /me/notifications/read-all": [401, 403, 403, 200, 200, 403],
  // o2 marking o1's message finds nothing of its own.
  "POST /me/notifications/{id}/read": [401, 403, 403, 200, 404, 403],
};

const callerNames = Object.keys(CALLERS) as Caller[];

const callAs = async (w: World, caseIndex: number, caller: Caller) => {
  const routeCase = ROUTE_CASES[caseIndex];
  if (routeCase === undefined) throw new Error("no case");
  const { method, path, body, headers } = routeCase.call(w);
  const as = CALLERS[caller];
  return w.h.call(method, path, {
    ...(body !== undefined ? { body } : {}),
    ...(as !== undefined ? { as: [as[0], as[1]] } : {}),
    ...(headers !== undefined ? { headers } : {}),
  });
};

describe("authorization table: every route x caller x own / someone else's resource", () => {
  it("covers every route the OpenAPI document lists", async () => {
    const doc = (await (await makeHarness().app.request("/openapi.json")).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const tabled = new Set(ROUTE_CASES.map((c) => c.route.replace(/ \(.*\)$/, "")));
    expect(documented.filter((route) => !tabled.has(route))).toEqual([]);
    expect(Object.keys(EXPECTED).sort()).toEqual(ROUTE_CASES.map((c) => c.route).sort());
  });

  ROUTE_CASES.forEach((routeCase, index) => {
    it(routeCase.route, async () => {
      const expected = EXPECTED[routeCase.route];
      if (expected === undefined) throw new Error(`no expectation for ${routeCase.route}`);
      const shared = routeCase.readOnly ? await makeWorld() : undefined;
      const got: Record<string, number> = {};
      for (const caller of callerNames) {
        // A route that changes state gets a fresh world per caller, so callers do not interfere.
        const world = shared ?? (await makeWorld());
        const answer = await callAs(world, index, caller);
        got[caller] = answer.status;
        if (answer.status >= 400)
          expect(
            answer.headers.get("content-type"),
            `${caller}: ${JSON.stringify(answer.body)}`,
          ).toBe("application/problem+json");
      }
      expect(got).toEqual(
        Object.fromEntries(callerNames.map((caller, i) => [caller, expected[i]])),
      );
    });
  });
});
