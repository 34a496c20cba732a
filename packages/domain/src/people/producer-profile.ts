import type { ProducerId } from "../shared/ids.ts";
import type { Instant } from "../shared/time.ts";
import type { SellerDisclosure } from "./seller-disclosure.ts";

export interface ProducerLink {
  readonly label: string;
  readonly url: string;
}

/**
 * A producer's public face: created from its approved application, then edited by the producer.
 * Photos are upload keys as plan photos are; categories are the plan categories it grows for
 * (the producers list filters on them). Lane E owns this file (its editing rules live here).
 */
export interface ProducerProfile {
  readonly producerId: ProducerId;
  readonly displayName: string;
  readonly prefecture: string;
  readonly area?: string;
  readonly story: string;
  readonly photos: readonly string[];
  readonly products: readonly string[];
  readonly categories: readonly string[];
  readonly links: readonly ProducerLink[];
  readonly disclosure: SellerDisclosure;
  readonly approvedAt: Instant;
  readonly updatedAt: Instant;
  /** Optimistic locking: 1 on the first save, + 1 on every save. */
  readonly version: number;
}
