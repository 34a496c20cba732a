import { PHOTOS_ROOT, UPLOADS_ROOT } from "@owners/app";
import { SAMPLE_JPEG, sampleProducerProfile } from "@owners/app/testing";
import { type PlanId, producerId } from "@owners/domain";
import {
  applicationBody,
  closedPlanWithOwners,
  HARVEST,
  type Harness,
  makeHarness,
  openPlan,
  planBody,
  reserve,
  reserveUnpaid,
  TOKYO_ADDRESS,
} from "./harness.ts";
import type { JsonBody } from "./json.ts";

/**
 * One of everything, owned by producer-a and its owner o1: what the authorization table and the
 * fuzz test act on. o2 and producer-b hold nothing of it (they are "someone else").
 */
export interface World {
  readonly h: Harness;
  /** producer-a's draft. */
  readonly draftId: string;
  /** producer-a's open plan; o1 owns OWN1 of it; experience, booking and update on it. */
  readonly planId: string;
  readonly ownershipId: string;
  /** o1's unpaid hold on planId: its checkout's payment id. */
  readonly pendingPaymentId: string;
  readonly experienceId: string;
  readonly bookingId: string;
  readonly updateId: string;
  /** o1's comment on the update. */
  readonly commentId: string;
  /** A photo producer-a uploaded and has not attached yet. */
  readonly photoKey: string;
  /** The key its verified copy gets (photos/…): what a plan holds once it is attached. */
  readonly verifiedPhotoKey: string;
  /** producer-a's sold-out plan with o1 in its line. */
  readonly soldOutId: string;
  /** producer-a's plan where o1 holds a live offer. */
  readonly offerPlanId: string;
  readonly offerId: string;
  /** producer-a's allocated plan with shipments scheduled; o1 owns part of it. */
  readonly allocatedId: string;
  /** o1's pending producer application (its id is o1's). */
  readonly applicationId: string;
  /** One of o1's saved addresses. */
  readonly addressId: string;
  /** Lane "parcels": o1's parcel of the allocated plan, shipped (so o1 may confirm it). */
  readonly parcelId: string;
}

const must = async (answer: Promise<{ status: number; body: JsonBody }>, what: string) => {
  const a = await answer;
  if (a.status >= 300) throw new Error(`${what}: ${a.status} ${JSON.stringify(a.body)}`);
  return a.body;
};

export const makeWorld = async (): Promise<World> => {
  const h = makeHarness();
  const P: [string, "producer"] = ["producer-a", "producer"];
  const O1: [string, "owner"] = ["o1", "owner"];
  // producer-a was approved: it has a public profile (producer-b has none).
  const approved = await h.ports.producerProfiles.save(
    sampleProducerProfile({ producerId: producerId("producer-a"), displayName: "A農園" }),
    0,
  )();
  if (approved._tag === "Left") throw new Error("producer profile");
  const draftId = (await must(h.call("POST", "/plans", { body: planBody(), as: P }), "draft")).id;
  const planId = await openPlan(h);
  const ownershipId = (await must(reserve(h, planId, "o1", 1), "reserve")).id;
  const pendingPaymentId = (await must(reserveUnpaid(h, planId, "o1", 1, "world-unpaid"), "hold"))
    .payment.id as string;
  await must(
    h.call("PUT", "/me/address", { body: { address: TOKYO_ADDRESS, region: "kanto" }, as: O1 }),
    "address",
  );
  const experience = await must(
    h.call("POST", `/plans/${planId}/experiences`, {
      body: { title: "収穫体験", startsAt: "2026-06-20T01:00:00.000Z", capacity: 20 },
      as: P,
    }),
    "experience",
  );
  const booking = await must(
    h.call("POST", `/experiences/${experience.id}/bookings`, {
      body: { seats: 1 },
      as: O1,
      headers: { "idempotency-key": "world-booking" },
    }),
    "booking",
  );
  const update = await must(
    h.call("POST", `/plans/${planId}/updates`, {
      body: { body: "花が咲きました", visibility: "public" },
      as: P,
    }),
    "update",
  );
  const comment = await must(
    h.call("POST", `/updates/${update.id}/comments`, { body: { body: "楽しみ" }, as: O1 }),
    "comment",
  );
  const form = await must(
    h.call("POST", "/uploads", { body: { contentType: "image/jpeg" }, as: P }),
    "upload",
  );
  h.ports.blobs.receiveUpload(form, SAMPLE_JPEG, "image/jpeg");

  const soldOutId = await openPlan(h, "producer-a", { totalShares: 1, maxSharesPerOwner: 1 });
  await must(reserve(h, soldOutId, "o3", 1), "sell out");
  await must(
    h.call("POST", `/plans/${soldOutId}/waitlist`, { body: { shares: 1 }, as: O1 }),
    "join",
  );

  const offerPlanId = await openPlan(h, "producer-a", { totalShares: 1, maxSharesPerOwner: 1 });
  const freed = await must(reserve(h, offerPlanId, "o3", 1), "sell out");
  await must(
    h.call("POST", `/plans/${offerPlanId}/waitlist`, { body: { shares: 1 }, as: O1 }),
    "join",
  );
  await must(h.call("DELETE", `/ownerships/${freed.id}`, { as: ["o3", "owner"] }), "free");
  const state = await h.ports.waitlists.load(offerPlanId as PlanId, h.clock.now())();
  if (state._tag === "Left") throw new Error("waitlist");
  const offerId = state.right.waitlist.offers[0]?.id;
  if (offerId === undefined) throw new Error("no offer");

  const { planId: allocatedId } = await closedPlanWithOwners(h, { o1: 1, o3: 1 });
  await must(h.call("POST", `/plans/${allocatedId}/harvests`, { body: HARVEST, as: P }), "lot");
  await must(
    h.call("POST", "/admin/batches/allocate-harvests", {
      body: { planId: allocatedId },
      as: ["root", "admin"],
    }),
    "allocate",
  );
  await must(
    h.call("POST", "/admin/batches/schedule-shipments", {
      body: { planId: allocatedId },
      as: ["root", "admin"],
    }),
    "ship",
  );
  const parcels = await must(h.call("GET", `/plans/${allocatedId}/parcels`, { as: P }), "parcels");
  const parcelId = (parcels.items as { id: string; ownerId: string }[]).find(
    (p) => p.ownerId === "o1",
  )?.id;
  if (parcelId === undefined) throw new Error("o1 has no parcel");
  await must(
    h.call("PUT", `/plans/${allocatedId}/parcels/${parcelId}/shipment`, {
      body: { carrier: "other", trackingNumber: "WORLD1" },
      as: P,
    }),
    "parcel shipped",
  );

  const application = await must(
    h.call("POST", "/producer-applications", { body: applicationBody(), as: O1 }),
    "apply",
  );
  const saved = await must(
    h.call("POST", "/me/addresses", {
      body: { label: "実家", address: TOKYO_ADDRESS, region: "kanto" },
      as: O1,
    }),
    "saved address",
  );
  const addressId = saved.addresses[0]?.id as string;

  return {
    h,
    applicationId: application.id,
    addressId,
    draftId,
    planId,
    ownershipId,
    pendingPaymentId,
    experienceId: experience.id,
    bookingId: booking.id,
    updateId: update.id,
    commentId: comment.id,
    photoKey: form.key,
    verifiedPhotoKey: `${PHOTOS_ROOT}${form.key.slice(UPLOADS_ROOT.length)}`,
    soldOutId,
    offerPlanId,
    offerId,
    allocatedId,
    parcelId,
  };
};
