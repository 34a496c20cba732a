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
export const meProfileRoutes = ({ people }: UseCases) =>
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
    );
