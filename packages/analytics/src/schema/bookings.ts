import type { ExperienceBooking } from "@owners/domain";
import { type ExportSchema, fieldsOf } from "./define.ts";

const f = fieldsOf<ExperienceBooking>();

export const bookingExport: ExportSchema<ExperienceBooking> = {
  table: "bookings",
  description: "Seats owners booked on experiences.",
  key: ["id"],
  fields: {
    id: f.column("string", "Booking id."),
    experienceId: f.column("string", "Experience id."),
    ownerId: f.pseudonymized("PII: owner's account id, keyed hash (HMAC-SHA256)."),
    seats: f.column("int", "Seats booked."),
    bookedAt: f.column("timestamp", "Booked."),
    status: f.column("string", "active|cancelled."),
    cancelledAt: f.column("timestamp", "Cancelled (null: not cancelled)."),
    version: f.column("int", "Optimistic-locking version."),
  },
};
