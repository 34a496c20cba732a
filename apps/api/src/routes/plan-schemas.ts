import type { CreatePlanTerms } from "@owners/app";
import type { RawPlanTerms } from "@owners/domain";
import * as z from "zod/mini";
import { Count, Id, Instant, Int, LocalDate, named, Text, withDoc, Yen } from "../http/schemas.ts";

const PriceTier = named(
  "PriceTier",
  z.discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("earlyBird"), until: Instant, priceYen: Yen }),
    z.strictObject({ kind: z.literal("firstShares"), count: Count(), priceYen: Yen }),
  ]),
);

const Surcharges = withDoc(z.record(Text(1, 40), Yen), { example: { kanto: 800, kinki: 600 } });

const PhotoKeys = z.array(Text(1, 256)).check(z.maxLength(20));

/** The fields a producer sets, named for clients (description is the story, priceYen the base price). */
const planFields = {
  title: withDoc(Text(1, 100), { example: "樹上完熟いちじく 一口オーナー" }),
  description: Text(1, 5000),
  category: withDoc(Text(1, 40), { example: "fruit" }),
  region: withDoc(Text(1, 40), {
    example: "kinki",
    description:
      "Where the produce comes from (for browsing), free text: the regions the plan ships to are the keys of shippingSurchargeYen",
  }),
  unitLabel: withDoc(Text(1, 20), { example: "pack" }),
  unitsPerShare: Count(),
  totalShares: Count(),
  maxSharesPerOwner: Count(),
  priceYen: withDoc(Yen, { example: 6800 }),
  salesOpenAt: Instant,
  salesCloseAt: Instant,
  deliveryFrom: LocalDate,
  deliveryTo: LocalDate,
  riskTerms: z.enum(["refund", "credit", "shared"]),
  shipCapacityPerDay: Count(),
};

const optionalPlanFields = {
  tiers: z.optional(z.array(PriceTier).check(z.maxLength(10))),
  /** Per region; by default every region of Japan's transit table at the flat surcharge. */
  shippingSurchargeYen: z.optional(Surcharges),
  /** Owners may cancel until then; the sales close by default. */
  cancellationDeadline: z.optional(Instant),
  surplusBonusCapUnits: z.optional(z.int().check(z.gte(0), z.lte(1_000_000_000))),
  returningOwnersOpenAt: z.optional(Instant),
  /** Keys of photos this producer uploaded (POST /uploads); each is verified before it is used. */
  photoKeys: z.optional(PhotoKeys),
  paymentHoldMinutes: z.optional(
    withDoc(z.int(), {
      description:
        "Minutes a reservation's shares are held while its payment is pending (30 by default; 30 to 10080, longer for konbini)",
      example: 30,
    }),
  ),
  experienceSeatsPerOwner: z.optional(
    withDoc(z.int(), {
      description:
        "Seats one owner may book on each of the plan's experiences (4 by default; 1 to 10000)",
      example: 4,
    }),
  ),
};

export const CreatePlanBody = named(
  "CreatePlanRequest",
  z.strictObject({
    ...planFields,
    ...optionalPlanFields,
    /** Admins only: the approved producer the plan is created for (404 otherwise). */
    producerId: z.optional(Id),
  }),
);

export const EditPlanBody = named(
  "EditPlanRequest",
  z.strictObject({
    ...Object.fromEntries(Object.entries(planFields).map(([k, v]) => [k, z.optional(v)])),
    ...optionalPlanFields,
  } as {
    [K in keyof typeof planFields]: z.ZodMiniOptional<(typeof planFields)[K]>;
  } & typeof optionalPlanFields),
);

export type CreatePlanBody = z.infer<typeof CreatePlanBody>;
export type EditPlanBody = z.infer<typeof EditPlanBody>;

/**
 * The use case's terms from a create request, with the request's own defaults filled in (no
 * surcharges named: the use case ships everywhere at its flat price).
 */
export const termsFromCreate = (body: CreatePlanBody): CreatePlanTerms => ({
  title: body.title,
  story: body.description,
  category: body.category,
  region: body.region,
  unitLabel: body.unitLabel,
  unitsPerShare: body.unitsPerShare,
  totalShares: body.totalShares,
  maxSharesPerOwner: body.maxSharesPerOwner,
  salesWindow: {
    opensAt: body.salesOpenAt,
    closesAt: body.salesCloseAt,
    ...(body.returningOwnersOpenAt !== undefined
      ? { returningOwnersOpenAt: body.returningOwnersOpenAt }
      : {}),
  },
  deliveryWindow: { from: body.deliveryFrom, to: body.deliveryTo },
  pricing: {
    basePriceYen: body.priceYen,
    tiers: body.tiers ?? [],
    shippingSurchargeYen: body.shippingSurchargeYen,
  },
  riskTerms: body.riskTerms,
  cancellationDeadline: body.cancellationDeadline ?? body.salesCloseAt,
  shipCapacityPerDay: body.shipCapacityPerDay,
  surplusBonusCapUnits: body.surplusBonusCapUnits ?? 0,
  photoKeys: body.photoKeys ?? [],
  paymentHoldMinutes: body.paymentHoldMinutes,
  experienceSeatsPerOwner: body.experienceSeatsPerOwner,
});

/**
 * The domain's patch from an edit request. Grouped terms (sales window, delivery window, pricing)
 * are replaced whole by the domain, so the fields not sent are taken from the current plan.
 */
