import type { Instant } from "../shared/time.ts";
import type { SellerDisclosure } from "./seller-disclosure.ts";

/**
 * A producer's public profile (lane E owns its editing and page; an approved application
 * creates the first one). Photos are plan-photo keys; categories are plan categories.
 */
export interface ProducerProfile {
  readonly producerId: string;
  readonly displayName: string;
  readonly prefecture: string;
  readonly area?: string;
  readonly story: string;
  readonly photos: readonly string[];
  readonly products: readonly string[];
  readonly categories: readonly string[];
  readonly links: readonly { readonly label: string; readonly url: string }[];
  readonly disclosure: SellerDisclosure;
  readonly approvedAt: Instant;
  readonly updatedAt: Instant;
  readonly version: number;
}
