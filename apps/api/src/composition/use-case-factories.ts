import { batchesUseCases } from "./use-case-groups/batches.ts";
import { communicationUseCases } from "./use-case-groups/communication.ts";
import { experiencesUseCases } from "./use-case-groups/experiences.ts";
import type { UseCaseFactory } from "./use-case-groups/factory.ts";
import { harvestUseCases } from "./use-case-groups/harvest.ts";
import { moneyUseCases } from "./use-case-groups/money.ts";
import { payoutsUseCases } from "./use-case-groups/payouts.ts";
import { peopleUseCases } from "./use-case-groups/people.ts";
import { photoUploadsUseCases } from "./use-case-groups/photo-uploads.ts";
import { plansUseCases } from "./use-case-groups/plans.ts";
import { privacyUseCases } from "./use-case-groups/privacy.ts";
import { producerApplicationsUseCases } from "./use-case-groups/producer-applications.ts";
import { reservationsUseCases } from "./use-case-groups/reservations.ts";
import { shipmentsUseCases } from "./use-case-groups/shipments.ts";
import { waitlistUseCases } from "./use-case-groups/waitlist.ts";
import type { UseCases } from "./use-cases.ts";

/** Every group's factory at hand (Node: `pnpm start`, tests): nothing to load first. */
export const useCaseFactories: { readonly [K in keyof UseCases]: UseCaseFactory<K> } = {
  plans: plansUseCases,
  reservations: reservationsUseCases,
  waitlist: waitlistUseCases,
  harvest: harvestUseCases,
  shipments: shipmentsUseCases,
  experiences: experiencesUseCases,
  communication: communicationUseCases,
  photoUploads: photoUploadsUseCases,
  batches: batchesUseCases,
  payouts: payoutsUseCases,
  money: moneyUseCases,
  producerApplications: producerApplicationsUseCases,
  people: peopleUseCases,
  privacy: privacyUseCases,
};
