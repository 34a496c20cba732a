import { createRoute, z } from "@hono/zod-openapi";
import type { ApiApp } from "../app.ts";
import type { UseCases } from "../composition/use-cases.ts";
import { signedIn } from "../http/handle.ts";
import { addRoute } from "../http/route.ts";
import { BEARER, jsonBody, jsonResponse, problems } from "../http/schemas.ts";

const PresignedUpload = z
  .object({
    key: z.string(),
    url: z.string(),
    method: z.literal("POST"),
    fields: z.record(z.string(), z.string()),
    expiresAt: z.string(),
    maxBytes: z.number().int(),
    contentType: z.string(),
  })
  .openapi("PresignedUpload");

const uploadRoute = createRoute({
  method: "post",
  path: "/uploads",
  tags: ["uploads"],
  summary:
    "A presigned form to upload one photo straight to storage; attach its key to a plan or update, which verifies it",
  security: BEARER,
  request: {
    body: jsonBody(
      z
        .object({
          contentType: z.string().min(1).max(100).openapi({ example: "image/jpeg" }),
          sizeBytes: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
        })
        .strict(),
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
