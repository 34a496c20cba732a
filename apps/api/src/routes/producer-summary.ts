import { createRoute, z } from "@hono/zod-openapi";
import type { ApiApp } from "../app.ts";
import type { UseCases } from "../composition/use-cases.ts";
import { signedIn } from "../http/handle.ts";
import { addRoute } from "../http/route.ts";
import { BEARER, jsonResponse, LocalDate, problems } from "../http/schemas.ts";

/** Yen that may be negative (a reversed fee), unlike prices. */
const SignedYen = z.number().int();

const money = {
  revenueYen: SignedYen.openapi({ description: "Charged minus refunded" }),
  refundsYen: SignedYen,
  feesYen: SignedYen.openapi({ description: "The platform's fee, net of reversals" }),
  payoutYen: SignedYen.openapi({ description: "What the producer is paid, net of reversals" }),
  creditsYen: SignedYen.openapi({ description: "Store credit owed to owners (no yen moved)" }),
};

const ProducerSummarySchema = z
  .object({
    sharesSold: z.number().int(),
    owners: z.number().int(),
    repeatOwners: z.number().int(),
    repeatOwnerRate: z.number().min(0).max(1),
    ...money,
    plans: z.array(
      z.object({
        planId: z.string(),
        title: z.string(),
        status: z.string(),
        sharesSold: z.number().int(),
        owners: z.number().int(),
        ...money,
      }),
    ),
    sharesSoldByDay: z.array(z.object({ day: LocalDate, shares: z.number().int() })),
  })
  .openapi("ProducerSummary");

const summaryRoute = createRoute({
  method: "get",
  path: "/producers/me/summary",
  tags: ["producers"],
  summary: "The signed-in producer's figures from live data: shares, money, owners, repeat owners",
  security: BEARER,
  // No parameters: an unknown one is a 400, not silently ignored.
  request: { query: z.object({}).strict() },
  responses: {
    200: jsonResponse("Totals, per plan, and shares sold per day (Japan)", ProducerSummarySchema),
    ...problems(400, 401, 403),
  },
});

export const registerProducerRoutes = (app: ApiApp, { plans }: UseCases): void => {
  addRoute(app, summaryRoute, (c) => signedIn(c, plans.producerSummary));
};
