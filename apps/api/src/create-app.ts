import { type ApiApp, type ApiOptions, createBaseApp } from "./app.ts";
import type { UseCases } from "./composition/use-cases.ts";
import { adminRoutes } from "./routes/admin.ts";
import { consoleRoutes } from "./routes/console.ts";
import { experienceRoutes } from "./routes/experiences.ts";
import { harvestRoutes } from "./routes/harvest.ts";
import { meRoutes } from "./routes/me.ts";
import { meProfileRoutes } from "./routes/me-profile.ts";
import { moneyRoutes } from "./routes/money.ts";
import { paymentRoutes } from "./routes/payments.ts";
import { payoutRoutes } from "./routes/payouts.ts";
import { planRoutes } from "./routes/plans.ts";
import { privacyRoutes } from "./routes/privacy.ts";
import { producerApplicationRoutes } from "./routes/producer-applications.ts";
import { producerRoutes } from "./routes/producers.ts";
import { reservationRoutes } from "./routes/reservations.ts";
import { shippingRoutes } from "./routes/shipping.ts";
import { type DevLoginOptions, systemRoutes } from "./routes/system.ts";
import { updateRoutes } from "./routes/updates.ts";
import { uploadRoutes } from "./routes/uploads.ts";
import { waitlistRoutes } from "./routes/waitlist.ts";

export interface CreateAppOptions extends ApiOptions {
  readonly devLogin: DevLoginOptions;
  readonly useCases: UseCases;
  /** Serve the Swagger UI page at /docs (see ContainerOverrides.docs). */
  readonly docs: boolean;
}

/**
 * The whole API: the base app (auth, limits, errors, /health) and one sub-app per area, each
 * keeping its full paths (areas share prefixes such as /plans/{id}, so all mount at the root).
 */
export const createApp = ({ devLogin, useCases, docs, ...base }: CreateAppOptions): ApiApp => {
  const app = createBaseApp(base);
  app.route("/", planRoutes(useCases));
  app.route("/", meRoutes(useCases));
  app.route("/", payoutRoutes(useCases));
  app.route("/", reservationRoutes(useCases));
  // POST /dev/payments/{id}/complete exists only while dev login is on (never in Lambda).
  app.route("/", paymentRoutes(useCases, devLogin.enabled));
  app.route("/", waitlistRoutes(useCases));
  app.route("/", harvestRoutes(useCases));
  app.route("/", shippingRoutes(useCases));
  app.route("/", experienceRoutes(useCases));
  app.route("/", updateRoutes(useCases));
  app.route("/", uploadRoutes(useCases));
  app.route("/", adminRoutes(useCases));
  app.route("/", moneyRoutes(useCases));
  app.route("/", consoleRoutes(useCases));
  app.route("/", producerApplicationRoutes(useCases));
  app.route("/", producerRoutes(useCases));
  app.route("/", meProfileRoutes(useCases));
  app.route("/", privacyRoutes(useCases));
  // Last, so the OpenAPI document it serves lists every route above.
  app.route("/", systemRoutes(devLogin, app, docs));
  return app;
};
