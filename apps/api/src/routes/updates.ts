import type { PlanId, UpdateId } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import * as z from "zod/mini";
import type { ApiApp } from "../app.ts";
import type { UseCases } from "../composition/use-cases.ts";
import { signedIn } from "../http/handle.ts";
import { pageWithPhotoUrls, withPhotoUrls } from "../http/photo-urls.ts";
import { verifyPhotos } from "../http/photos.ts";
import { respond } from "../http/respond.ts";
import { addRoute, createRoute } from "../http/route.ts";
import {
  BEARER,
  IdParam,
  jsonBody,
  jsonResponse,
  named,
  OptionalIdempotencyHeader,
  PageOf,
  PageQuery,
  pageOf,
  problems,
  Text,
  withDoc,
} from "../http/schemas.ts";

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

const Comment = named(
  "Comment",
  z.object({
    id: z.string(),
    updateId: z.string(),
    authorId: z.string(),
    body: z.string(),
    postedAt: z.string(),
  }),
);

const postRoute = createRoute({
  method: "post",
  path: "/plans/{id}/updates",
  tags: ["updates"],
  summary:
    "Its producer posts news, public or owners-only, with verified photos; owners are notified",
  security: BEARER,
  request: {
    params: IdParam,
    headers: OptionalIdempotencyHeader,
    body: jsonBody(
      z.strictObject({
        body: Text(1, 20_000),
        visibility: z.enum(["public", "owners"]),
        photoKeys: z.optional(z.array(Text(1, 256)).check(z.maxLength(10))),
      }),
    ),
  },
  responses: { 201: jsonResponse("The update", Update), ...problems(400, 401, 403, 404, 409) },
});

const listRoute = createRoute({
  method: "get",
  path: "/plans/{id}/updates",
  tags: ["updates"],
  summary: "A plan's updates, newest first (owners-only news for its owners and producer)",
  request: { params: IdParam, query: PageQuery },
  responses: {
    200: jsonResponse("A page of updates", PageOf(Update, "UpdatePage")),
    ...problems(400, 404),
  },
});

const commentRoute = createRoute({
  method: "post",
  path: "/updates/{id}/comments",
  tags: ["updates"],
  summary: "An owner of the plan (or its producer) comments on an update it can see",
  security: BEARER,
  request: {
    params: IdParam,
    body: jsonBody(z.strictObject({ body: Text(1, 20_000) })),
  },
  responses: { 201: jsonResponse("The comment", Comment), ...problems(400, 401, 403, 404) },
});

const commentsRoute = createRoute({
  method: "get",
  path: "/updates/{id}/comments",
  tags: ["updates"],
  summary: "An update's comments, oldest first",
  request: { params: IdParam, query: PageQuery },
  responses: {
    200: jsonResponse("A page of comments", PageOf(Comment, "CommentPage")),
    ...problems(400, 404),
  },
});

export const registerUpdateRoutes = (
  app: ApiApp,
  { communication, photoUploads, plans }: UseCases,
): void => {
  addRoute(app, postRoute, (c) => {
    const { body, visibility, photoKeys = [] } = c.req.valid("json");
    const key = c.req.valid("header")["idempotency-key"];
    const planId = c.req.valid("param").id as PlanId;
    return signedIn(
      c,
      (actor) =>
        pipe(
          // Photos are checked only for the plan's producer (an edit changing nothing asks the use case).
          photoKeys.length === 0
            ? TE.right(undefined)
            : TE.map(() => undefined)(plans.editPlan(actor, { planId, patch: {} })),
          TE.chain(() => verifyPhotos(photoUploads, actor, photoKeys)),
          TE.chain((verified) =>
            communication.postUpdate(actor, {
              planId,
              body,
              visibility,
              photoKeys: verified,
              ...(key !== undefined ? { idempotencyKey: key } : {}),
            }),
          ),
          TE.chain(withPhotoUrls(photoUploads)),
        ),
      201,
    );
  });

  addRoute(app, listRoute, (c) =>
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
  );

  addRoute(app, commentRoute, (c) =>
    signedIn(
      c,
      (actor) =>
        communication.addComment(actor, {
          updateId: c.req.valid("param").id as UpdateId,
          body: c.req.valid("json").body,
        }),
      201,
    ),
  );

  addRoute(app, commentsRoute, (c) =>
    respond(
      c,
      communication.listComments(c.get("actor"), {
        updateId: c.req.valid("param").id as UpdateId,
        page: pageOf(c.req.valid("query")),
      }),
    ),
  );
};
