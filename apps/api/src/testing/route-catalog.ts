import { MEMORY_WEBHOOK_SIGNATURE } from "@owners/adapter-memory";
import { applicationBody, HARVEST, planBody, TOKYO_ADDRESS } from "./harness.ts";
import type { World } from "./world.ts";

export interface RouteCall {
  readonly method: string;
  readonly path: string;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

/** One valid request per route, on the world's resources (the owning side's ids). */
export interface RouteCase {
  /** Method and OpenAPI path: the table is checked against /openapi.json with it. */
  readonly route: string;
  readonly call: (w: World) => RouteCall;
  /** True for routes that change nothing: one world serves every caller. */
  readonly readOnly?: boolean;
}

const key = (k: string) => ({ "idempotency-key": k });

export const ROUTE_CASES: readonly RouteCase[] = [
  { route: "GET /health", call: () => ({ method: "GET", path: "/health" }), readOnly: true },
  {
    route: "GET /openapi.json",
    call: () => ({ method: "GET", path: "/openapi.json" }),
    readOnly: true,
  },
  { route: "GET /docs", call: () => ({ method: "GET", path: "/docs" }), readOnly: true },
  {
    route: "POST /auth/dev-login",
    call: () => ({
      method: "POST",
      path: "/auth/dev-login",
      body: { sub: "someone", role: "owner" },
    }),
    readOnly: true,
  },
  { route: "GET /plans", call: () => ({ method: "GET", path: "/plans?limit=5" }), readOnly: true },
  { route: "POST /plans", call: () => ({ method: "POST", path: "/plans", body: planBody() }) },
  {
    route: "GET /plans/{id}",
    call: (w) => ({ method: "GET", path: `/plans/${w.planId}` }),
    readOnly: true,
  },
  {
    route: "GET /plans/{id} (draft)",
    call: (w) => ({ method: "GET", path: `/plans/${w.draftId}` }),
    readOnly: true,
  },
  {
    route: "PATCH /plans/{id}",
    call: (w) => ({
      method: "PATCH",
      path: `/plans/${w.planId}`,
      body: { title: "新しいタイトル" },
    }),
  },
  {
    route: "POST /plans/{id}/publish",
    call: (w) => ({ method: "POST", path: `/plans/${w.draftId}/publish` }),
  },
  {
    route: "POST /plans/{id}/close",
    call: (w) => ({ method: "POST", path: `/plans/${w.planId}/close` }),
  },
  {
    route: "POST /plans/{id}/cancel",
    call: (w) => ({
      method: "POST",
      path: `/plans/${w.planId}/cancel`,
      body: { reason: "The harvest failed." },
    }),
  },
  {
    route: "GET /plans/{id}/quote",
    call: (w) => ({
      method: "GET",
      path: `/plans/${w.planId}/quote?shares=1&shippingRegion=kanto`,
    }),
    readOnly: true,
  },
  {
    route: "POST /plans/{id}/photos",
    call: (w) => ({ method: "POST", path: `/plans/${w.planId}/photos`, body: { key: w.photoKey } }),
  },
  {
    route: "DELETE /plans/{id}/photos/{photoKey}",
    call: (w) => ({
      method: "DELETE",
      path: `/plans/${w.planId}/photos/${encodeURIComponent(w.verifiedPhotoKey)}`,
    }),
  },
  {
    route: "POST /plans/{id}/reservations",
    call: (w) => ({
      method: "POST",
      path: `/plans/${w.planId}/reservations`,
      body: { shares: 1, shippingRegion: "kanto" },
      headers: key("table-reserve"),
    }),
  },
  {
    // A signed event of a kind nobody acts on: acknowledged, nothing changes.
    route: "POST /webhooks/payments",
    call: () => ({
      method: "POST",
      path: "/webhooks/payments",
      body: {
        eventId: "evt_table",
        createdAt: "2026-05-01T00:00:00.000Z",
        kind: "ignored",
        type: "customer.created",
      },
      headers: { "stripe-signature": MEMORY_WEBHOOK_SIGNATURE },
    }),
    readOnly: true,
  },
  {
    route: "POST /dev/payments/{paymentId}/complete",
    call: (w) => ({
      method: "POST",
      path: `/dev/payments/${w.pendingPaymentId}/complete`,
      body: { outcome: "succeeded" },
    }),
  },
  {
    route: "GET /me/ownerships",
    call: () => ({ method: "GET", path: "/me/ownerships" }),
    readOnly: true,
  },
  {
    route: "DELETE /ownerships/{id}",
    call: (w) => ({ method: "DELETE", path: `/ownerships/${w.ownershipId}` }),
  },
  {
    route: "POST /plans/{id}/waitlist",
    call: (w) => ({ method: "POST", path: `/plans/${w.soldOutId}/waitlist`, body: { shares: 1 } }),
  },
  {
    route: "DELETE /plans/{id}/waitlist",
    call: (w) => ({ method: "DELETE", path: `/plans/${w.soldOutId}/waitlist` }),
  },
  {
    route: "GET /plans/{id}/waitlist/mine",
    call: (w) => ({ method: "GET", path: `/plans/${w.soldOutId}/waitlist/mine` }),
    readOnly: true,
  },
  {
    route: "GET /producers/me/summary",
    call: () => ({ method: "GET", path: "/producers/me/summary" }),
    readOnly: true,
  },
  {
    route: "GET /producers/me/payout-account",
    call: () => ({ method: "GET", path: "/producers/me/payout-account" }),
    readOnly: true,
  },
  {
    route: "POST /producers/me/payout-account/onboarding",
    call: () => ({ method: "POST", path: "/producers/me/payout-account/onboarding" }),
  },
  {
    route: "POST /producers/me/payout-account/dashboard",
    call: () => ({ method: "POST", path: "/producers/me/payout-account/dashboard" }),
  },
  {
    route: "GET /me/waitlist-offers",
    call: () => ({ method: "GET", path: "/me/waitlist-offers" }),
    readOnly: true,
  },
  {
    route: "POST /plans/{id}/waitlist/offers/{offerId}/accept",
    call: (w) => ({
      method: "POST",
      path: `/plans/${w.offerPlanId}/waitlist/offers/${w.offerId}/accept`,
      body: { shippingRegion: "kanto" },
    }),
  },
  {
    route: "GET /plans/{id}/harvests",
    call: (w) => ({ method: "GET", path: `/plans/${w.planId}/harvests` }),
    readOnly: true,
  },
  {
    route: "POST /plans/{id}/harvests",
    call: (w) => ({ method: "POST", path: `/plans/${w.allocatedId}/harvests`, body: HARVEST }),
  },
  {
    route: "POST /plans/{id}/harvest-complete",
    call: (w) => ({ method: "POST", path: `/plans/${w.allocatedId}/harvest-complete` }),
  },
  {
    route: "GET /me/credits",
    call: () => ({ method: "GET", path: "/me/credits" }),
    readOnly: true,
  },
  {
    route: "GET /plans/{id}/allocations",
    call: (w) => ({ method: "GET", path: `/plans/${w.allocatedId}/allocations` }),
    readOnly: true,
  },
  {
    route: "GET /plans/{id}/shipments",
    call: (w) => ({ method: "GET", path: `/plans/${w.allocatedId}/shipments` }),
    readOnly: true,
  },
  {
    route: "GET /plans/{id}/shipments.csv",
    call: (w) => ({ method: "GET", path: `/plans/${w.allocatedId}/shipments.csv` }),
    readOnly: true,
  },
  // Lane "parcels".
  {
    route: "GET /plans/{id}/parcels",
    call: (w) => ({ method: "GET", path: `/plans/${w.allocatedId}/parcels` }),
    readOnly: true,
  },
  {
    route: "PUT /plans/{id}/parcels/{parcelId}/shipment",
    call: (w) => ({
      method: "PUT",
      path: `/plans/${w.allocatedId}/parcels/${w.parcelId}/shipment`,
      body: { carrier: "yamato", trackingNumber: "1234-5678-9013" },
    }),
  },
  {
    route: "POST /plans/{id}/parcels/tracking-file",
    call: (w) => ({
      method: "POST",
      path: `/plans/${w.allocatedId}/parcels/tracking-file`,
      body: {
        fileBase64: Buffer.from(
          `parcel id,carrier,tracking number\r\n${w.parcelId},other,WORLD2\r\n`,
        ).toString("base64"),
      },
    }),
  },
  {
    route: "POST /plans/{id}/parcels/{parcelId}/delivery-confirmation",
    call: (w) => ({
      method: "POST",
      path: `/plans/${w.allocatedId}/parcels/${w.parcelId}/delivery-confirmation`,
    }),
  },
  {
    route: "GET /me/address",
    call: () => ({ method: "GET", path: "/me/address" }),
    readOnly: true,
  },
  {
    route: "PUT /me/address",
    call: () => ({
      method: "PUT",
      path: "/me/address",
      body: { address: TOKYO_ADDRESS, region: "kinki" },
    }),
  },
  {
    route: "POST /plans/{id}/experiences",
    call: (w) => ({
      method: "POST",
      path: `/plans/${w.planId}/experiences`,
      body: { title: "見学会", startsAt: "2026-06-21T01:00:00.000Z", capacity: 5 },
    }),
  },
  {
    route: "PATCH /experiences/{id}",
    call: (w) => ({
      method: "PATCH",
      path: `/experiences/${w.experienceId}`,
      body: { location: "集合場所" },
    }),
  },
  {
    route: "GET /plans/{id}/experiences",
    call: (w) => ({ method: "GET", path: `/plans/${w.planId}/experiences` }),
    readOnly: true,
  },
  {
    route: "GET /me/bookings",
    call: () => ({ method: "GET", path: "/me/bookings" }),
    readOnly: true,
  },
  {
    route: "POST /experiences/{id}/bookings",
    call: (w) => ({
      method: "POST",
      path: `/experiences/${w.experienceId}/bookings`,
      body: { seats: 1 },
      headers: key("table-booking"),
    }),
  },
  {
    route: "GET /experiences/{id}/bookings",
    call: (w) => ({ method: "GET", path: `/experiences/${w.experienceId}/bookings` }),
    readOnly: true,
  },
  {
    route: "GET /experiences/{id}/bookings.csv",
    call: (w) => ({ method: "GET", path: `/experiences/${w.experienceId}/bookings.csv` }),
    readOnly: true,
  },
  {
    route: "DELETE /experiences/{id}/bookings/{bookingId}",
    call: (w) => ({
      method: "DELETE",
      path: `/experiences/${w.experienceId}/bookings/${w.bookingId}`,
    }),
  },
  {
    route: "POST /plans/{id}/updates",
    call: (w) => ({
      method: "POST",
      path: `/plans/${w.planId}/updates`,
      body: { body: "収穫まであと少し", visibility: "owners" },
    }),
  },
  {
    route: "GET /plans/{id}/updates",
    call: (w) => ({ method: "GET", path: `/plans/${w.planId}/updates` }),
    readOnly: true,
  },
  {
    route: "POST /updates/{id}/comments",
    call: (w) => ({
      method: "POST",
      path: `/updates/${w.updateId}/comments`,
      body: { body: "楽しみです" },
    }),
  },
  {
    route: "GET /updates/{id}/comments",
    call: (w) => ({ method: "GET", path: `/updates/${w.updateId}/comments` }),
    readOnly: true,
  },
  {
    route: "POST /uploads",
    call: () => ({ method: "POST", path: "/uploads", body: { contentType: "image/webp" } }),
  },
  {
    route: "POST /admin/batches/{name}",
    call: () => ({ method: "POST", path: "/admin/batches/close-sales" }),
  },
  {
    route: "GET /plans/{id}/money",
    call: (w) => ({ method: "GET", path: `/plans/${w.planId}/money` }),
    readOnly: true,
  },
  {
    route: "GET /plans/{id}/refund-progress",
    call: (w) => ({ method: "GET", path: `/plans/${w.planId}/refund-progress` }),
    readOnly: true,
  },
  {
    route: "GET /admin/reconciliation",
    call: () => ({ method: "GET", path: "/admin/reconciliation" }),
    readOnly: true,
  },
  {
    route: "POST /admin/comments/{id}/hide",
    call: (w) => ({
      method: "POST",
      path: `/admin/comments/${w.commentId}/hide`,
      body: { reason: "Advertising" },
    }),
  },
  {
    route: "GET /admin/comments",
    call: () => ({ method: "GET", path: "/admin/comments?limit=5" }),
    readOnly: true,
  },
  {
    route: "GET /admin/disputes",
    call: () => ({ method: "GET", path: "/admin/disputes" }),
    readOnly: true,
  },
  {
    route: "GET /admin/batch-runs",
    call: () => ({ method: "GET", path: "/admin/batch-runs" }),
    readOnly: true,
  },
  {
    route: "POST /producer-applications",
    call: () => ({ method: "POST", path: "/producer-applications", body: applicationBody() }),
  },
  {
    route: "GET /producer-applications/mine",
    call: () => ({ method: "GET", path: "/producer-applications/mine" }),
    readOnly: true,
  },
  {
    route: "GET /admin/producer-applications",
    call: () => ({ method: "GET", path: "/admin/producer-applications?status=pending" }),
    readOnly: true,
  },
  {
    route: "POST /admin/producer-applications/{id}/approve",
    call: (w) => ({
      method: "POST",
      path: `/admin/producer-applications/${w.applicationId}/approve`,
    }),
  },
  {
    route: "POST /admin/producer-applications/{id}/reject",
    call: (w) => ({
      method: "POST",
      path: `/admin/producer-applications/${w.applicationId}/reject`,
      body: { reason: "書類が足りません" },
    }),
  },
  // Producers and owners as people.
  {
    route: "GET /producers",
    call: () => ({ method: "GET", path: "/producers?limit=5" }),
    readOnly: true,
  },
  {
    route: "GET /producers/{id}",
    call: () => ({ method: "GET", path: "/producers/producer-a" }),
    readOnly: true,
  },
  {
    route: "GET /producers/me/profile",
    call: () => ({ method: "GET", path: "/producers/me/profile" }),
    readOnly: true,
  },
  {
    route: "PUT /producers/me/profile",
    call: () => ({ method: "PUT", path: "/producers/me/profile", body: { story: "新しい話" } }),
  },
  {
    route: "PUT /producers/{id}/follow",
    call: () => ({ method: "PUT", path: "/producers/producer-a/follow" }),
  },
  {
    route: "DELETE /producers/{id}/follow",
    call: () => ({ method: "DELETE", path: "/producers/producer-a/follow" }),
  },
  {
    route: "GET /me/follows",
    call: () => ({ method: "GET", path: "/me/follows" }),
    readOnly: true,
  },
  {
    route: "GET /me/profile",
    call: () => ({ method: "GET", path: "/me/profile" }),
    readOnly: true,
  },
  {
    route: "PUT /me/profile",
    call: () => ({ method: "PUT", path: "/me/profile", body: { displayName: "はなこ" } }),
  },
  {
    route: "GET /me/addresses",
    call: () => ({ method: "GET", path: "/me/addresses" }),
    readOnly: true,
  },
  {
    route: "POST /me/addresses",
    call: () => ({
      method: "POST",
      path: "/me/addresses",
      body: { label: "会社", address: TOKYO_ADDRESS, region: "kanto" },
    }),
  },
  {
    route: "PUT /me/addresses/{id}",
    call: (w) => ({
      method: "PUT",
      path: `/me/addresses/${w.addressId}`,
      body: { label: "実家", address: TOKYO_ADDRESS, region: "kinki" },
    }),
  },
  {
    route: "DELETE /me/addresses/{id}",
    call: (w) => ({ method: "DELETE", path: `/me/addresses/${w.addressId}` }),
  },
  // Privacy: data rights and the audit trail.
  { route: "GET /me/export", call: () => ({ method: "GET", path: "/me/export" }), readOnly: true },
  { route: "DELETE /me", call: () => ({ method: "DELETE", path: "/me" }) },
  {
    route: "GET /ownerships/{id}/history",
    call: (w) => ({ method: "GET", path: `/ownerships/${w.ownershipId}/history` }),
    readOnly: true,
  },
  {
    route: "GET /plans/{id}/history",
    call: (w) => ({ method: "GET", path: `/plans/${w.planId}/history` }),
    readOnly: true,
  },
  {
    route: "GET /admin/audit",
    call: (w) => ({
      method: "GET",
      path: `/admin/audit?subjectType=ownership&subjectId=${w.ownershipId}`,
    }),
    readOnly: true,
  },
  // Lane season: the allocated plan is not completed yet, so its writers are told 409.
  {
    route: "PUT /plans/{id}/season-report",
    call: (w) => ({
      method: "PUT",
      path: `/plans/${w.allocatedId}/season-report`,
      body: { harvestedUnits: 10, lotCount: 1, note: "よい季節でした" },
    }),
  },
  {
    route: "GET /plans/{id}/season-report",
    call: (w) => ({ method: "GET", path: `/plans/${w.allocatedId}/season-report` }),
    readOnly: true,
  },
  {
    route: "GET /me/next-seasons",
    call: () => ({ method: "GET", path: "/me/next-seasons" }),
    readOnly: true,
  },
  // Lane logistics: the plan's logistics and each ownership's delivery.
  {
    route: "GET /plans/{id}/logistics",
    call: (w) => ({ method: "GET", path: `/plans/${w.planId}/logistics` }),
    readOnly: true,
  },
  {
    route: "PUT /plans/{id}/logistics",
    call: (w) => ({
      method: "PUT",
      path: `/plans/${w.planId}/logistics`,
      body: {
        shipFromPrefecture: "長野県",
        boxesPerDay: 20,
        temperature: "chilled",
        slotsAllowed: true,
      },
    }),
  },
  {
    route: "GET /ownerships/{id}/delivery",
    call: (w) => ({ method: "GET", path: `/ownerships/${w.ownershipId}/delivery` }),
    readOnly: true,
  },
  {
    route: "PUT /ownerships/{id}/delivery",
    call: (w) => ({
      method: "PUT",
      path: `/ownerships/${w.ownershipId}/delivery`,
      body: {
        destination: {
          kind: "gift",
          address: TOKYO_ADDRESS,
          region: "kanto",
          message: "おめでとう",
        },
      },
    }),
  },
  // Lane notices: a made-up token is refused for everyone (the one-click link needs no sign-in).
  {
    route: "POST /unsubscribe",
    call: () => ({ method: "POST", path: "/unsubscribe?token=bm90LW91cnM.news.AAAA" }),
    readOnly: true,
  },
  {
    route: "GET /me/notification-preferences",
    call: () => ({ method: "GET", path: "/me/notification-preferences" }),
    readOnly: true,
  },
  {
    route: "PUT /me/notification-preferences",
    call: () => ({ method: "PUT", path: "/me/notification-preferences", body: { news: false } }),
  },
  {
    route: "GET /me/notifications",
    call: () => ({ method: "GET", path: "/me/notifications" }),
    readOnly: true,
  },
  {
    route: "GET /me/notifications/unread-count",
    call: () => ({ method: "GET", path: "/me/notifications/unread-count" }),
    readOnly: true,
  },
  {
    route: "POST /me/notifications/read-all",
    call: () => ({ method: "POST", path: "/me/notifications/read-all" }),
  },
  {
    // o1's reservation confirmation (the inbox id is its dedupe key, base64url).
    route: "POST /me/notifications/{id}/read",
    call: (w) => ({
      method: "POST",
      path: `/me/notifications/${Buffer.from(`reservation-confirmed#${w.ownershipId}`).toString("base64url")}/read`,
    }),
  },
];
