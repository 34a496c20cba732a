import type { UseCaseFactory } from "./use-case-groups/factory.ts";
import type { UseCases } from "./use-cases.ts";

/**
 * Every group's factory behind a dynamic import, one module (so one chunk of the Lambda bundle)
 * per group: a cold start reads the use cases, domain rules and mail texts of the groups its
 * first request needs, not all of them.
 */
export const useCaseLoaders: {
  readonly [K in keyof UseCases]: () => Promise<UseCaseFactory<K>>;
} = {
  plans: () => import("./use-case-groups/plans.ts").then((m) => m.plansUseCases),
  reservations: () =>
    import("./use-case-groups/reservations.ts").then((m) => m.reservationsUseCases),
  waitlist: () => import("./use-case-groups/waitlist.ts").then((m) => m.waitlistUseCases),
  harvest: () => import("./use-case-groups/harvest.ts").then((m) => m.harvestUseCases),
  shipments: () => import("./use-case-groups/shipments.ts").then((m) => m.shipmentsUseCases),
  experiences: () => import("./use-case-groups/experiences.ts").then((m) => m.experiencesUseCases),
  communication: () =>
    import("./use-case-groups/communication.ts").then((m) => m.communicationUseCases),
  photoUploads: () =>
    import("./use-case-groups/photo-uploads.ts").then((m) => m.photoUploadsUseCases),
  batches: () => import("./use-case-groups/batches.ts").then((m) => m.batchesUseCases),
  payouts: () => import("./use-case-groups/payouts.ts").then((m) => m.payoutsUseCases),
  money: () => import("./use-case-groups/money.ts").then((m) => m.moneyUseCases),
  producerApplications: () =>
    import("./use-case-groups/producer-applications.ts").then(
      (m) => m.producerApplicationsUseCases,
    ),
  people: () => import("./use-case-groups/people.ts").then((m) => m.peopleUseCases),
  privacy: () => import("./use-case-groups/privacy.ts").then((m) => m.privacyUseCases),
};
