import {
  type AnalyticsExportPorts,
  type ApplicationUseCases,
  type BatchStores,
  DEFAULT_PHOTO_UPLOAD_CONFIG,
  DEFAULT_RESERVATION_CONFIG,
  type MoneyUseCases,
  type NotificationLinkConfig,
  type PayoutUseCases,
  type PeopleUseCases,
  type PhotoUploadConfig,
  type PhotoUploadUseCases,
  type PlanUseCases,
  type PrivacyUseCases,
  type ReservationConfig,
  type ReservationUseCases,
  type WaitlistUseCases,
} from "@owners/app";
import type { makeBatchUseCases } from "./use-case-groups/batches.ts";
import type { makeCommunicationUseCases } from "./use-case-groups/communication.ts";
import type { makeExperienceUseCases } from "./use-case-groups/experiences.ts";
import type { makeHarvestUseCases } from "./use-case-groups/harvest.ts";
import type { makeShipmentUseCases } from "./use-case-groups/shipments.ts";

/** Tunables of the use cases that come from the app's configuration. */
export interface UseCaseSettings {
  readonly reservation: ReservationConfig;
  readonly photoUploads: PhotoUploadConfig;
  /** Mail links and the unsubscribe secret; without them every unsubscribe token is refused. */
  readonly notificationLinks?: NotificationLinkConfig;
}

export const defaultUseCaseSettings = (
  platformFeeBps: number,
  siteUrl?: string,
  notificationLinks?: NotificationLinkConfig,
): UseCaseSettings => ({
  reservation: {
    ...DEFAULT_RESERVATION_CONFIG,
    platformFeeBps,
    ...(siteUrl === undefined ? {} : { checkoutReturnUrl: new URL("/me", siteUrl).toString() }),
  },
  photoUploads: DEFAULT_PHOTO_UPLOAD_CONFIG,
  ...(notificationLinks === undefined ? {} : { notificationLinks }),
});

/**
 * What batch runs keep their state in, and (only where this process may scan the table) the
 * export-analytics source and bucket: one type at the container's binding and where it is read.
 */
export type BatchStoresWithAnalytics = BatchStores & {
  readonly analytics?: AnalyticsExportPorts;
};

export type HarvestUseCases = ReturnType<typeof makeHarvestUseCases>;
export type ShipmentUseCases = ReturnType<typeof makeShipmentUseCases>;
export type ExperienceUseCases = ReturnType<typeof makeExperienceUseCases>;
export type CommunicationUseCases = ReturnType<typeof makeCommunicationUseCases>;
export type BatchUseCases = ReturnType<typeof makeBatchUseCases>;

/** Every use case the API serves, by group (one group per USE_CASE_TOKENS entry). */
export interface UseCases {
  readonly plans: PlanUseCases;
  readonly reservations: ReservationUseCases;
  readonly waitlist: WaitlistUseCases;
  readonly harvest: HarvestUseCases;
  readonly shipments: ShipmentUseCases;
  readonly experiences: ExperienceUseCases;
  readonly communication: CommunicationUseCases;
  readonly photoUploads: PhotoUploadUseCases;
  readonly batches: BatchUseCases;
  readonly payouts: PayoutUseCases;
  readonly money: MoneyUseCases;
  readonly producerApplications: ApplicationUseCases;
  readonly people: PeopleUseCases;
  readonly privacy: PrivacyUseCases;
}

/** Every group once (a group missing here does not compile), in the order they are bound. */
const GROUPS: { readonly [K in keyof UseCases]: true } = {
  plans: true,
  reservations: true,
  waitlist: true,
  harvest: true,
  shipments: true,
  experiences: true,
  communication: true,
  photoUploads: true,
  batches: true,
  payouts: true,
  money: true,
  producerApplications: true,
  people: true,
  privacy: true,
};

/** The use-case groups, in the order they are bound. */
export const USE_CASE_GROUPS = Object.keys(GROUPS) as (keyof UseCases)[];

/** Looks one use-case group up by name (a container's `get` on that group's token). */
export type UseCaseLookup = <K extends keyof UseCases>(group: K) => UseCases[K];

/**
 * Every group, each read through `get` when first used (a getter per group): a route group
 * loaded on its first request builds only the use cases it names, so a cold start serving plans
 * does not build the others.
 */
export const readUseCases = (get: UseCaseLookup): UseCases => {
  const view = {} as UseCases;
  for (const group of USE_CASE_GROUPS)
    Object.defineProperty(view, group, { enumerable: true, get: () => get(group) });
  return view;
};
