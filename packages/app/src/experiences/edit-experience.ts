import {
  editExperience as domainEditExperience,
  type Experience,
  type ExperienceId,
  type ExperiencePatch,
  type ProducerId,
} from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { Actor } from "../actor.ts";
import type { AppError } from "../errors.ts";
import { fromDomain } from "../harvest/from-domain.ts";
import type { Clock } from "../ports/clock.ts";
import type { ExperienceStore } from "../ports/experience-store.ts";
import { loadExperience } from "./book-experience.ts";

export interface EditExperienceDeps {
  readonly experiences: ExperienceStore;
  readonly clock: Clock;
}

export interface EditExperienceInput extends ExperiencePatch {
  readonly experienceId: ExperienceId;
}

/**
 * The plan's producer changes an experience (its meeting point, say) before it starts; a booking
 * that lands in between makes it a conflict (409) to send again, never a lost seat.
 */
export const editExperience =
  (deps: EditExperienceDeps) =>
  (actor: Actor, input: EditExperienceInput): TE.TaskEither<AppError, Experience> =>
    pipe(
      loadExperience(deps.experiences, input.experienceId),
      TE.chain((experience) =>
        pipe(
          fromDomain(
            domainEditExperience(
              experience,
              // A non-producer never matches the experience's producer id, so the domain refuses it.
              (actor.role === "producer" ? actor.id : "") as ProducerId,
              input,
              deps.clock.now(),
            ),
          ),
          TE.chain((edited) => deps.experiences.update(edited, experience.version)),
        ),
      ),
    );
