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
import type { UseCaseFactory } from "./factory.ts";

export const makeExperienceUseCases = (ports: Ports) => ({
  createExperience: createExperience(ports),
  editExperience: editExperience(ports),
  listExperiences: listExperiences(ports),
  bookExperience: bookExperience(ports),
  cancelBooking: cancelBooking(ports),
  listExperienceBookings: listExperienceBookings(ports),
  experienceBookingsCsv: experienceBookingsCsv(ports),
  listMyBookings: listMyBookings(ports),
});

export const experiencesUseCases: UseCaseFactory<"experiences"> = (ports) =>
  makeExperienceUseCases(ports);
