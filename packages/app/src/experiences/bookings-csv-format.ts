import { csvField } from "../shipping/label-csv-format.ts";
import type { BookingRow } from "./list-bookings.ts";

export const BOOKING_CSV_COLUMNS = [
  "booking_id",
  "owner_id",
  "display_name",
  "seats",
  "status",
  "booked_at",
] as const;

/**
 * One row per booking, in the store's order. Fields go through csvField (a display name is the
 * owner's own text: one starting like a formula is defused); CRLF and a BOM, as the label file.
 */
export const bookingsCsvBody = (rows: readonly BookingRow[]): string => {
  const lines = rows.map((r) =>
    [r.bookingId, r.ownerId, r.displayName ?? "", r.seats, r.status, r.bookedAt]
      .map(csvField)
      .join(","),
  );
  return `\uFEFF${[BOOKING_CSV_COLUMNS.join(","), ...lines].join("\r\n")}\r\n`;
};
