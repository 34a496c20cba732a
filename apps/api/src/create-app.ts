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
  /**
   * The use-case groups named, loaded (alongside the route module, not after it): a route group
   * gets, and its type allows, only those.
   */
  const uses = async <K extends keyof UseCases>(...groups: K[]): Promise<Pick<UseCases, K>> => {
    await loadUseCases(groups);
    return useCases;
  };
  return {
    plans: () =>
      Promise.all([import("./routes/plans.ts"), uses("plans", "photoUploads", "people")]).then(
        ([m, u]) => m.planRoutes(u),
      ),
    me: () =>
      Promise.all([
        import("./routes/me.ts"),
        uses("plans", "reservations", "waitlist", "shipments", "harvest", "communication"),
      ]).then(([m, u]) => m.meRoutes(u)),
    payouts: () =>
      Promise.all([import("./routes/payouts.ts"), uses("payouts")]).then(([m, u]) =>
        m.payoutRoutes(u),
      ),
    reservations: () =>
      Promise.all([import("./routes/reservations.ts"), uses("reservations")]).then(([m, u]) =>
        m.reservationRoutes(u),
      ),
    // POST /dev/payments/{id}/complete exists only while dev login is on (never in Lambda).
    payments: () =>
      Promise.all([import("./routes/payments.ts"), uses("reservations")]).then(([m, u]) =>
        m.paymentRoutes(u, devLogin.enabled),
      ),
    waitlist: () =>
      Promise.all([import("./routes/waitlist.ts"), uses("waitlist")]).then(([m, u]) =>
        m.waitlistRoutes(u),
      ),
    harvest: () =>
      Promise.all([import("./routes/harvest.ts"), uses("harvest", "people")]).then(([m, u]) =>
        m.harvestRoutes(u),
      ),
    shipping: () =>
      Promise.all([import("./routes/shipping.ts"), uses("shipments")]).then(([m, u]) =>
        m.shippingRoutes(u),
      ),
    experiences: () =>
      Promise.all([import("./routes/experiences.ts"), uses("experiences")]).then(([m, u]) =>
        m.experienceRoutes(u),
      ),
    updates: () =>
      Promise.all([
        import("./routes/updates.ts"),
        uses("communication", "photoUploads", "people"),
      ]).then(([m, u]) => m.updateRoutes(u)),
    uploads: () =>
      Promise.all([import("./routes/uploads.ts"), uses("photoUploads")]).then(([m, u]) =>
        m.uploadRoutes(u),
      ),
    admin: () =>
      Promise.all([import("./routes/admin.ts"), uses("batches")]).then(([m, u]) =>
        m.adminRoutes(u),
      ),
    money: () =>
      Promise.all([import("./routes/money.ts"), uses("money")]).then(([m, u]) => m.moneyRoutes(u)),
    console: () =>
      Promise.all([import("./routes/console.ts"), uses("communication", "money", "batches")]).then(
        ([m, u]) => m.consoleRoutes(u),
      ),
    producerApplications: () =>
      Promise.all([import("./routes/producer-applications.ts"), uses("producerApplications")]).then(
        ([m, u]) => m.producerApplicationRoutes(u),
      ),
    producers: () =>
      Promise.all([import("./routes/producers.ts"), uses("people", "photoUploads")]).then(
        ([m, u]) => m.producerRoutes(u),
      ),
    meProfile: () =>
      Promise.all([import("./routes/me-profile.ts"), uses("people", "communication")]).then(
        ([m, u]) => m.meProfileRoutes(u),
      ),
    privacy: () =>
      Promise.all([import("./routes/privacy.ts"), uses("privacy")]).then(([m, u]) =>
        m.privacyRoutes(u),
      ),
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
