import { Hono } from "hono";
import { type ApiApp, type ApiOptions, createBaseApp } from "./app.ts";
import type { UseCases } from "./composition/use-cases.ts";
import type { ApiEnv } from "./http/env.ts";
import { type LoadGroup, mountLazyGroups } from "./http/lazy-groups.ts";
import { ROUTE_MANIFEST } from "./routes/route-manifest.ts";
import type { DevLoginOptions } from "./routes/system.ts";

export interface CreateAppOptions extends ApiOptions {
  readonly devLogin: DevLoginOptions;
  readonly useCases: UseCases;
  /** Serve the Swagger UI page at /docs (see ContainerOverrides.docs). */
  readonly docs: boolean;
}

/**
 * The route groups, one sub-app per area, each imported on the first request it answers (so a
 * Lambda's cold start reads and builds only the group it serves). All keep their full paths (areas
 * share prefixes such as /plans/{id}) and mount at the root, in this order. One line per group;
 * after adding or changing routes run `pnpm --filter @owners/api routes:manifest` (a test checks
 * routes/route-manifest.ts against the groups).
 */
export const routeGroups = (
  useCases: UseCases,
  devLogin: DevLoginOptions,
  docs: boolean,
  documented: () => Promise<Hono<ApiEnv>>,
) =>
  ({
    plans: () => import("./routes/plans.ts").then((m) => m.planRoutes(useCases)),
    me: () => import("./routes/me.ts").then((m) => m.meRoutes(useCases)),
    payouts: () => import("./routes/payouts.ts").then((m) => m.payoutRoutes(useCases)),
    reservations: () =>
      import("./routes/reservations.ts").then((m) => m.reservationRoutes(useCases)),
    // POST /dev/payments/{id}/complete exists only while dev login is on (never in Lambda).
    payments: () =>
      import("./routes/payments.ts").then((m) => m.paymentRoutes(useCases, devLogin.enabled)),
    waitlist: () => import("./routes/waitlist.ts").then((m) => m.waitlistRoutes(useCases)),
    harvest: () => import("./routes/harvest.ts").then((m) => m.harvestRoutes(useCases)),
    shipping: () => import("./routes/shipping.ts").then((m) => m.shippingRoutes(useCases)),
    experiences: () => import("./routes/experiences.ts").then((m) => m.experienceRoutes(useCases)),
    updates: () => import("./routes/updates.ts").then((m) => m.updateRoutes(useCases)),
    uploads: () => import("./routes/uploads.ts").then((m) => m.uploadRoutes(useCases)),
    admin: () => import("./routes/admin.ts").then((m) => m.adminRoutes(useCases)),
    money: () => import("./routes/money.ts").then((m) => m.moneyRoutes(useCases)),
    console: () => import("./routes/console.ts").then((m) => m.consoleRoutes(useCases)),
    producerApplications: () =>
      import("./routes/producer-applications.ts").then((m) =>
        m.producerApplicationRoutes(useCases),
      ),
    producers: () => import("./routes/producers.ts").then((m) => m.producerRoutes(useCases)),
    meProfile: () => import("./routes/me-profile.ts").then((m) => m.meProfileRoutes(useCases)),
    privacy: () => import("./routes/privacy.ts").then((m) => m.privacyRoutes(useCases)),
    // Last: dev login, /openapi.json (describing every group above) and /docs.
    system: () =>
      import("./routes/system.ts").then((m) => m.systemRoutes(devLogin, documented, docs)),
  }) satisfies Record<string, LoadGroup>;

/**
 * The whole API: the base app (auth, limits, errors, /health) and the route groups, lazy. The
 * OpenAPI document loads every group on its first request and describes them as mounted eagerly.
 */
export const createApp = ({ devLogin, useCases, docs, ...base }: CreateAppOptions): ApiApp => {
  const app = createBaseApp(base);
  const documented = async (): Promise<Hono<ApiEnv>> => {
    const whole = new Hono<ApiEnv>();
    for (const [name, load] of Object.entries<LoadGroup>(loaders))
      if (name !== "system") whole.route("/", await load());
    return whole;
  };
  const loaders = mountLazyGroups(
    app,
    routeGroups(useCases, devLogin, docs, documented),
    ROUTE_MANIFEST,
  );
  return app;
};
