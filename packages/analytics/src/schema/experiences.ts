import type { Experience } from "@owners/domain";
import { type ExportSchema, fieldsOf } from "./define.ts";

const f = fieldsOf<Experience>();

export const experienceExport: ExportSchema<Experience> = {
  table: "experiences",
  description: "On-site events (farm visits) of a plan.",
  key: ["id"],
  fields: {
    id: f.column("string", "Experience id."),
    planId: f.column("string", "Plan id."),
    producerId: f.column("string", "Producer id."),
    title: f.column("string", "Title as published."),
    startsAt: f.column("timestamp", "Start."),
    capacity: f.column("int", "Seats."),
    seatsBooked: f.column("int", "Seats booked."),
    location: f.column("string", "Meeting point (null: none given)."),
    priceYenPerSeat: f.column("bigint", "Price of one seat, yen (null: free)."),
    createdAt: f.column("timestamp", "Created."),
    updatedAt: f.column("timestamp", "Last change."),
    version: f.column("int", "Optimistic-locking version."),
  },
};
