import * as z from "zod/mini";
import type { ApiApp } from "../app.ts";
import type { UseCases } from "../composition/use-cases.ts";
import { signedIn } from "../http/handle.ts";
import { addRoute, createRoute } from "../http/route.ts";
import {
  BEARER,
  Count,
  Int,
  jsonBody,
  jsonResponse,
  named,
  problems,
  Text,
  withDoc,
} from "../http/schemas.ts";

const PresignedUpload = named(
  "PresignedUpload",
  z.object({
    key: z.string(),
    url: z.string(),
    method: z.literal("POST"),
    fields: z.record(z.string(), z.string()),
    expiresAt: z.string(),
    maxBytes: Int,
    contentType: z.string(),
  }),
);

const uploadRoute = createRoute({
  method: "post",
  path: "/uploads",
  tags: ["uploads"],
  summary:
    "A presigned form to upload one photo straight to storage; attach its key to a plan or update, which verifies it",
  security: BEARER,
  request: {
    body: jsonBody(
      z.strictObject({
        contentType: withDoc(Text(1, 100), { example: "image/jpeg" }),
        sizeBytes: z.optional(Count(Number.MAX_SAFE_INTEGER)),
      }),
    ),
  },
  responses: {
    201: jsonResponse("POST the file to url with fields, file last", PresignedUpload),
    ...problems(400, 401, 403),
  },
});

export const registerUploadRoutes = (app: ApiApp, { photoUploads }: UseCases): void => {
  addRoute(app, uploadRoute, (c) =>
    signedIn(c, (actor) => photoUploads.requestPhotoUpload(actor, c.req.valid("json")), 201),
  );
};
