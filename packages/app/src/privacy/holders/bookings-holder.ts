import type { OwnerId } from "@owners/domain";
import * as TE from "fp-ts/lib/TaskEither.js";
import { allPages } from "../../all-pages.ts";
import type { ExperienceStore } from "../../ports/experience-store.ts";
import type { PersonalDataHolder } from "../../ports/personal-data.ts";

/** Experience bookings: seats and dates under the owner's id, nothing else about the person. */
export const bookingsHolder = (experiences: ExperienceStore): PersonalDataHolder => ({
  category: "bookings",
  exportFor: (personId) =>
    allPages((page) => experiences.listBookingsByOwner(personId as OwnerId, page)),
  eraseFor: () => TE.right(undefined),
});
