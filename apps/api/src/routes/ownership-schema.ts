import * as z from "zod/mini";
import { Int, named } from "../http/schemas.ts";

/** An ownership as answered by reservations, waitlist acceptance and /me/ownerships. */
export const OwnershipSchema = named(
  "Ownership",
  z.object({
    id: z.string(),
    planId: z.string(),
    ownerId: z.string(),
    status: z.enum(["active", "cancelled"]),
    shares: Int,
    unitPriceYen: Int,
    lines: z.array(z.object({ shares: Int, unitPriceYen: Int, reason: z.string() })),
    sharesYen: Int,
    shippingRegion: z.string(),
    shippingYen: Int,
    totalYen: Int,
    reservedAt: z.string(),
    /** Store credit spent on it: the charge was totalYen less this. */
    creditAppliedYen: z.optional(Int),
    cancelledAt: z.optional(z.string()),
  }),
);
