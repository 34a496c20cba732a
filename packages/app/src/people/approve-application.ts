import {
  applicationApprovedMessage,
  approveProducerApplication,
  type ProducerApplication,
  type ProducerProfile,
  producerId,
} from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireAdmin } from "../access.ts";
import type { Actor } from "../actor.ts";
import { type AppError, decided } from "../errors.ts";
import type { PayoutAccountDeps } from "../payments/payout-account-status.ts";
import { type OnboardingUrls, startPayoutOnboarding } from "../payments/start-payout-onboarding.ts";
import type { AccountClosures } from "../ports/account-closures.ts";
import type { IdGenerator } from "../ports/id-generator.ts";
import type { IdentityDirectory } from "../ports/identity-directory.ts";
import type { Outbox } from "../ports/outbox.ts";
import type { ProducerApplicationStore } from "../ports/producer-application-store.ts";
import type { ProducerProfileStore } from "../ports/producer-profile-store.ts";
import { loadApplication, requireOpenApplicant } from "./load-application.ts";

export interface ApproveDeps extends PayoutAccountDeps {
  readonly accountClosures: AccountClosures;
  readonly producerApplications: ProducerApplicationStore;
  readonly producerProfiles: ProducerProfileStore;
  readonly identityDirectory: IdentityDirectory;
  readonly outbox: Outbox;
  readonly ids: IdGenerator;
}

/** The producer's first public profile, from what it wrote in its application. */
export const profileFromApplication = (application: ProducerApplication): ProducerProfile => {
  const at = application.decidedAt ?? application.submittedAt;
  return {
    producerId: producerId(application.applicantId),
    displayName: application.farmName,
    prefecture: application.prefecture,
    story: application.story,
    photos: [],
    products: application.products,
    categories: [],
    links: [],
    disclosure: application.disclosure,
    approvedAt: at,
    updatedAt: at,
    version: 0,
  };
};

/**
 * What approval does besides recording the decision; each step is idempotent, so approving an
 * approved application again (a retry after a failure half-way) finishes what was left:
 * the person joins `producers` (keeping `owners`: it may still buy), its profile is created
 * unless it has one, its payout onboarding starts (the account is created at the processor; the
 * producer finishes it from its dashboard) and it is told.
 */
const consequences =
  (deps: ApproveDeps, urls: OnboardingUrls) =>
  (application: ProducerApplication): TE.TaskEither<AppError, ProducerApplication> => {
    const applicant = application.applicantId;
    return pipe(
      deps.identityDirectory.addToGroup(applicant, "producers"),
      TE.chain(() => deps.producerProfiles.get(producerId(applicant))),
      TE.chain(
        O.match(
          () => pipe(deps.producerProfiles.save(profileFromApplication(application), 0), TE.asUnit),
          () => TE.right<AppError, void>(undefined),
        ),
      ),
      TE.chain(() => startPayoutOnboarding(deps)({ id: applicant, role: "producer" }, urls)),
      TE.chain(() =>
        deps.outbox.enqueue([
          applicationApprovedMessage({
            id: deps.ids.deterministic("msg", "application-approved", applicant),
            application,
            at: application.decidedAt ?? deps.clock.now(),
          }),
        ]),
      ),
      TE.map(() => application),
    );
  };

/**
 * An admin approves a pending application: the decision is stored first (its version check makes
 * a concurrent reject or approve lose with STORE.VERSION_CONFLICT), then its consequences run.
 */
export const approveApplication =
  (deps: ApproveDeps) =>
  (
    actor: Actor,
    input: { readonly id: string; readonly onboardingUrls: OnboardingUrls },
  ): TE.TaskEither<AppError, ProducerApplication> =>
    pipe(
      requireAdmin(actor),
      TE.chain(() => loadApplication(deps.producerApplications)(input.id)),
      TE.chain(requireOpenApplicant(deps.accountClosures)),
      TE.chain((application) =>
        application.status === "approved"
          ? TE.right(application)
          : pipe(
              decided(approveProducerApplication(application, actor.id, deps.clock.now())),
              TE.chain((approved) => deps.producerApplications.save(approved, approved.version)),
            ),
      ),
      TE.chain(consequences(deps, input.onboardingUrls)),
    );
