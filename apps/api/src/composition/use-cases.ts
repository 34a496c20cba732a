import { randomBytes } from "node:crypto";
import {
  type AnalyticsExportPorts,
  type ApplicationUseCases,
  addComment,
  type BatchStores,
  bookExperience,
  cancelBooking,
  completeHarvest,
  confirmDelivery,
  createExperience,
  DEFAULT_PHOTO_UPLOAD_CONFIG,
  DEFAULT_RESERVATION_CONFIG,
  editExperience,
  experienceBookingsCsv,
  getAllocations,
  getMyAddress,
  getNotificationPreferences,
  getOwnershipDelivery,
  getPlanLogistics,
  getSeasonReport,
  hideComment,
  importTrackingFile,
  listBatchRuns,
  listComments,
  listExperienceBookings,
  listExperiences,
  listHarvestLots,
  listMyBookings,
  listMyCredits,
  listNextSeasons,
  listParcels,
  listRecentComments,
  listShipments,
  listUpdates,
  type MoneyUseCases,
  makeApplicationUseCases,
  makeMoneyUseCases,
  makeNotificationInboxUseCases,
  makePayoutUseCases,
  makePeopleUseCases,
  makePhotoUploadUseCases,
  makePlanUseCases,
  makePrivacyUseCases,
  makeReservationUseCases,
  makeUnsubscribeTokens,
  makeWaitlistUseCases,
  markParcelShippedUseCase,
  type NotificationLinkConfig,
  type PayoutUseCases,
  type PeopleUseCases,
  type PhotoUploadConfig,
  type PhotoUploadUseCases,
  type PlanUseCases,
  type Ports,
  type PrivacyUseCases,
  postSeasonReport,
  postUpdate,
  type ReservationConfig,
  type ReservationUseCases,
  recordHarvestLot,
  setMyAddress,
  setNotificationPreferences,
  setOwnershipDelivery,
  setPlanLogistics,
  shipmentsCsv,
  unsubscribe,
  type VerifyPhoto,
  verifyUploadedPhoto,
  type WaitlistUseCases,
} from "@owners/app";
import { lazyPort } from "./lazy-port.ts";

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

export const makeHarvestUseCases = (ports: Ports) => ({
  recordHarvestLot: recordHarvestLot(ports),
  getAllocations: getAllocations(ports),
  listHarvestLots: listHarvestLots(ports),
  completeHarvest: completeHarvest(ports),
  listMyCredits: listMyCredits(ports),
});

export const makeShipmentUseCases = (ports: Ports) => ({
  listShipments: listShipments(ports),
  shipmentsCsv: shipmentsCsv(ports),
  getMyAddress: getMyAddress(ports),
  setMyAddress: setMyAddress(ports),
  // Lane "parcels": tracking numbers, the carrier's file, delivery confirmation.
  listParcels: listParcels(ports),
  markParcelShipped: markParcelShippedUseCase(ports),
  importTrackingFile: importTrackingFile(ports),
  confirmDelivery: confirmDelivery(ports),
  // Lane logistics: per-plan logistics and each ownership's delivery.
  getPlanLogistics: getPlanLogistics(ports),
  setPlanLogistics: setPlanLogistics(ports),
  getOwnershipDelivery: getOwnershipDelivery(ports),
  setOwnershipDelivery: setOwnershipDelivery(ports),
});

export const makeExperienceUseCases = (ports: Ports, settings: UseCaseSettings) => ({
  createExperience: createExperience(ports),
  editExperience: editExperience(ports),
  listExperiences: listExperiences(ports),
  bookExperience: bookExperience({ ...ports, config: settings.reservation }),
  cancelBooking: cancelBooking(ports),
  listExperienceBookings: listExperienceBookings(ports),
  experienceBookingsCsv: experienceBookingsCsv(ports),
  listMyBookings: listMyBookings(ports),
});

/** The photo check plans and updates run on the keys they attach (the upload use case's own). */
const photoVerifier = (ports: Ports, settings: UseCaseSettings): VerifyPhoto =>
  verifyUploadedPhoto({ blobs: ports.blobs, config: settings.photoUploads });

