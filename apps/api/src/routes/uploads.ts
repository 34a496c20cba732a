import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import * as z from "zod/mini";
import type { UseCases } from "../composition/use-cases.ts";
import type { ApiEnv } from "../http/env.ts";
import { respond } from "../http/respond.ts";
import {
  BEARER,
  Count,
  Int,
  jsonResponse,
  named,
  problems,
  Text,
  withDoc,
} from "../http/schemas.ts";
import { requireActor } from "../http/signed-in.ts";
import { validate } from "../http/validation.ts";

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

const UploadBody = z.strictObject({
  contentType: withDoc(Text(1, 100), { example: "image/jpeg" }),
  sizeBytes: z.optional(Count(Number.MAX_SAFE_INTEGER)),
});

/** Presigned photo uploads (attached to a plan or an update, which verifies them). */
export const uploadRoutes = ({ photoUploads }: Pick<UseCases, "photoUploads">) =>
  new Hono<ApiEnv>().post(
    "/uploads",
    describeRoute({
      tags: ["uploads"],
      summary:
        "A presigned form to upload one photo straight to storage; attach its key to a plan or update, which verifies it",
      security: BEARER,
      responses: {
        201: jsonResponse("POST the file to url with fields, file last", PresignedUpload),
        ...problems(400, 401, 403, 429),
      },
    }),
    requireActor,
    validate("json", UploadBody),
    (c) => respond(c, photoUploads.requestPhotoUpload(c.var.actor, c.req.valid("json")), 201),
  );
