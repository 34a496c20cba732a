import { randomBytes } from "node:crypto";
import {
  addComment,
  getNotificationPreferences,
  getSeasonReport,
  hideComment,
  listComments,
  listNextSeasons,
  listRecentComments,
  listUpdates,
  makeNotificationInboxUseCases,
  makeUnsubscribeTokens,
  type Ports,
  postSeasonReport,
  postUpdate,
  setNotificationPreferences,
  unsubscribe,
} from "@owners/app";
import type { UseCaseSettings } from "../use-cases.ts";
import type { UseCaseFactory } from "./factory.ts";
import { photoVerifier } from "./photo-verifier.ts";

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

export const communicationUseCases: UseCaseFactory<"communication"> = (ports, s) =>
  makeCommunicationUseCases(ports, s);