export const patchFromEdit = (plan: RawPlanTerms, body: EditPlanBody): Partial<RawPlanTerms> => {
  const sent = <K extends keyof EditPlanBody>(key: K) => body[key] !== undefined;
  const salesWindowEdited =
    sent("salesOpenAt") || sent("salesCloseAt") || sent("returningOwnersOpenAt");
  const returning = body.returningOwnersOpenAt ?? plan.salesWindow.returningOwnersOpenAt;
  return {
    ...(body.title !== undefined ? { title: body.title } : {}),
    ...(body.description !== undefined ? { story: body.description } : {}),
    ...(body.category !== undefined ? { category: body.category } : {}),
    ...(body.region !== undefined ? { region: body.region } : {}),
    ...(body.unitLabel !== undefined ? { unitLabel: body.unitLabel } : {}),
    ...(body.unitsPerShare !== undefined ? { unitsPerShare: body.unitsPerShare } : {}),
    ...(body.totalShares !== undefined ? { totalShares: body.totalShares } : {}),
    ...(body.maxSharesPerOwner !== undefined ? { maxSharesPerOwner: body.maxSharesPerOwner } : {}),
    ...(salesWindowEdited
      ? {
          salesWindow: {
            opensAt: body.salesOpenAt ?? plan.salesWindow.opensAt,
            closesAt: body.salesCloseAt ?? plan.salesWindow.closesAt,
            ...(returning !== undefined ? { returningOwnersOpenAt: returning } : {}),
          },
        }
      : {}),
    ...(sent("deliveryFrom") || sent("deliveryTo")
      ? {
          deliveryWindow: {
            from: body.deliveryFrom ?? plan.deliveryWindow.from,
            to: body.deliveryTo ?? plan.deliveryWindow.to,
          },
        }
      : {}),
    ...(sent("priceYen") || sent("tiers") || sent("shippingSurchargeYen")
      ? {
          pricing: {
            basePriceYen: body.priceYen ?? plan.pricing.basePriceYen,
            tiers: body.tiers ?? plan.pricing.tiers,
            shippingSurchargeYen: body.shippingSurchargeYen ?? plan.pricing.shippingSurchargeYen,
          },
        }
      : {}),
    ...(body.riskTerms !== undefined ? { riskTerms: body.riskTerms } : {}),
    ...(body.cancellationDeadline !== undefined
      ? { cancellationDeadline: body.cancellationDeadline }
      : {}),
    ...(body.shipCapacityPerDay !== undefined
      ? { shipCapacityPerDay: body.shipCapacityPerDay }
      : {}),
    ...(body.surplusBonusCapUnits !== undefined
      ? { surplusBonusCapUnits: body.surplusBonusCapUnits }
      : {}),
    ...(body.photoKeys !== undefined ? { photoKeys: body.photoKeys } : {}),
    ...(body.paymentHoldMinutes !== undefined
      ? { paymentHoldMinutes: body.paymentHoldMinutes }
      : {}),
    ...(body.experienceSeatsPerOwner !== undefined
      ? { experienceSeatsPerOwner: body.experienceSeatsPerOwner }
      : {}),
  };
};

/** Who grows a plan, as a plan and a follow show it. */
export const ProducerCardSchema = named(
  "ProducerCard",
  z.object({ id: z.string(), displayName: z.string(), prefecture: z.string() }),
);
export const PlanJsonSchema = named(
  "Plan",
  z.object({
    id: z.string(),
    producerId: z.string(),
    status: z.enum(["draft", "open", "closed", "allocated", "shipped", "completed", "cancelled"]),
    title: z.string(),
    description: z.string(),
    category: z.string(),
    region: z.string(),
    unitLabel: z.string(),
    unitsPerShare: Int,
    totalShares: Int,
    maxSharesPerOwner: Int,
    priceYen: Int,
    tiers: z.array(PriceTier),
    shippingSurchargeYen: Surcharges,
    salesOpenAt: z.string(),
    salesCloseAt: z.string(),
    returningOwnersOpenAt: z.optional(z.string()),
    deliveryFrom: z.string(),
    deliveryTo: z.string(),
    riskTerms: z.enum(["refund", "credit", "shared"]),
    cancellationDeadline: z.string(),
    shipCapacityPerDay: Int,
    surplusBonusCapUnits: Int,
    paymentHoldMinutes: Int,
    experienceSeatsPerOwner: Int,
    photoKeys: z.array(z.string()),
    photoUrls: withDoc(z.array(z.string()), {
      description: "A short-lived download URL per photo key, same order",
    }),
    producer: withDoc(z.nullable(ProducerCardSchema), {
      description: "Who grows it (null until the producer has a profile)",
    }),
    coverPhotoUrl: withDoc(z.nullable(z.string()), {
      description: "The first photo's download URL: what plan cards lead with",
    }),
    platformFeeBps: Int,
    sharesSold: Int,
    sharesRemaining: Int,
    createdAt: z.string(),
    updatedAt: z.string(),
    version: Int,
    // Lane logistics: how the boxes travel (the defaults until the producer sets them).
    logistics: z.optional(
      z.object({
        shipFromPrefecture: z.string(),
        transitDays: z.record(z.string(), Int),
        temperature: z.enum(["ambient", "chilled", "frozen"]),
        surchargeYenPerBox: Int,
        slotsAllowed: z.boolean(),
      }),
    ),
  }),
);
