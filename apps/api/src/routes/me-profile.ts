import {
  isDefaultAddress,
  notificationChoices,
  OWNER_NOTIFICATION_CATEGORIES,
  type OwnerProfile,
} from "@owners/app";
import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import * as z from "zod/mini";
import type { UseCases } from "../composition/use-cases.ts";
import type { ApiEnv } from "../http/env.ts";
import { respond } from "../http/respond.ts";
import {
  BEARER,
  IdParam,
  Int,
  jsonResponse,
  NoQuery,
  named,
  PageOf,
  PageQuery,
  pageOf,
  problems,
  Text,
  withDoc,
} from "../http/schemas.ts";
import { requireActor } from "../http/signed-in.ts";
import { validate } from "../http/validation.ts";
import { Address } from "./me.ts";

const Version = z.optional(z.int().check(z.gte(0), z.lte(1_000_000_000)));

const MyProfile = named(
  "MyProfile",
  z.object({
    displayName: withDoc(z.nullable(z.string()), {
      description: "What producers of plans it owns and comment readers see instead of its id",
    }),
    language: z.enum(["ja", "en"]),
    notifications: withDoc(z.record(z.string(), z.boolean()), {
      description: `Category -> opted in (${OWNER_NOTIFICATION_CATEGORIES.join(", ")})`,
    }),
    version: withDoc(Int, { description: "0 before the first save; send back as expectedVersion" }),
  }),
);

const ProfileBody = z.strictObject({
  displayName: withDoc(z.optional(z.string().check(z.maxLength(40))), {
    description: "An empty string removes it",
  }),
  language: z.optional(z.enum(["ja", "en"])),
  notifications: z.optional(z.record(Text(1, 40), z.boolean())),
  expectedVersion: Version,
});

const SavedAddressSchema = named(
  "SavedAddress",
  z.object({
    id: z.string(),
    label: z.string(),
    address: Address,
    region: z.string(),
    isDefault: withDoc(z.boolean(), { description: "The address shipping uses" }),
  }),
);

const MyAddresses = named(
  "MyAddresses",
  z.object({ addresses: z.array(SavedAddressSchema), version: Int }),
);

const AddressBody = z.strictObject({
  label: withDoc(Text(1, 40), { example: "自宅" }),
  address: Address,
  region: withDoc(Text(1, 40), { example: "kanto" }),
  makeDefault: z.optional(z.boolean()),
  expectedVersion: Version,
});

const NotificationPreferencesSchema = named(
  "NotificationPreferences",
  z.object({
    account: withDoc(z.literal(true), { description: "Money and orders: always sent" }),
    season: withDoc(z.boolean(), { description: "Early access, harvests, shipping days" }),
    news: withDoc(z.boolean(), { description: "Producers' updates and new plans" }),
    experiences: z.boolean(),
  }),
);

const PreferencesBody = z.strictObject({
  account: z.optional(z.literal(true)),
  season: z.optional(z.boolean()),
  news: z.optional(z.boolean()),
  experiences: z.optional(z.boolean()),
});

const InboxItemSchema = named(
  "InboxItem",
  z.object({
    id: withDoc(z.string(), { description: "Opaque; what mark-read takes" }),
    kind: z.string(),
    category: z.enum(["account", "season", "news", "experiences"]),
    subject: z.string(),
    paragraphs: z.array(z.string()),
    link: z.optional(z.object({ label: z.string(), url: z.string() })),
    at: z.string(),
    read: z.boolean(),
  }),
);

const UnreadCount = named(
  "UnreadCount",
  z.object({
    unread: Int,
    capped: withDoc(z.boolean(), { description: "More than `unread` are unread (show 99+)" }),
  }),
);
const MarkedAll = named("NotificationsMarked", z.object({ marked: Int }));
const MarkedOne = named("NotificationMarked", z.object({ read: z.literal(true) }));

const NotificationIdParam = z.object({
  id: withDoc(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,600}$/)), {
    description: "An inbox item's id",
  }),
});

const profileJson = (p: OwnerProfile) => ({
  displayName: p.displayName ?? null,
  language: p.language,
  notifications: notificationChoices(p),
  version: p.version,
});

const addressesJson = (p: OwnerProfile) => ({
  addresses: p.addresses.map((a) => ({ ...a, isDefault: isDefaultAddress(p, a) })),
  version: p.version,
});

