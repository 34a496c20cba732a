import type { Instant, ProducerId } from "@owners/domain";
import { type ExportSchema, fieldsOf } from "./define.ts";

/**
 * No producer entity is stored (a producer is an account of the identity provider; its name lives
 * there): the export derives one row per producer from the plans it exports in a part file.
 */
export interface ProducerActivity {
  readonly producerId: ProducerId;
  /** Plans of this producer in the part file (changed plans, or all of them in a snapshot). */
  readonly planCount: number;
  readonly firstPlanCreatedAt: Instant;
  readonly lastPlanUpdatedAt: Instant;
}

const f = fieldsOf<ProducerActivity>();

export const producerExport: ExportSchema<ProducerActivity> = {
  table: "producers",
  description:
    "Producers, derived from the exported plans (producer names are not stored by the platform).",
  key: ["producer_id"],
  fields: {
    producerId: f.column("string", "Producer id (an opaque account id, not a name)."),
    planCount: f.column("int", "Plans of the producer in this export part."),
    firstPlanCreatedAt: f.column("timestamp", "Earliest creation among those plans."),
    lastPlanUpdatedAt: f.column("timestamp", "Latest change among those plans."),
  },
};
