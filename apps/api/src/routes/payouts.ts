import type { ProducerPayoutAccount } from "@owners/app";
import * as O from "fp-ts/lib/Option.js";
import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import * as z from "zod/mini";
import type { UseCases } from "../composition/use-cases.ts";
import type { ApiEnv } from "../http/env.ts";
import { respond } from "../http/respond.ts";
import { BEARER, jsonResponse, NoQuery, named, problems } from "../http/schemas.ts";
import { requireActor } from "../http/signed-in.ts";
import { validate } from "../http/validation.ts";

/** No parameters: an unknown one is a 400, not silently ignored. */

const PayoutAccountSchema = named(
  "PayoutAccount",
  z.object({
    accountId: z.nullable(z.string()),
    chargesEnabled: z.boolean(),
    payoutsEnabled: z.boolean(),
    detailsSubmitted: z.boolean(),
  }),
);

const LinkSchema = named("OneTimeLink", z.object({ url: z.string() }));

interface PayoutAccountJson {
  readonly accountId: string | null;
  readonly chargesEnabled: boolean;
  readonly payoutsEnabled: boolean;
  readonly detailsSubmitted: boolean;
}

const accountJson = (account: O.Option<ProducerPayoutAccount>): PayoutAccountJson =>
  O.match(
    (): PayoutAccountJson => ({
      accountId: null,
      chargesEnabled: false,
      payoutsEnabled: false,
      detailsSubmitted: false,
    }),
    (a: ProducerPayoutAccount): PayoutAccountJson => ({
      accountId: a.accountId,
      chargesEnabled: a.chargesEnabled,
      payoutsEnabled: a.payoutsEnabled,
      detailsSubmitted: a.detailsSubmitted,
    }),
  )(account);

/** The producer dashboard of the site, as the browser that called sees it. */
export const PRODUCER_DASHBOARD_PATH = "/producer";

/**
 * The site's origin: the browser's Origin header (sent with every POST fetch, the site calling the
 * API on its own origin), or this request's own origin for a client that sends none.
 */
export const siteOrigin = (originHeader: string | undefined, requestUrl: string): string => {
  if (originHeader !== undefined && URL.canParse(originHeader)) {
    const url = new URL(originHeader);
    if (url.protocol === "https:" || url.protocol === "http:") return url.origin;
  }
  return new URL(requestUrl).origin;
};

/** The signed-in producer's payout account at the processor (Stripe Connect Express). */
export const payoutRoutes = ({ payouts }: Pick<UseCases, "payouts">) =>
  new Hono<ApiEnv>()
    .get(
      "/producers/me/payout-account",
      describeRoute({
        tags: ["producers"],
        summary:
          "The signed-in producer's payout account: null before onboarding; plans publish once chargesEnabled",
        security: BEARER,
        responses: {
          200: jsonResponse("The account's status", PayoutAccountSchema),
          ...problems(400, 401, 403, 503),
        },
      }),
      requireActor,
      validate("query", NoQuery),
      (c) => respond(c, payouts.getMyPayoutAccount(c.var.actor), 200, accountJson),
    )
    .post(
      "/producers/me/payout-account/onboarding",
      describeRoute({
        tags: ["producers"],
        summary:
          "A one-time onboarding link (the account is created the first time); it returns to the producer dashboard",
        security: BEARER,
        responses: {
          200: jsonResponse("Where to send the producer", LinkSchema),
          ...problems(400, 401, 403, 409, 503),
        },
      }),
      requireActor,
      validate("query", NoQuery),
      (c) => {
        const dashboard = `${siteOrigin(c.req.header("origin"), c.req.url)}${PRODUCER_DASHBOARD_PATH}`;
        return respond(
          c,
          payouts.startPayoutOnboarding(c.var.actor, {
            returnUrl: `${dashboard}?payouts=return`,
            refreshUrl: `${dashboard}?payouts=refresh`,
          }),
          200,
          (url) => ({ url }),
        );
      },
    )
    .post(
      "/producers/me/payout-account/dashboard",
      describeRoute({
        tags: ["producers"],
        summary: "A one-time login link to the producer's payout dashboard (409 before onboarding)",
        security: BEARER,
        responses: {
          200: jsonResponse("Where to send the producer", LinkSchema),
          ...problems(400, 401, 403, 409, 503),
        },
      }),
      requireActor,
      validate("query", NoQuery),
      (c) => respond(c, payouts.payoutDashboardLink(c.var.actor), 200, (url) => ({ url })),
    );
