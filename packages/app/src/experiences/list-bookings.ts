import type { BookingId, ExperienceBooking, ExperienceId, Instant, OwnerId } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireProducerOrAdmin } from "../access.ts";
import type { Actor } from "../actor.ts";
import { allPages } from "../all-pages.ts";
import type { AppError } from "../errors.ts";
import { loadPlan } from "../loading.ts";
import { DEFAULT_PAGE_LIMIT, type Page, type PageRequest } from "../pagination.ts";
import type { ExperienceStore } from "../ports/experience-store.ts";
import type { OwnerProfileRepository } from "../ports/owner-profile-repository.ts";
import type { PlanRepository } from "../ports/plan-repository.ts";
import type { CsvFile } from "../shipping/shipments-csv.ts";
import { loadExperience } from "./book-experience.ts";
import { bookingsCsvBody } from "./bookings-csv-format.ts";

export interface ListBookingsDeps {
  readonly plans: PlanRepository;
  readonly experiences: ExperienceStore;
  readonly profiles: OwnerProfileRepository;
}

/** A booking as its producer sees it: who (their display name, when they set one), how many. */
export interface BookingRow {
  readonly bookingId: BookingId;
  readonly ownerId: OwnerId;
  readonly displayName: string | null;
  readonly seats: number;
  readonly status: ExperienceBooking["status"];
  readonly bookedAt: Instant;
  /** What the seats cost (paid experiences only). */
  readonly amountYen?: number;
}

/** The experience, once its plan's producer (or an admin) is the one asking. */
const forProducer = (deps: ListBookingsDeps, actor: Actor, experienceId: string) =>
  pipe(
    loadExperience(deps.experiences, experienceId as ExperienceId),
    TE.chainFirst((experience) =>
      pipe(
        loadPlan(deps.plans, experience.planId),
        TE.chain((plan) => requireProducerOrAdmin(actor, plan)),
      ),
    ),
  );

/** The bookings with their owners' display names (one batch read of the profiles). */
const named =
  (deps: ListBookingsDeps) =>
  (bookings: readonly ExperienceBooking[]): TE.TaskEither<AppError, BookingRow[]> =>
    pipe(
      deps.profiles.getMany([...new Set(bookings.map((b) => b.ownerId))]),
      TE.map((profiles) =>
        bookings.map((b) => ({
          bookingId: b.id,
          ownerId: b.ownerId,
          displayName: profiles.get(b.ownerId)?.displayName ?? null,
          seats: b.seats,
          status: b.status,
          bookedAt: b.bookedAt,
          ...(b.amountYen === undefined ? {} : { amountYen: b.amountYen }),
        })),
      ),
    );

/**
 * GET /experiences/{id}/bookings: an experience's bookings (active and cancelled), for its plan's
 * producer and admins, page by page.
 */
export const listExperienceBookings =
  (deps: ListBookingsDeps) =>
  (
    actor: Actor,
    input: { readonly experienceId: string; readonly page?: PageRequest },
  ): TE.TaskEither<AppError, Page<BookingRow>> =>
    pipe(
      forProducer(deps, actor, input.experienceId),
      TE.chain((experience) =>
        deps.experiences.listBookings(experience.id, input.page ?? { limit: DEFAULT_PAGE_LIMIT }),
      ),
      TE.chain((page) =>
        pipe(
          named(deps)(page.items),
          TE.map((items) => ({ ...page, items })),
        ),
      ),
    );

/** The same bookings, every one, as a file the producer opens in a spreadsheet (formula-safe). */
export const experienceBookingsCsv =
  (deps: ListBookingsDeps) =>
  (actor: Actor, input: { readonly experienceId: string }): TE.TaskEither<AppError, CsvFile> =>
    pipe(
      forProducer(deps, actor, input.experienceId),
      TE.chain((experience) =>
        pipe(
          allPages((page) => deps.experiences.listBookings(experience.id, page)),
          TE.chain(named(deps)),
          TE.map((rows) => ({
            filename: `bookings-${experience.id}.csv`,
            contentType: "text/csv; charset=utf-8" as const,
            body: bookingsCsvBody(rows),
            rows: rows.length,
          })),
        ),
      ),
    );
