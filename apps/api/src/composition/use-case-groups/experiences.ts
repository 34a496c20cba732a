import {
  bookExperience,
  cancelBooking,
  createExperience,
  editExperience,
  experienceBookingsCsv,
  listExperienceBookings,
  listExperiences,
  listMyBookings,
  type Ports,
} from "@owners/app";
import type { UseCaseSettings } from "../use-cases.ts";
import type { UseCaseFactory } from "./factory.ts";

export const makeExperienceUseCases = (ports: Ports, settings: UseCaseSettings) => ({
  createExperience: createExperience(ports),
  editExperience: editExperience(ports),
  listExperiences: listExperiences(ports),
  // A paid experience's checkout sends the owner back to the site like a reservation's.
  bookExperience: bookExperience({ ...ports, config: settings.reservation }),
  cancelBooking: cancelBooking(ports),
  listExperienceBookings: listExperienceBookings(ports),
  experienceBookingsCsv: experienceBookingsCsv(ports),
  listMyBookings: listMyBookings(ports),
});

export const experiencesUseCases: UseCaseFactory<"experiences"> = (ports, settings) =>
  makeExperienceUseCases(ports, settings);
