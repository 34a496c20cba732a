import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import {
  dueExperiences,
  type RemindExperiencesDeps,
  remindExperiences,
} from "../experiences/remind-experiences.ts";
import type { PlanWork } from "./plan-jobs.ts";

/**
 * `remind-experiences`: the day before an experience, each owner with an active booking gets a
 * reminder (time and meeting point). Plans that may still hold experiences are swept; a plan with
 * none starting within the day is skipped after one read of its experiences.
 */
export const remindExperiencesWork = (deps: RemindExperiencesDeps): PlanWork => ({
  batch: "remind-experiences",
  statuses: ["open", "closed", "allocated", "shipped"],
  hasWork: (plan) =>
    pipe(
      dueExperiences(deps, plan.id, deps.clock.now()),
      TE.map((due) => due.length > 0),
    ),
  run: (planId) =>
    pipe(
      remindExperiences(deps)(planId),
      TE.map((report) => ({ experiences: report.experiences, reminders: report.reminded })),
    ),
});