/** The signed-in owner as a person: its name and preferences, its saved addresses (audited). */
export const meProfileRoutes = ({
  people,
  communication,
}: Pick<UseCases, "people" | "communication">) =>
  new Hono<ApiEnv>()
    .get(
      "/me/profile",
      describeRoute({
        tags: ["owners"],
        summary: "The signed-in owner's display name, language and notification choices",
        security: BEARER,
        responses: { 200: jsonResponse("The profile", MyProfile), ...problems(401, 403) },
      }),
      requireActor,
      validate("query", NoQuery),
      (c) => respond(c, people.getMyProfile(c.var.actor), 200, profileJson),
    )
    .put(
      "/me/profile",
      describeRoute({
        tags: ["owners"],
        summary: "The signed-in owner sets its display name, language or notification choices",
        security: BEARER,
        responses: {
          200: jsonResponse("The profile", MyProfile),
          ...problems(400, 401, 403, 409),
        },
      }),
      requireActor,
      validate("json", ProfileBody),
      (c) => respond(c, people.updateMyProfile(c.var.actor, c.req.valid("json")), 200, profileJson),
    )
    .get(
      "/me/addresses",
      describeRoute({
        tags: ["owners"],
        summary: "The signed-in owner's saved addresses",
        security: BEARER,
        responses: { 200: jsonResponse("The addresses", MyAddresses), ...problems(401, 403) },
      }),
      requireActor,
      validate("query", NoQuery),
      (c) => respond(c, people.getMyProfile(c.var.actor), 200, addressesJson),
    )
    .post(
      "/me/addresses",
      describeRoute({
        tags: ["owners"],
        summary: "The signed-in owner saves an address (audited; the first is the default)",
        security: BEARER,
        responses: {
          201: jsonResponse("The addresses", MyAddresses),
          ...problems(400, 401, 403, 409),
        },
      }),
      requireActor,
      validate("json", AddressBody),
      (c) => respond(c, people.addMyAddress(c.var.actor, c.req.valid("json")), 201, addressesJson),
    )
    .put(
      "/me/addresses/:id",
      describeRoute({
        tags: ["owners"],
        summary: "The signed-in owner changes one of its saved addresses (audited)",
        security: BEARER,
        responses: {
          200: jsonResponse("The addresses", MyAddresses),
          ...problems(400, 401, 403, 404, 409),
        },
      }),
      requireActor,
      validate("param", IdParam),
      validate("json", AddressBody),
      (c) =>
        respond(
          c,
          people.changeMyAddress(c.var.actor, {
            ...c.req.valid("json"),
            addressId: c.req.valid("param").id,
          }),
          200,
          addressesJson,
        ),
    )
    .delete(
      "/me/addresses/:id",
      describeRoute({
        tags: ["owners"],
        summary: "The signed-in owner removes a saved address (audited; the default stays)",
        security: BEARER,
        responses: {
          200: jsonResponse("The addresses", MyAddresses),
          ...problems(400, 401, 403, 404),
        },
      }),
      requireActor,
      validate("param", IdParam),
      (c) =>
        respond(
          c,
          people.removeMyAddress(c.var.actor, { addressId: c.req.valid("param").id }),
          200,
          addressesJson,
        ),
    )
    .get(
      "/me/notification-preferences",
      describeRoute({
        tags: ["owners"],
        summary: "Which categories of mail the signed-in owner gets (account mail always)",
        security: BEARER,
        responses: {
          200: jsonResponse("The preferences", NotificationPreferencesSchema),
          ...problems(401, 403),
        },
      }),
      requireActor,
      validate("query", NoQuery),
      (c) => respond(c, communication.getNotificationPreferences(c.var.actor), 200),
    )
    .put(
      "/me/notification-preferences",
      describeRoute({
        tags: ["owners"],
        summary: "The signed-in owner turns mail categories on or off (not account)",
        security: BEARER,
        responses: {
          200: jsonResponse("The preferences", NotificationPreferencesSchema),
          ...problems(400, 401, 403, 409),
        },
      }),
      requireActor,
      validate("json", PreferencesBody),
      (c) =>
        respond(c, communication.setNotificationPreferences(c.var.actor, c.req.valid("json")), 200),
    )
    .get(
      "/me/notifications",
      describeRoute({
        tags: ["owners"],
        summary: "The signed-in owner's notifications, newest first, in its language",
        security: BEARER,
        responses: {
          200: jsonResponse("A page of notifications", PageOf(InboxItemSchema, "InboxPage")),
          ...problems(400, 401, 403),
        },
      }),
      requireActor,
      validate("query", PageQuery),
      (c) =>
        respond(
          c,
          communication.listMyNotifications(c.var.actor, pageOf(c.req.valid("query"))),
          200,
        ),
    )
    .get(
      "/me/notifications/unread-count",
      describeRoute({
        tags: ["owners"],
        summary: "How many of the signed-in owner's notifications are unread (up to 99)",
        security: BEARER,
        responses: { 200: jsonResponse("The count", UnreadCount), ...problems(401, 403) },
      }),
      requireActor,
      validate("query", NoQuery),
      (c) => respond(c, communication.countMyUnreadNotifications(c.var.actor), 200),
    )
    .post(
      "/me/notifications/read-all",
      describeRoute({
        tags: ["owners"],
        summary: "The signed-in owner marks all its notifications read",
        security: BEARER,
        responses: { 200: jsonResponse("How many were marked", MarkedAll), ...problems(401, 403) },
      }),
      requireActor,
      (c) => respond(c, communication.markAllMyNotificationsRead(c.var.actor), 200),
    )
    .post(
      "/me/notifications/:id/read",
      describeRoute({
        tags: ["owners"],
        summary: "The signed-in owner marks one of its notifications read",
        security: BEARER,
        responses: {
          200: jsonResponse("Marked", MarkedOne),
          ...problems(400, 401, 403, 404),
        },
      }),
      requireActor,
      validate("param", NotificationIdParam),
      (c) =>
        respond(
          c,
          communication.markMyNotificationRead(c.var.actor, c.req.valid("param").id),
          200,
          () => ({ read: true }),
        ),
    );
