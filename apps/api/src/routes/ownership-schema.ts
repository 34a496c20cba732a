import * as z from "zod/mini";
import { Int, named } from "../http/schemas.ts";

/** A chilled/frozen plan's クール便 line of a quote: yenPerBox x boxes, included in totalYen. */
export const TemperatureSurchargeSchema = named(
  "TemperatureSurcharge",
  z.object({
    temperature: z.enum(["ambient", "chilled", "frozen"]),
    boxes: Int,
    yenPerBox: Int,
    yen: Int,
  }),
);

/** An ownership as answered by reservations, waitlist acceptance and /me/ownerships. */
export const OwnershipSchema = named(
  "Ownership",
  z.object({
    id: z.string(),
    planId: z.string(),
    ownerId: z.string(),
    status: z.enum(["pending_payment", "active", "cancelled", "payment_failed"]),
    shares: Int,
    unitPriceYen: Int,
    lines: z.array(z.object({ shares: Int, unitPriceYen: Int, reason: z.string() })),
    sharesYen: Int,
    shippingRegion: z.string(),
    shippingYen: Int,
    temperatureSurcharge: z.optional(TemperatureSurchargeSchema),
    totalYen: Int,
    reservedAt: z.string(),
    /** Store credit spent on it: the charge was totalYen less this. */
    creditAppliedYen: z.optional(Int),
    cancelledAt: z.optional(z.string()),
    /** The checkout: pay on checkoutUrl before expiresAt (absent when nothing was to be paid). */
    payment: z.optional(
      named(
        "OwnershipPayment",
        z.object({
          id: z.string(),
          status: z.enum(["pending", "succeeded", "failed", "expired"]),
          checkoutUrl: z.optional(z.string()),
          expiresAt: z.string(),
        }),
      ),
    ),
    /** Set when the owner disputed the payment with the card issuer. */
    disputed: z.optional(z.boolean()),
  }),
);
