import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import * as z from "zod/mini";
import type { UseCases } from "../composition/use-cases.ts";
import type { ApiEnv } from "../http/env.ts";
import { respond } from "../http/respond.ts";
import { BEARER, IdParam, Int, jsonResponse, NoQuery, named, problems } from "../http/schemas.ts";
import { requireActor } from "../http/signed-in.ts";
import { validate } from "../http/validation.ts";

const PlanMoney = named(
  "PlanMoney",
  z.object({
    chargedYen: Int,
    refundedYen: Int,
    feesYen: Int,
    payoutYen: Int,
    creditIssuedYen: Int,
    creditSpentYen: Int,
    pendingYen: Int,
    refundsPendingYen: Int,
    refunds: z.object({ pending: Int, succeeded: Int, failed: Int }),
    sharesToRelease: z.optional(Int),
  }),
);

const RefundProgress = named(
  "RefundProgress",
  z.object({ owners: Int, refunded: Int, refundedYen: Int, pendingYen: Int }),
);

const MoneyTotals = z.object({ chargedYen: Int, refundedYen: Int, feesYen: Int, payoutYen: Int });

const Mismatches = named(
  "ReconciliationMismatches",
  z.object({
    mismatches: z.array(
      z.object({
        planId: z.string(),
        ledger: MoneyTotals,
        processor: MoneyTotals,
        detectedAt: z.string(),
        lastCheckedAt: z.string(),
      }),
    ),
  }),
);

/** A plan's money statement (its producer, admins) and the reconciliation findings (admins). */
export const moneyRoutes = ({ money }: Pick<UseCases, "money">) =>
  new Hono<ApiEnv>()
    .get(
      "/plans/:id/money",
      describeRoute({
        tags: ["money"],
        summary: "A plan's money statement from the ledger, for its producer and admins",
        description:
          "chargedYen − refundedYen = payoutYen + feesYen to the yen. pendingYen: what pending_payment ownerships hold and may still pay (outside the other figures). refundsPendingYen: refunds in refundedYen the processor has not confirmed yet. refunds: refund intents by state (a cancelled plan's refund progress, with sharesToRelease: shares the refund batch has not released yet).",
        security: BEARER,
        responses: {
          200: jsonResponse("The statement", PlanMoney),
          ...problems(400, 401, 403, 404),
        },
      }),
      requireActor,
      validate("param", IdParam),
      validate("query", NoQuery),
      (c) => respond(c, money.planMoney(c.var.actor, { planId: c.req.valid("param").id })),
    )
    .get(
      "/plans/:id/refund-progress",
      describeRoute({
        tags: ["money"],
        summary: "How far a cancelled plan's refunds have come, for its producer and admins",
        description:
          "owners: ownerships to refund (still active, or released by the refund-cancelled-plans batch); refunded: of those, refunds the processor confirmed; refundedYen: what they got back; pendingYen: what is still to go back. Before a plan is cancelled: what cancelling would refund (every active ownership, nothing refunded yet).",
        security: BEARER,
        responses: {
          200: jsonResponse("The refund progress", RefundProgress),
          ...problems(400, 401, 403, 404),
        },
      }),
      requireActor,
      validate("param", IdParam),
      validate("query", NoQuery),
      (c) => respond(c, money.refundProgress(c.var.actor, { planId: c.req.valid("param").id })),
    )
    .get(
      "/admin/reconciliation",
      describeRoute({
        tags: ["admin"],
        summary:
          "Plans whose ledger and payment processor disagree (the reconciliation batch's findings)",
        security: BEARER,
        responses: {
          200: jsonResponse("The mismatches, by plan", Mismatches),
          ...problems(401, 403),
        },
      }),
      requireActor,
      validate("query", NoQuery),
      (c) =>
        respond(
          c,
          pipe(
            money.reconciliationMismatches(c.var.actor),
            TE.map((mismatches) => ({ mismatches })),
          ),
        ),
    );
