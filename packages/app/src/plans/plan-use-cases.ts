import type { PayoutReadyDeps } from "../payments/require-payout-ready.ts";
import type { ReservationDeps } from "../reservations/reservation-deps.ts";
import type { PhotoVerificationDeps } from "../uploads/photo-verification.ts";
import { attachPlanPhoto } from "./attach-plan-photo.ts";
import { cancelPlan } from "./cancel-plan.ts";
import { closePlan } from "./close-plan.ts";
import { type CreatePlanDeps, createPlan } from "./create-plan.ts";
import { editPlan } from "./edit-plan.ts";
import { getPlan } from "./get-plan.ts";
import { listPlans } from "./list-plans.ts";
import { getProducerSummary } from "./producer-summary.ts";
import { publishPlan } from "./publish-plan.ts";
import { quoteShares } from "./quote-shares.ts";
import { removePlanPhoto } from "./remove-plan-photo.ts";

/**
 * Plan use cases bound to their deps: what an app binds to USE_CASE_TOKENS.plans. Photo keys are
 * verified with `verifyPhoto` (required here: an app that serves plans checks their photos).
 */
export const makePlanUseCases = (
  deps: ReservationDeps &
    Required<PhotoVerificationDeps> &
    PayoutReadyDeps &
    Pick<CreatePlanDeps, "producerProfiles">,
) => ({
  createPlan: createPlan(deps),
  editPlan: editPlan(deps),
  attachPlanPhoto: attachPlanPhoto(deps),
  removePlanPhoto: removePlanPhoto(deps),
  publishPlan: publishPlan(deps),
  closePlan: closePlan(deps),
  cancelPlan: cancelPlan(deps),
  getPlan: getPlan(deps),
  listPlans: listPlans(deps),
  quoteShares: quoteShares(deps),
  producerSummary: getProducerSummary(deps),
});

export type PlanUseCases = ReturnType<typeof makePlanUseCases>;
