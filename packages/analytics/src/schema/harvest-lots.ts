import type { HarvestLot } from "@owners/domain";
import { type ExportSchema, fieldsOf } from "./define.ts";

const f = fieldsOf<HarvestLot>();

export const harvestLotExport: ExportSchema<HarvestLot> = {
  table: "harvest_lots",
  description: "Harvest lots the producers recorded.",
  key: ["id"],
  fields: {
    id: f.column("string", "Lot id."),
    planId: f.column("string", "Plan id."),
    quantity: f.column("int", "Units harvested in the lot."),
    grade: f.column("string", "standard|offspec (off-spec lots are a bonus)."),
    readyOn: f.column("date", "First day the lot can ship."),
    bestBefore: f.column("date", "Best-before day."),
    recordedAt: f.column("timestamp", "Recorded (lot order)."),
  },
};
