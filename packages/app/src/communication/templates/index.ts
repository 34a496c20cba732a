import type { NotificationKind } from "@owners/domain";
import { template as allocationReady } from "./allocation-ready.ts";
import { template as allocationStatement } from "./allocation-statement.ts";
import { template as commentHidden } from "./comment-hidden.ts";
import { template as experienceBooked } from "./experience-booked.ts";
import { template as experienceCancelled } from "./experience-cancelled.ts";
import { template as experienceReminder } from "./experience-reminder.ts";
import { template as followedProducerPublished } from "./followed-producer-published.ts";
import { template as parcelDelivered } from "./parcel-delivered.ts";
import { template as parcelShipped } from "./parcel-shipped.ts";
import { template as paymentDisputed } from "./payment-disputed.ts";
import { template as paymentExpiring } from "./payment-expiring.ts";
import { template as paymentFailed } from "./payment-failed.ts";
import { template as paymentPending } from "./payment-pending.ts";
import { template as planCancelled } from "./plan-cancelled.ts";
import { template as planPublishedToReturningOwners } from "./plan-published-to-returning-owners.ts";
import { template as producerApplicationApproved } from "./producer-application-approved.ts";
import { template as producerApplicationRejected } from "./producer-application-rejected.ts";
import { template as reservationConfirmed } from "./reservation-confirmed.ts";
import { template as salesClosed } from "./sales-closed.ts";
import { template as salesClosedProducer } from "./sales-closed-producer.ts";
import { template as seasonReportPosted } from "./season-report-posted.ts";
import { template as shipmentScheduled } from "./shipment-scheduled.ts";
import { template as shippingAddressNeeded } from "./shipping-address-needed.ts";
import { template as shippingInfeasible } from "./shipping-infeasible.ts";
import type { NotificationTemplate } from "./template.ts";
import { template as updatePosted } from "./update-posted.ts";
import { template as waitlistOfferExpired } from "./waitlist-offer-expired.ts";
import { template as waitlistOfferMade } from "./waitlist-offer-made.ts";

/**
 * Every kind's template. A Record over NotificationKind, so a kind added without a template fails
 * the typecheck (add its file and one line here).
 */
export const NOTIFICATION_TEMPLATES: Record<NotificationKind, NotificationTemplate> = {
  "plan-published-to-returning-owners": planPublishedToReturningOwners,
  "reservation-confirmed": reservationConfirmed,
  "waitlist-offer-made": waitlistOfferMade,
  "allocation-ready": allocationReady,
  "shipment-scheduled": shipmentScheduled,
  "update-posted": updatePosted,
  "sales-closed": salesClosed,
  "sales-closed-producer": salesClosedProducer,
  "plan-cancelled": planCancelled,
  "shipping-infeasible": shippingInfeasible,
  "shipping-address-needed": shippingAddressNeeded,
  "payment-disputed": paymentDisputed,
  "comment-hidden": commentHidden,
  "producer-application-approved": producerApplicationApproved,
  "producer-application-rejected": producerApplicationRejected,
  "followed-producer-published": followedProducerPublished,
  "parcel-shipped": parcelShipped,
  "parcel-delivered": parcelDelivered,
  "season-report-posted": seasonReportPosted,
  "payment-pending": paymentPending,
  "payment-expiring": paymentExpiring,
  "payment-failed": paymentFailed,
  "waitlist-offer-expired": waitlistOfferExpired,
  "allocation-statement": allocationStatement,
  "experience-booked": experienceBooked,
  "experience-cancelled": experienceCancelled,
  "experience-reminder": experienceReminder,
};

export type { NotificationCategory, NotificationTemplate, TemplateParams } from "./template.ts";
