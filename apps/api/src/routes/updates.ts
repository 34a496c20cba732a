import type { PlanId, SeasonReport, UpdateId } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import * as z from "zod/mini";
import type { UseCases } from "../composition/use-cases.ts";
import type { ApiEnv } from "../http/env.ts";
import { pageWithPhotoUrls, withPhotoUrls } from "../http/photo-urls.ts";
import { respond } from "../http/respond.ts";
import {
  BEARER,
  IdParam,
  Int,
  jsonResponse,
  NoQuery,
  named,
  OptionalIdempotencyHeader,
  PageOf,
  PageQuery,
  pageOf,
  problems,
  Text,
  withDoc,
} from "../http/schemas.ts";
import { requireActor } from "../http/signed-in.ts";
import { validate } from "../http/validation.ts";
import { pageWithAuthorNames, withAuthorNames } from "../views/names.ts";

const Update = named(
  "PlanUpdate",
  z.object({
    id: z.string(),
    planId: z.string(),
    producerId: z.string(),
    body: z.string(),
    photoKeys: z.array(z.string()),
    photoUrls: withDoc(z.array(z.string()), {
      description: "A short-lived download URL per photo key, same order",
    }),
    visibility: z.enum(["public", "owners"]),
    postedAt: z.string(),
  }),
);

export const Comment = named(
  "Comment",
  z.object({
    id: z.string(),
    updateId: z.string(),
    authorId: z.string(),
    authorName: withDoc(z.nullable(z.string()), {
      description: "The author's display name (null if it set none): what readers are shown",
    }),
    body: z.string(),
    postedAt: z.string(),
    hidden: z.optional(
      withDoc(z.object({ reason: z.string(), by: z.string(), at: z.string() }), {
        description: "Set when an admin hid it; hidden comments are listed for admins only",
      }),
    ),
  }),
);

const UpdateBody = z.strictObject({
  body: Text(1, 20_000),
  visibility: z.enum(["public", "owners"]),
  photoKeys: z.optional(z.array(Text(1, 256)).check(z.maxLength(10))),
});

const SeasonReportSchema = named(
  "SeasonReport",
  z.object({
    planId: z.string(),
    producerId: z.string(),
    harvestedUnits: Int,
    lotCount: Int,
    unitLabel: z.string(),
    note: z.string(),
    photoKeys: z.array(z.string()),
    photoUrls: withDoc(z.array(z.string()), {
      description: "A short-lived download URL per photo key, same order",
    }),
    publishedAt: z.string(),
    updatedAt: z.string(),
    version: Int,
  }),
);

type SeasonReportWithUrls = SeasonReport & { readonly photoUrls: readonly string[] };

const SeasonReportView = named(
  "SeasonReportView",
  z.object({
    report: z.nullable(SeasonReportSchema),
    draft: z.optional(
      withDoc(
        z.object({
          harvestedUnits: Int,
          lotCount: Int,
          unitLabel: z.string(),
          note: z.string(),
          photoKeys: z.array(z.string()),
          canPublish: z.boolean(),
          planStatus: z.string(),
        }),
        {
          description:
            "For the plan's producer and admins: the form's values (the report's, else the recorded lots' totals)",
        },
      ),
    ),
  }),
);

const SeasonReportBody = z.strictObject({
  harvestedUnits: z.int().check(z.gte(0), z.lte(1_000_000_000)),
  lotCount: z.int().check(z.gte(0), z.lte(100_000)),
  note: z.string().check(z.maxLength(20_000)),
  photoKeys: z.optional(z.array(Text(1, 256)).check(z.maxLength(6))),
});

/** A plan's news and the comments on it. */
const UnsubscribeQuery = z.strictObject({
  token: withDoc(Text(1, 1000), { description: "The signed token of the mail's unsubscribe link" }),
});

const Unsubscribed = named(
  "Unsubscribed",
  z.object({ category: z.enum(["season", "news", "experiences"]) }),
);

