import { type Experience, type PlanId, seatsLeft } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { Actor } from "../actor.ts";
import type { AppError } from "../errors.ts";
import { loadPlan } from "../loading.ts";
import { DEFAULT_PAGE_LIMIT, type Page, type PageRequest } from "../pagination.ts";
import type { ExperienceStore } from "../ports/experience-store.ts";
import type { PlanRepository } from "../ports/plan-repository.ts";

export interface ListExperiencesDeps {
  readonly plans: PlanRepository;
  readonly experiences: ExperienceStore;
}

export interface ListExperiencesInput {
  readonly planId: PlanId;
  readonly page?: PageRequest;
}

export interface ExperienceView extends Experience {
  readonly seatsLeft: number;
}

/** An experience as shown: with the seats still bookable. */
export const experienceView = (experience: Experience): ExperienceView => ({
  ...experience,
  seatsLeft: seatsLeft(experience),
});

/** A plan's experiences by start time, with the seats left: public, like the plan page. */
export const listExperiences =
  (deps: ListExperiencesDeps) =>
  (
    _actor: Actor | undefined,
    input: ListExperiencesInput,
  ): TE.TaskEither<AppError, Page<ExperienceView>> =>
    pipe(
      loadPlan(deps.plans, input.planId),
      TE.chain((plan) =>
        deps.experiences.listByPlan(plan.id, input.page ?? { limit: DEFAULT_PAGE_LIMIT }),
      ),
      TE.map((page) => ({
        ...page,
        items: page.items.map(experienceView),
      })),
    );
