import {
  allocationReadyMessage,
  applicationApprovedMessage,
  applicationRejectedMessage,
  commentHiddenMessage,
  followedProducerPublishedMessage,
  instant,
  localDate,
  lotId,
  type NotificationKind,
  type OutboxMessage,
  offerId,
  ownerId,
  ownershipId,
  type PlanId,
  type ProducerApplication,
  paymentDisputedMessage,
  planCancelledMessage,
  planId,
  planPublishedToReturningOwnersMessage,
  producerId,
  reservationConfirmedMessage,
  salesClosedMessage,
  salesClosedProducerMessage,
  shipmentId,
  shipmentScheduledMessage,
  shippingInfeasibleMessage,
  updatePostedMessage,
  waitlistOfferMadeMessage,
  type Yen,
} from "@owners/domain";

const at = instant("2026-08-01T01:00:00.000Z");
const owner = ownerId("owner_1");
const producer = producerId("prod_1");
/** A producer-chosen title with markup in it: every rendering must escape it. */
const plan = { id: planId("pl_1") as PlanId, title: `<b>Sato's</b> "figs" & more` };
const envelope = { id: "msg_1", recipientId: owner, at };
const application = {
  id: "app_1",
  applicantId: "owner_1",
  farmName: "佐藤農園 <script>",
  submittedAt: at,
} as unknown as ProducerApplication;

/**
 * One real message per kind, made by the domain's own constructors (so their params are what the
 * enqueuers store). A kind added to NotificationKind fails the typecheck here until it has one.
 */
export const NOTIFICATION_FIXTURES: Record<NotificationKind, OutboxMessage> = {
  "plan-published-to-returning-owners": planPublishedToReturningOwnersMessage({
    ...envelope,
    plan,
    opensToYouAt: instant("2026-09-01T00:00:00.000Z"),
  }),
  "reservation-confirmed": reservationConfirmedMessage({
    ...envelope,
    plan,
    ownershipId: ownershipId("own_1"),
    shares: 2,
    totalYen: 24000 as Yen,
  }),
  "waitlist-offer-made": waitlistOfferMadeMessage({
    ...envelope,
    plan,
    offerId: offerId("off_1"),
    shares: 1,
    expiresAt: instant("2026-08-03T01:00:00.000Z"),
  }),
  "allocation-ready": allocationReadyMessage({
    ...envelope,
    plan,
    lotId: lotId("lot_1"),
    ownershipId: ownershipId("own_1"),
    units: 6,
    unitLabel: "kg",
  }),
  "shipment-scheduled": shipmentScheduledMessage({
    ...envelope,
    plan,
    shipmentId: shipmentId("shp_1"),
    shipOn: localDate("2026-08-10"),
    arriveBy: localDate("2026-08-12"),
    boxes: 2,
  }),
  "update-posted": updatePostedMessage({
    ...envelope,
    plan,
    update: { id: "upd_1", body: "The figs are <i>ripening</i>." } as never,
  }),
  "sales-closed": salesClosedMessage({
    ...envelope,
    plan: { ...plan, deliveryFrom: localDate("2026-08-01"), deliveryTo: localDate("2026-09-30") },
    shares: 2,
  }),
  "sales-closed-producer": salesClosedProducerMessage({
    ...envelope,
    recipientId: producer,
    plan,
    sharesSold: 80,
    totalShares: 100,
    owners: 41,
  }),
  "plan-cancelled": planCancelledMessage({ ...envelope, plan, reason: "typhoon <damage>" }),
  "shipping-infeasible": shippingInfeasibleMessage({
    ...envelope,
    recipientId: producer,
    plan,
    lotId: lotId("lot_1"),
    unshippableShipments: 3,
    reason: "capacity",
  }),
  "payment-disputed": paymentDisputedMessage({
    ...envelope,
    plan,
    ownershipId: ownershipId("own_1"),
    disputeId: "dp_1",
    amountYen: 12000 as Yen,
    reason: "fraudulent",
  }),
  "comment-hidden": commentHiddenMessage({
    ...envelope,
    comment: { id: "cm_1", body: "<a href=x>spam</a>" },
    reason: "spam",
  }),
  "producer-application-approved": applicationApprovedMessage({ id: "msg_1", application, at }),
  "producer-application-rejected": applicationRejectedMessage({
    id: "msg_1",
    application,
    at,
    reason: "incomplete",
  }),
  "followed-producer-published": followedProducerPublishedMessage({
    ...envelope,
    plan,
    producerName: `<img src=x onerror="alert(1)">Sato`,
  }),
};
