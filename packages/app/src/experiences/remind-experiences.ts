import {
  type Experience,
  experienceReminderMessage,
  type Instant,
  type PlanId,
} from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { allPages, eachInOrder } from "../all-pages.ts";
import type { AppError } from "../errors.ts";
import type { Clock } from "../ports/clock.ts";
import type { ExperienceStore } from "../ports/experience-store.ts";
import type { IdGenerator } from "../ports/id-generator.ts";
import type { Outbox } from "../ports/outbox.ts";

/** How long before an experience its owners are reminded: the day before. */
export const REMINDER_LEAD_MS = 24 * 3_600_000;

export interface RemindExperiencesDeps {
  readonly experiences: ExperienceStore;
  readonly outbox: Outbox;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

/** Whether the experience starts within the coming day (and has anyone to remind). */
export const isDueForReminder = (experience: Experience, now: Instant): boolean => {
  const startsIn = Date.parse(experience.startsAt) - Date.parse(now);
  return experience.seatsBooked > 0 && startsIn > 0 && startsIn <= REMINDER_LEAD_MS;
};

/** The plan's experiences that start within the coming day. */
export const dueExperiences = (
  deps: Pick<RemindExperiencesDeps, "experiences">,
  planId: PlanId,
  now: Instant,
): TE.TaskEither<AppError, Experience[]> =>
  pipe(
    allPages((page) => deps.experiences.listByPlan(planId, page)),
    TE.map((experiences) => experiences.filter((e) => isDueForReminder(e, now))),
  );

/**
 * Reminds every active booking of the plan's experiences starting within the coming day. The
 * dedupe key is the booking's, so an hourly run (or a rerun after a crash) reminds each once.
 */
export const remindExperiences =
  (deps: RemindExperiencesDeps) =>
  (planId: PlanId): TE.TaskEither<AppError, { experiences: number; reminded: number }> => {
    const now = deps.clock.now();
    return pipe(
      dueExperiences(deps, planId, now),
      TE.chain((experiences) =>
        eachInOrder(experiences, (experience) =>
          pipe(
            allPages((page) => deps.experiences.listBookings(experience.id, page)),
            TE.map((bookings) =>
              bookings
                .filter((b) => b.status === "active")
                .map((booking) =>
                  experienceReminderMessage({
                    id: deps.ids.deterministic("msg", "experience-reminder", booking.id),
                    experience,
                    booking,
                    at: now,
                  }),
                ),
            ),
            TE.chain((messages) =>
              messages.length === 0
                ? TE.right(0)
                : pipe(
                    deps.outbox.enqueue(messages),
                    TE.map((result) => result.enqueued),
                  ),
            ),
          ),
        ),
      ),
      TE.map((counts) => ({
        experiences: counts.length,
        reminded: counts.reduce((sum, n) => sum + n, 0),
      })),
    );
  };
