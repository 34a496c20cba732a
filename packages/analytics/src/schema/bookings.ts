import { bookingRefunded, type ExperienceBooking } from "@owners/domain";
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
    status: f.column("string", "pending_payment|active|cancelled."),
    amountYen: f.column("bigint", "What the seats cost, yen (null: a free experience)."),
    holdExpiresAt: f.column("timestamp", "End of the unpaid hold on the seats (null: free)."),
    payment: f.columns(
      {
        name: "payment_status",
        type: "string",
        comment: "pending|succeeded (null: nothing to pay).",
        value: (b) => b.payment?.status,
      },
      {
        name: "payment_refunded",
        type: "boolean",
        comment: "Whether the payment went back (a paid booking cancelled); null: free.",
        value: (b) => (b.payment === undefined ? undefined : bookingRefunded(b.payment)),
      },
    ),
    cancelledAt: f.column("timestamp", "Cancelled (null: not cancelled)."),
    version: f.column("int", "Optimistic-locking version."),
  },
};
