/**
 * Compile-time proof that the export schemas follow the domain types (checked by `pnpm typecheck`,
 * not run): each `@ts-expect-error` below must stay an error, or tsc fails on the unused directive.
 */
import type { HarvestLot } from "@owners/domain";
import { type EntityPlan, fieldsOf } from "./define.ts";
import { harvestLotExport } from "./harvest-lots.ts";

const f = fieldsOf<HarvestLot>();
const { id: _id, ...withoutId } = harvestLotExport.fields;

// A domain field the schema says nothing about (as after adding a field to HarvestLot): refused.
// @ts-expect-error -- property 'id' is missing
export const missingField: EntityPlan<HarvestLot> = withoutId;

// A field the domain type does not have: refused.
export const unknownField: EntityPlan<HarvestLot> = {
  ...harvestLotExport.fields,
  // @ts-expect-error -- 'weather' does not exist in HarvestLot
  weather: f.column("string", "not a field"),
};

// A column type that does not fit the field's type (a number as a timestamp): refused.
export const wrongType: EntityPlan<HarvestLot> = {
  ...harvestLotExport.fields,
  // @ts-expect-error -- quantity is a number
  quantity: f.column("timestamp", "not a time"),
};
