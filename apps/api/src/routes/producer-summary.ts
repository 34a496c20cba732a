import * as z from "zod/mini";
import type { ApiApp } from "../app.ts";
import type { UseCases } from "../composition/use-cases.ts";
import { signedIn } from "../http/handle.ts";
import { addRoute, createRoute } from "../http/route.ts";
import { BEARER, Int, jsonResponse, LocalDate, named, problems, withDoc } from "../http/schemas.ts";

/** Yen that may be negative (a reversed fee), unlike prices. */
const SignedYen = z.int();

const money = {
  revenueYen: withDoc(SignedYen, { description: "Charged minus refunded" }),
  refundsYen: SignedYen,
  feesYen: withDoc(SignedYen, { description: "The platform's fee, net of reversals" }),
  payoutYen: withDoc(SignedYen, { description: "What the producer is paid, net of reversals" }),
  creditsYen: withDoc(SignedYen, { description: "Store credit owed to owners (no yen moved)" }),
};

const ProducerSummarySchema = named(
  "ProducerSummary",
  z.object({
    sharesSold: Int,
    owners: Int,
    repeatOwners: Int,
    repeatOwnerRate: z.number().check(z.gte(0), z.lte(1)),
    ...money,
    plans: z.array(
      z.object({
        planId: z.string(),
        title: z.string(),
        status: z.string(),
        sharesSold: Int,
        owners: Int,
        ...money,
      }),
    ),
    sharesSoldByDay: z.array(z.object({ day: LocalDate, shares: Int })),
  }),
);

const summaryRoute = createRoute({
  method: "get",
  path: "/producers/me/summary",
  tags: ["producers"],
  summary: "The signed-in producer's figures from live data: shares, money, owners, repeat owners",
  security: BEARER,
  // No parameters: an unknown one is a 400, not silently ignored.
  request: { query: z.strictObject({}) },
  responses: {
    200: jsonResponse("Totals, per plan, and shares sold per day (Japan)", ProducerSummarySchema),
    ...problems(400, 401, 403),
  },
});

export const registerProducerRoutes = (app: ApiApp, { plans }: UseCases): void => {
  addRoute(app, summaryRoute, (c) => signedIn(c, plans.producerSummary));
};