export const updateRoutes = ({
  communication,
  photoUploads,
  people,
}: Pick<UseCases, "communication" | "photoUploads" | "people">) => {
  const withNames = withAuthorNames(people);
  const pageWithNames = pageWithAuthorNames(people);
  return new Hono<ApiEnv>()
    .post(
      "/plans/:id/updates",
      describeRoute({
        tags: ["updates"],
        summary:
          "Its producer posts news, public or owners-only, with verified photos; owners are notified",
        security: BEARER,
        responses: {
          201: jsonResponse("The update", Update),
          ...problems(400, 401, 403, 404, 409),
        },
      }),
      requireActor,
      validate("param", IdParam),
      validate("header", OptionalIdempotencyHeader),
      validate("json", UpdateBody),
      (c) => {
        const { body, visibility, photoKeys = [] } = c.req.valid("json");
        const key = c.req.valid("header")["idempotency-key"];
        return respond(
          c,
          pipe(
            communication.postUpdate(c.var.actor, {
              planId: c.req.valid("param").id as PlanId,
              body,
              visibility,
              photoKeys,
              ...(key !== undefined ? { idempotencyKey: key } : {}),
            }),
            TE.chain(withPhotoUrls(photoUploads)),
          ),
          201,
        );
      },
    )
    .get(
      "/plans/:id/updates",
      describeRoute({
        tags: ["updates"],
        summary: "A plan's updates, newest first (owners-only news for its owners and producer)",
        responses: {
          200: jsonResponse("A page of updates", PageOf(Update, "UpdatePage")),
          ...problems(400, 404),
        },
      }),
      validate("param", IdParam),
      validate("query", PageQuery),
      (c) =>
        respond(
          c,
          pipe(
            communication.listUpdates(c.get("actor"), {
              planId: c.req.valid("param").id as PlanId,
              page: pageOf(c.req.valid("query")),
            }),
            TE.chain(pageWithPhotoUrls(photoUploads)),
          ),
        ),
    )
    .post(
      "/updates/:id/comments",
      describeRoute({
        tags: ["updates"],
        summary: "An owner of the plan (or its producer) comments on an update it can see",
        security: BEARER,
        responses: { 201: jsonResponse("The comment", Comment), ...problems(400, 401, 403, 404) },
      }),
      requireActor,
      validate("param", IdParam),
      validate("json", z.strictObject({ body: Text(1, 20_000) })),
      (c) =>
        respond(
          c,
          pipe(
            communication.addComment(c.var.actor, {
              updateId: c.req.valid("param").id as UpdateId,
              body: c.req.valid("json").body,
            }),
            TE.chain((comment) => withNames([comment])),
            TE.map(([comment]) => comment),
          ),
          201,
        ),
    )
    .get(
      "/updates/:id/comments",
      describeRoute({
        tags: ["updates"],
        summary: "An update's comments, oldest first",
        responses: {
          200: jsonResponse("A page of comments", PageOf(Comment, "CommentPage")),
          ...problems(400, 404),
        },
      }),
      validate("param", IdParam),
      validate("query", PageQuery),
      (c) =>
        respond(
          c,
          pipe(
            communication.listComments(c.get("actor"), {
              updateId: c.req.valid("param").id as UpdateId,
              page: pageOf(c.req.valid("query")),
            }),
            TE.chain(pageWithNames),
          ),
        ),
    )
    .put(
      "/plans/:id/season-report",
      describeRoute({
        tags: ["updates"],
        summary:
          "Its producer (or an admin) publishes the season report of a completed plan, or edits it; owners are told once",
        security: BEARER,
        responses: {
          200: jsonResponse("The report as stored", SeasonReportSchema),
          ...problems(400, 401, 403, 404, 409),
        },
      }),
      requireActor,
      validate("param", IdParam),
      validate("json", SeasonReportBody),
      (c) => {
        const { photoKeys = [], ...fields } = c.req.valid("json");
        return respond(
          c,
          pipe(
            communication.postSeasonReport(c.var.actor, {
              planId: c.req.valid("param").id as PlanId,
              ...fields,
              photoKeys,
            }),
            TE.chain(withPhotoUrls(photoUploads)),
          ),
        );
      },
    )
    .get(
      "/plans/:id/season-report",
      describeRoute({
        tags: ["updates"],
        summary:
          "A plan's season report (null until published); its producer also gets the form's values",
        responses: {
          200: jsonResponse("The report, or null", SeasonReportView),
          ...problems(400, 404),
        },
      }),
      validate("param", IdParam),
      validate("query", NoQuery),
      (c) =>
        respond(
          c,
          pipe(
            communication.getSeasonReport(c.get("actor"), c.req.valid("param").id as PlanId),
            TE.chain(({ report, ...view }) =>
              report === null
                ? TE.right({ ...view, report: null as SeasonReportWithUrls | null })
                : pipe(
                    withPhotoUrls(photoUploads)(report),
                    TE.map((withUrls): { report: SeasonReportWithUrls | null } => ({
                      ...view,
                      report: withUrls,
                    })),
                  ),
            ),
          ),
        ),
    )
    .post(
      "/unsubscribe",
      describeRoute({
        tags: ["owners"],
        summary:
          "One-click unsubscribe from a mail link (RFC 8058): turns the token's category off, no sign-in",
        responses: {
          200: jsonResponse("The category now turned off", Unsubscribed),
          ...problems(400),
        },
      }),
      // The body (`List-Unsubscribe=One-Click`, form-encoded) carries nothing we need: the token does.
      validate("query", UnsubscribeQuery),
      (c) => respond(c, communication.unsubscribe(c.req.valid("query").token), 200),
    );
};
