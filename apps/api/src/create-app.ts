import { Hono } from "hono";
import { type ApiApp, type ApiOptions, createBaseApp } from "./app.ts";
import type { UseCaseSource } from "./composition/use-case-source.ts";
import type { UseCases } from "./composition/use-cases.ts";
import type { ApiEnv } from "./http/env.ts";
import { type LoadGroup, mountLazyGroups } from "./http/lazy-groups.ts";
import { ROUTE_MANIFEST } from "./routes/route-manifest.ts";
import type { DevLoginOptions } from "./routes/system.ts";

export interface CreateAppOptions extends ApiOptions {
  readonly devLogin: DevLoginOptions;
  readonly useCases: UseCases;
  /** Readies use-case groups before a route group using them is built (see UseCaseSource). */
  readonly loadUseCases: UseCaseSource["load"];
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
  loadUseCases: UseCaseSource["load"],
  devLogin: DevLoginOptions,
  docs: boolean,
  documented: () => Promise<Hono<ApiEnv>>,
) => {
  /** The use-case groups named, loaded: a route group gets (and its type allows) only those. */
  const uses = async <K extends keyof UseCases>(...groups: K[]): Promise<Pick<UseCases, K>> => {
    await loadUseCases(groups);
    return useCases;
  };
  return {
    plans: () =>
      import("./routes/plans.ts").then(async (m) =>
        m.planRoutes(await uses("plans", "photoUploads", "people")),
      ),
    me: () =>
      import("./routes/me.ts").then(async (m) =>
        m.meRoutes(
          await uses("plans", "reservations", "waitlist", "shipments", "harvest", "communication"),
        ),
      ),
    payouts: () =>
      import("./routes/payouts.ts").then(async (m) => m.payoutRoutes(await uses("payouts"))),
    reservations: () =>
      import("./routes/reservations.ts").then(async (m) =>
        m.reservationRoutes(await uses("reservations")),
      ),
    // POST /dev/payments/{id}/complete exists only while dev login is on (never in Lambda).
    payments: () =>
      import("./routes/payments.ts").then(async (m) =>
        m.paymentRoutes(await uses("reservations"), devLogin.enabled),
      ),
    waitlist: () =>
      import("./routes/waitlist.ts").then(async (m) => m.waitlistRoutes(await uses("waitlist"))),
    harvest: () =>
      import("./routes/harvest.ts").then(async (m) =>
        m.harvestRoutes(await uses("harvest", "people")),
      ),
    shipping: () =>
      import("./routes/shipping.ts").then(async (m) => m.shippingRoutes(await uses("shipments"))),
    experiences: () =>
      import("./routes/experiences.ts").then(async (m) =>
        m.experienceRoutes(await uses("experiences")),
      ),
    updates: () =>
      import("./routes/updates.ts").then(async (m) =>
        m.updateRoutes(await uses("communication", "photoUploads", "people")),
      ),
    uploads: () =>
      import("./routes/uploads.ts").then(async (m) => m.uploadRoutes(await uses("photoUploads"))),
    admin: () =>
      import("./routes/admin.ts").then(async (m) => m.adminRoutes(await uses("batches"))),
    money: () => import("./routes/money.ts").then(async (m) => m.moneyRoutes(await uses("money"))),
    console: () =>
      import("./routes/console.ts").then(async (m) =>
        m.consoleRoutes(await uses("communication", "money", "batches")),
      ),
    producerApplications: () =>
      import("./routes/producer-applications.ts").then(async (m) =>
        m.producerApplicationRoutes(await uses("producerApplications")),
      ),
    producers: () =>
      import("./routes/producers.ts").then(async (m) =>
        m.producerRoutes(await uses("people", "photoUploads")),
      ),
    meProfile: () =>
      import("./routes/me-profile.ts").then(async (m) =>
        m.meProfileRoutes(await uses("people", "communication")),
      ),
    privacy: () =>
      import("./routes/privacy.ts").then(async (m) => m.privacyRoutes(await uses("privacy"))),
    // Last: dev login, /openapi.json (describing every group above) and /docs.
    system: () =>
      import("./routes/system.ts").then((m) => m.systemRoutes(devLogin, documented, docs)),
  } satisfies Record<string, LoadGroup>;
};

/**
 * The whole API: the base app (auth, limits, errors, /health) and the route groups, lazy. The
 * OpenAPI document loads every group on its first request and describes them as mounted eagerly.
 */
export const createApp = ({
  devLogin,
  useCases,
  loadUseCases,
  docs,
  ...base
}: CreateAppOptions): ApiApp => {
  const app = createBaseApp(base);
  const documented = async (): Promise<Hono<ApiEnv>> => {
    const whole = new Hono<ApiEnv>();
    for (const [name, load] of Object.entries<LoadGroup>(loaders))
      if (name !== "system") whole.route("/", await load());
    return whole;
  };
  const loaders = mountLazyGroups(
    app,
    routeGroups(useCases, loadUseCases, devLogin, docs, documented),
    ROUTE_MANIFEST,
  );
  return app;
};
