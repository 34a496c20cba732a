import {
  createPlan as newPlan,
  type Plan,
  type ProducerId,
  planCreated,
  planId,
  producerId,
  type RawPlanTerms,
  type RawPriceTerms,
} from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { forbidden } from "../access.ts";
import type { Actor } from "../actor.ts";
import { auditHead } from "../audit-records.ts";
import type { AppError } from "../errors.ts";
import { decided } from "../errors.ts";
import { loadProducerProfile } from "../people/producer-profiles.ts";
import type { ProducerProfileStore } from "../ports/producer-profile-store.ts";
import type { ReservationDeps } from "../reservations/reservation-deps.ts";
import { type PhotoVerificationDeps, verifyNewPhotos } from "../uploads/photo-verification.ts";
import { defaultShippingSurcharges } from "./default-shipping-surcharges.ts";

export type CreatePlanDeps = Pick<ReservationDeps, "plans" | "clock" | "ids" | "config"> &
  PhotoVerificationDeps & {
    /** An admin's plan is for an approved producer: one with a profile. */
    readonly producerProfiles: ProducerProfileStore;
  };

/** The terms of a new plan; without shipping surcharges it ships everywhere at the flat price. */
export type CreatePlanTerms = Omit<RawPlanTerms, "pricing"> & {
  readonly pricing: Omit<RawPriceTerms, "shippingSurchargeYen"> & {
    readonly shippingSurchargeYen?: RawPriceTerms["shippingSurchargeYen"] | undefined;
  };
};

export interface CreatePlanInput {
  readonly terms: CreatePlanTerms;
  /**
   * Only an admin creates a plan for a producer (an approved one: PRODUCER.NOT_FOUND otherwise); a
   * producer always creates its own.
   */
  readonly producerId?: string;
}

/**
 * A producer drafts a plan; the platform's current fee rate is fixed on it. Its photo keys are
 * verified as the producer's own uploads first.
 */
export const createPlan =
  (deps: CreatePlanDeps) =>
  (actor: Actor, input: CreatePlanInput): TE.TaskEither<AppError, Plan> => {
    const producer: TE.TaskEither<AppError, ProducerId> =
      actor.role === "producer"
        ? TE.right(producerId(actor.id))
        : actor.role === "admin" && input.producerId !== undefined
          ? pipe(
              loadProducerProfile(deps.producerProfiles, input.producerId),
              TE.map((profile) => profile.producerId),
            )
          : TE.left(forbidden("only producers create plans", actor));
    const now = deps.clock.now();
    const { shippingSurchargeYen, ...pricing } = input.terms.pricing;
    const terms: RawPlanTerms = {
      ...input.terms,
      pricing: {
        ...pricing,
        shippingSurchargeYen: shippingSurchargeYen ?? defaultShippingSurcharges(),
      },
    };
    return pipe(
      producer,
      TE.bindTo("owner"),
      // The plan keeps the verified copies' keys, never the upload keys it was given.
      TE.bind("photoKeys", () => verifyNewPhotos(deps)(actor, terms.photoKeys ?? [])),
      TE.chain(({ owner, photoKeys }) =>
        decided(
          newPlan({
            id: planId(deps.ids.next("plan")),
            producerId: owner,
            terms: terms.photoKeys === undefined ? terms : { ...terms, photoKeys: [...photoKeys] },
            platformFeeBps: deps.config.platformFeeBps,
            now,
          }),
        ),
      ),
      TE.chain((plan) =>
        deps.plans.create(plan, [
          planCreated(auditHead(deps.ids, actor, now, plan.id, "created"), plan),
        ]),
      ),
    );
  };