export const makeCommunicationUseCases = (ports: Ports, settings: UseCaseSettings) => ({
  // Required here (the deps type leaves it optional for callers that vouch for their keys).
  postUpdate: postUpdate({ ...ports, verifyPhoto: photoVerifier(ports, settings) }),
  listUpdates: listUpdates(ports),
  addComment: addComment(ports),
  listComments: listComments(ports),
  hideComment: hideComment(ports),
  listRecentComments: listRecentComments(ports),
  // Season reports (lane season): photos are verified like updates'.
  postSeasonReport: postSeasonReport({ ...ports, verifyPhoto: photoVerifier(ports, settings) }),
  getSeasonReport: getSeasonReport(ports),
  listNextSeasons: listNextSeasons(ports),
  ...makeNotificationInboxUseCases(ports),
  getNotificationPreferences: getNotificationPreferences(ports),
  setNotificationPreferences: setNotificationPreferences(ports),
  // No secret configured: a random one, so no token verifies (nothing was signed with it).
  unsubscribe: unsubscribe({
    ...ports,
    tokens:
      settings.notificationLinks?.tokens ??
      makeUnsubscribeTokens(randomBytes(32).toString("base64url")),
  }),
});

type RunBatch = ReturnType<typeof import("@owners/app").runBatch>;

/**
 * What batch runs keep their state in, and (only where this process may scan the table) the
 * export-analytics source and bucket: one type at the container's binding and where it is read.
 */
export type BatchStoresWithAnalytics = BatchStores & {
  readonly analytics?: AnalyticsExportPorts;
};

/**
 * `run`: the batch registry (checkpointed chunks under a lease), the one entry point the scheduler,
 * `pnpm batch`, the Lambda handlers and POST /admin/batches share. The registry and what only
 * batches use (allocation, shipping schedules, the analytics export) load on the first run, out
 * of the API Lambda's cold start.
 */
export const makeBatchUseCases = (
  ports: Ports,
  settings: UseCaseSettings,
  stores: BatchStoresWithAnalytics,
): { readonly run: RunBatch; readonly runs: ReturnType<typeof listBatchRuns> } => ({
  ...lazyPort<{ readonly run: RunBatch }>(
    { run: true },
    () =>
      import("@owners/app/batch-registry").then(({ runBatch }) => ({
        run: runBatch({
          ...ports,
          ...stores,
          reservationConfig: settings.reservation,
          ...(settings.notificationLinks === undefined
            ? {}
            : { notificationLinks: settings.notificationLinks }),
        }),
      })),
    "the batch registry",
  ),
  // The runs' records only: reading them loads none of the batches' code.
  runs: listBatchRuns(stores),
});

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

type Factory<K extends keyof UseCases> = (
  ports: Ports,
  settings: UseCaseSettings,
  stores: BatchStoresWithAnalytics,
) => UseCases[K];

/** Builds each group from the ports (what the container's bindings call, once each). */
export const useCaseFactories: { readonly [K in keyof UseCases]: Factory<K> } = {
  plans: (ports: Ports, s: UseCaseSettings) =>
    makePlanUseCases({ ...ports, config: s.reservation, verifyPhoto: photoVerifier(ports, s) }),
  reservations: (ports: Ports, s: UseCaseSettings) =>
    makeReservationUseCases({ ...ports, config: s.reservation }),
  waitlist: (ports: Ports, s: UseCaseSettings) =>
    makeWaitlistUseCases({ ...ports, config: s.reservation }),
  harvest: (ports: Ports) => makeHarvestUseCases(ports),
  shipments: (ports: Ports) => makeShipmentUseCases(ports),
  experiences: (ports: Ports, s: UseCaseSettings) => makeExperienceUseCases(ports, s),
  communication: (ports: Ports, s: UseCaseSettings) => makeCommunicationUseCases(ports, s),
  photoUploads: (ports: Ports, s: UseCaseSettings) =>
    makePhotoUploadUseCases({
      blobs: ports.blobs,
      ids: ports.ids,
      config: s.photoUploads,
      clock: ports.clock,
      rates: ports.uploadRates,
    }),
  batches: (ports: Ports, s: UseCaseSettings, stores: BatchStoresWithAnalytics) =>
    makeBatchUseCases(ports, s, stores),
  payouts: (ports: Ports) => makePayoutUseCases(ports),
  money: (ports: Ports) => makeMoneyUseCases(ports),
  producerApplications: (ports: Ports) => makeApplicationUseCases(ports),
  people: (ports: Ports, s: UseCaseSettings) =>
    makePeopleUseCases({ ...ports, verifyPhoto: photoVerifier(ports, s) }),
  privacy: (ports: Ports, s: UseCaseSettings) => makePrivacyUseCases(ports, s.reservation),
};

/** The use-case groups, in the order they are bound. */
export const USE_CASE_GROUPS = Object.keys(useCaseFactories) as (keyof UseCases)[];

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
