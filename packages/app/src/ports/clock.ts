import type { Instant } from "@owners/domain";

export interface Clock {
  /** The current instant, in canonical ISO form. */
  now(): Instant;
}
