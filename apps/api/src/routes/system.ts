import { swaggerUI } from "@hono/swagger-ui";
import type { Role } from "@owners/app";
import { Hono } from "hono";
import { describeRoute, generateSpecs } from "hono-openapi";
import * as z from "zod/mini";
import { signDevToken } from "../http/auth.ts";
import type { ApiEnv } from "../http/env.ts";
import { documentMediaTypeProblems } from "../http/media-type-problems.ts";
import { httpProblem, problemResponse } from "../http/problem.ts";
import { jsonResponse, named, Text } from "../http/schemas.ts";
import { validate } from "../http/validation.ts";

export interface DevLoginOptions {
  /** Only `pnpm start` switches dev login on; everywhere else the route answers 404. */
  readonly enabled: boolean;
  readonly secret: string;
  readonly issuer: string;
  /**
   * The role the local identity directory gives a person it knows (an approved applicant is a
   * producer whatever it asks for, as in AWS); undefined for anyone else (the demo personas), who
   * gets the role asked for.
   */
  readonly knownRole?: (sub: string) => Role | undefined;
}

const DevLoginBody = named(
  "DevLoginRequest",
  z.strictObject({
    sub: Text(1, 128).check(z.regex(/^[A-Za-z0-9_.:@-]+$/)),
    role: z.enum(["producer", "owner", "admin"]),
    name: z.optional(Text(1, 100)),
  }),
);

const OPENAPI_OPTIONS: Parameters<typeof generateSpecs>[1] = {
  documentation: {
    openapi: "3.1.0",
    info: {
      title: "OWNERS API",
      version: "1.0.0",
      description:
        "Ownership shares of a coming harvest: plans, reservations, fair allocation, shipping.",
    },
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" } },
    },
  },
  // Every route documents its own 400 problem.
  defaultValidationErrorResponse: false,
};

/**
 * Local dev login, and /openapi.json and /docs describing the whole API: the route groups
 * `documented` loads (every one, on the document's first request) with these routes mounted last.
 */
export const systemRoutes = (
  devLogin: DevLoginOptions,
  documented: () => Promise<Hono<ApiEnv>>,
  docs: boolean,
) => {
  let document: Promise<unknown> | undefined;
  const routes: Hono<ApiEnv> = new Hono<ApiEnv>()
    .post(
      "/auth/dev-login",
      describeRoute({
        tags: ["auth"],
        summary: "Local only: get a bearer token for any user and role",
        responses: {
          200: jsonResponse(
            "A signed HS256 token and the role it carries",
            named(
              "DevLoginResponse",
              z.object({ token: z.string(), role: z.enum(["producer", "owner", "admin"]) }),
            ),
          ),
          404: { description: "Dev login is switched off" },
        },
      }),
      validate("json", DevLoginBody),
      async (c) => {
        if (!devLogin.enabled) {
          return problemResponse(
            httpProblem(404, "ROUTE.NOT_FOUND", "dev login is only available locally"),
          );
        }
        const { sub, role: asked, name } = c.req.valid("json");
        const role = devLogin.knownRole?.(sub) ?? asked;
        const token = await signDevToken(
          name === undefined ? { id: sub, role } : { id: sub, role, name },
          devLogin.secret,
          devLogin.issuer,
        );
        return c.json({ token, role }, 200);
      },
    )
    .get("/openapi.json", async (c) => {
      document ??= documented().then(async (whole) =>
        documentMediaTypeProblems(
          await generateSpecs(whole.route("/", routes), OPENAPI_OPTIONS, c),
        ),
      );
      // A group that failed to load is tried again by the next request.
      const built = await document.catch((error: unknown) => {
        document = undefined;
        throw error;
      });
      return c.json(built);
    });
  return docs ? routes.get("/docs", swaggerUI({ url: "/openapi.json" })) : routes;
};
