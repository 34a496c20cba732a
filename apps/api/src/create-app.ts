import { type ApiApp, type ApiOptions, createBaseApp } from "./app.ts";
import type { UseCases } from "./composition/use-cases.ts";
import { registerAddressRoutes } from "./routes/address.ts";
import { registerAdminRoutes } from "./routes/admin.ts";
import { registerExperienceRoutes } from "./routes/experiences.ts";
import { registerHarvestRoutes } from "./routes/harvests.ts";
import { registerPlanRoutes } from "./routes/plans.ts";
import { registerProducerRoutes } from "./routes/producer-summary.ts";
import { registerReservationRoutes } from "./routes/reservations.ts";
import { registerShipmentRoutes } from "./routes/shipments.ts";
import { type DevLoginOptions, registerSystemRoutes } from "./routes/system.ts";
import { registerUpdateRoutes } from "./routes/updates.ts";
import { registerUploadRoutes } from "./routes/uploads.ts";
import { registerWaitlistRoutes } from "./routes/waitlist.ts";

export interface CreateAppOptions extends ApiOptions {
  readonly devLogin: DevLoginOptions;
  readonly useCases: UseCases;
}

/** The whole API: the base app (auth, limits, errors, /health) and a route for every use case. */
export const createApp = ({ devLogin, useCases, ...base }: CreateAppOptions): ApiApp => {
  const app = createBaseApp(base);
  registerPlanRoutes(app, useCases);
  registerProducerRoutes(app, useCases);
  registerReservationRoutes(app, useCases);
  registerWaitlistRoutes(app, useCases);
  registerHarvestRoutes(app, useCases);
  registerShipmentRoutes(app, useCases);
  registerAddressRoutes(app, useCases);
  registerExperienceRoutes(app, useCases);
  registerUpdateRoutes(app, useCases);
  registerUploadRoutes(app, useCases);
  registerAdminRoutes(app, useCases);
  // Last, so the OpenAPI document it serves lists every route above.
  registerSystemRoutes(app, devLogin);
  return app;
};
