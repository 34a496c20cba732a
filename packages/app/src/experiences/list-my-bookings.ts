import type { Experience, ExperienceBooking } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireOwner } from "../access.ts";
import type { Actor } from "../actor.ts";
import type { AppError } from "../errors.ts";
import { DEFAULT_PAGE_LIMIT, type Page, type PageRequest } from "../pagination.ts";
import type { ExperienceStore } from "../ports/experience-store.ts";

export interface MyBooking {
  readonly booking: ExperienceBooking;
  /** Its experience: title, start, plan. */
  readonly experience: Experience;
}

/**
 * The signed-in owner's experience bookings (active and cancelled), newest first, each with its
 * experience: one page of bookings, then one batch read of their experiences (not one per row).
 */
export const listMyBookings =
  (deps: { readonly experiences: ExperienceStore }) =>
  (
    actor: Actor,
    input: { readonly page?: PageRequest } = {},
  ): TE.TaskEither<AppError, Page<MyBooking>> =>
    pipe(
      requireOwner(actor),
      TE.chain((owner) =>
        deps.experiences.listBookingsByOwner(owner, input.page ?? { limit: DEFAULT_PAGE_LIMIT }),
      ),
      TE.chain((page) =>
        pipe(
          page.items.length === 0
            ? TE.right<AppError, readonly Experience[]>([])
            : deps.experiences.getMany(page.items.map((b) => b.experienceId)),
          TE.map((experiences) => {
            const byId = new Map(experiences.map((e) => [e.id, e]));
            return {
              ...page,
              // Experiences are never deleted and hold their bookings (same partition): a booking
              // without one cannot happen, and is left out rather than shown without a title.
              items: page.items.flatMap((booking) => {
                const experience = byId.get(booking.experienceId);
                return experience === undefined ? [] : [{ booking, experience }];
              }),
            };
          }),
        ),
      ),
    );
