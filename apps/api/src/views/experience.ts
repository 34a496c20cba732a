import { experienceView } from "@owners/app";
import type { Experience, ExperienceBooking } from "@owners/domain";

/** A booking as answered: with the seats its experience has left after it. */
export const bookingJson = (result: {
  readonly experience: Experience;
  readonly booking: ExperienceBooking;
}) => ({ ...result.booking, seatsLeft: experienceView(result.experience).seatsLeft });
