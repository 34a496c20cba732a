import { swaggerUI } from "@hono/swagger-ui";
import { createRoute, z } from "@hono/zod-openapi";
import type { ApiApp } from "../app.ts";
import { signDevToken } from "../http/auth.ts";
import { httpProblem, problemResponse } from "../http/problem.ts";

export interface DevLoginOptions {
  /** Only `pnpm start` switches dev login on; everywhere else the route answers 404. */
  readonly enabled: boolean;
  readonly secret: string;
  readonly issuer: string;
}

const DevLoginBody = z
  .object({
    sub: z
      .string()
      .min(1)
      .max(128)
      .regex(/^[A-Za-z0-9_.:@-]+$/),
    role: z.enum(["producer", "owner", "admin"]),
    name: z.string().min(1).max(100).optional(),
  })
  .strict()
  .openapi("DevLoginRequest");

const devLoginRoute = createRoute({
  method: "post",
  path: "/auth/dev-login",
  tags: ["auth"],
  summary: "Local only: get a bearer token for any user and role",
  request: { body: { required: true, content: { "application/json": { schema: DevLoginBody } } } },
  responses: {
    200: {
      description: "A signed HS256 token",
      content: {
        "application/json": { schema: z.object({ token: z.string() }).openapi("DevLoginResponse") },
      },
    },
    404: { description: "Dev login is switched off" },
  },
});

/** /auth/dev-login, /openapi.json and /docs. */
export const registerSystemRoutes = (app: ApiApp, devLogin: DevLoginOptions): void => {
  app.openapi(devLoginRoute, async (c) => {
    if (!devLogin.enabled) {
      return problemResponse(
        httpProblem(404, "ROUTE.NOT_FOUND", "dev login is only available locally"),
      );
    }
    const { sub, role, name } = c.req.valid("json");
    const token = await signDevToken(
      name === undefined ? { id: sub, role } : { id: sub, role, name },
      devLogin.secret,
      devLogin.issuer,
    );
    return c.json({ token }, 200);
  });

  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
  });
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "OWNERS API",
      version: "1.0.0",
      description:
        "Ownership shares of a coming harvest: plans, reservations, fair allocation, shipping.",
    },
  });
  app.get("/docs", swaggerUI({ url: "/openapi.json" }));
};
