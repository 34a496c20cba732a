import { attachPlanPhoto } from "../plans/attach-plan-photo.ts";
import { cancelPlan } from "../plans/cancel-plan.ts";
import { closePlan } from "../plans/close-plan.ts";
import { closeSales } from "../plans/close-sales.ts";
import { createPlan } from "../plans/create-plan.ts";
import { editPlan } from "../plans/edit-plan.ts";
import { getPlan } from "../plans/get-plan.ts";
import { listPlans } from "../plans/list-plans.ts";
import { getProducerSummary } from "../plans/producer-summary.ts";
import { publishPlan } from "../plans/publish-plan.ts";
import { quoteShares } from "../plans/quote-shares.ts";
import type { Outbox } from "../ports/outbox.ts";
import type { OwnerProfileRepository } from "../ports/owner-profile-repository.ts";
import type { PhotoVerificationDeps } from "../uploads/photo-verification.ts";
import { acceptOffer } from "../waitlist/accept-offer.ts";
import { expireOffers } from "../waitlist/expire-offers.ts";
import { joinWaitlist } from "../waitlist/join-waitlist.ts";
import { leaveWaitlist } from "../waitlist/leave-waitlist.ts";
import { listMyWaitlistOffers } from "../waitlist/list-my-waitlist-offers.ts";
import { cancelOwnership } from "./cancel-ownership.ts";
import { listMyOwnerships } from "./list-my-ownerships.ts";
import type { ReservationDeps } from "./reservation-deps.ts";
import { reserveShares } from "./reserve-shares.ts";

/**
 * Plan use cases bound to their deps: what an app binds to USE_CASE_TOKENS.plans. Photo keys are
 * verified with `verifyPhoto` (required here: an app that serves plans checks their photos).
 */
export const makePlanUseCases = (deps: ReservationDeps & Required<PhotoVerificationDeps>) => ({
  createPlan: createPlan(deps),
  editPlan: editPlan(deps),
  attachPlanPhoto: attachPlanPhoto(deps),
  publishPlan: publishPlan(deps),
  closePlan: closePlan(deps),
  cancelPlan: cancelPlan(deps),
  getPlan: getPlan(deps),
  listPlans: listPlans(deps),
  quoteShares: quoteShares(deps),
  producerSummary: getProducerSummary(deps),
});

/** Reservation use cases: USE_CASE_TOKENS.reservations (saved regions default the shipping). */
export const makeReservationUseCases = (
  deps: ReservationDeps & { readonly profiles: OwnerProfileRepository },
) => ({
  reserveShares: reserveShares(deps),
  cancelOwnership: cancelOwnership(deps),
  listMyOwnerships: listMyOwnerships(deps),
});

/** Waitlist use cases: USE_CASE_TOKENS.waitlist. */
export const makeWaitlistUseCases = (deps: ReservationDeps) => ({
  joinWaitlist: joinWaitlist(deps),
  leaveWaitlist: leaveWaitlist(deps),
  acceptOffer: acceptOffer(deps),
  listMyOffers: listMyWaitlistOffers(deps),
});

/** The batches of this slice (run as SYSTEM_ACTOR): part of USE_CASE_TOKENS.batches. */
export const makeReservationBatches = (deps: ReservationDeps & { readonly outbox: Outbox }) => ({
  closeSales: closeSales(deps),
  expireOffers: expireOffers(deps),
});

export type PlanUseCases = ReturnType<typeof makePlanUseCases>;
export type ReservationUseCases = ReturnType<typeof makeReservationUseCases>;
export type WaitlistUseCases = ReturnType<typeof makeWaitlistUseCases>;
export type ReservationBatches = ReturnType<typeof makeReservationBatches>;
