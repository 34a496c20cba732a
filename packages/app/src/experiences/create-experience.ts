import {
  createExperience as domainCreateExperience,
  type Experience,
  experienceId,
  type PlanId,
  type ProducerId,
} from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { Actor } from "../actor.ts";
import type { AppError } from "../errors.ts";
import { fromDomain } from "../harvest/from-domain.ts";
import { loadPlan } from "../loading.ts";
import type { Clock } from "../ports/clock.ts";
import type { ExperienceStore } from "../ports/experience-store.ts";
import type { IdGenerator } from "../ports/id-generator.ts";
import type { PlanRepository } from "../ports/plan-repository.ts";

export interface CreateExperienceDeps {
  readonly plans: PlanRepository;
  readonly experiences: ExperienceStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

export interface CreateExperienceInput {
  readonly planId: PlanId;
  readonly title: string;
  readonly startsAt: string;
  readonly capacity: number;
  /** The meeting point shown to owners. */
  readonly location?: string | undefined;
  /** What one seat costs in yen, paid at booking; 0 or left out: free. */
  readonly priceYenPerSeat?: number | undefined;
}

/** The plan's producer offers an on-site event with a fixed number of seats. */
export const createExperience =
  (deps: CreateExperienceDeps) =>
  (actor: Actor, input: CreateExperienceInput): TE.TaskEither<AppError, Experience> =>
    pipe(
      loadPlan(deps.plans, input.planId),
      TE.chain((plan) =>
        fromDomain(
          domainCreateExperience({
            id: experienceId(deps.ids.next("exp")),
            plan,
            // A non-producer never matches the plan's producer id, so the domain refuses it.
            actorProducerId: (actor.role === "producer" ? actor.id : "") as ProducerId,
            title: input.title,
            startsAt: input.startsAt,
            capacity: input.capacity,
            location: input.location,
            priceYenPerSeat: input.priceYenPerSeat,
            now: deps.clock.now(),
          }),
        ),
      ),
      TE.chain((experience) => deps.experiences.create(experience)),
    );
