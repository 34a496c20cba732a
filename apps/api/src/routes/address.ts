import { createRoute, z } from "@hono/zod-openapi";
import type { OwnerProfile } from "@owners/app";
import * as O from "fp-ts/lib/Option.js";
import type { ApiApp } from "../app.ts";
import type { UseCases } from "../composition/use-cases.ts";
import { signedIn } from "../http/handle.ts";
import { addRoute } from "../http/route.ts";
import { BEARER, jsonBody, jsonResponse, problems } from "../http/schemas.ts";

const Address = z
  .object({
    recipientName: z.string().min(1).max(200),
    postalCode: z.string().min(1).max(20).openapi({ example: "150-0001" }),
    prefecture: z.string().min(1).max(40),
    city: z.string().min(1).max(200),
    line1: z.string().min(1).max(400),
    line2: z.string().max(400).optional(),
    phone: z.string().min(1).max(40),
  })
  .strict()
  .openapi("ShippingAddress");

const MyAddress = z
  .object({
    address: Address.nullable(),
    region: z.string().nullable(),
    updatedAt: z.string().nullable(),
    /** 0 before the first save; send it back as expectedVersion to guard against a concurrent edit. */
    version: z.number().int(),
  })
  .openapi("MyAddress");

const getRoute = createRoute({
  method: "get",
  path: "/me/address",
  tags: ["owners"],
  summary: "The signed-in owner's shipping address (null fields until it sets one)",
  security: BEARER,
  responses: { 200: jsonResponse("The address", MyAddress), ...problems(401, 403) },
});

const putRoute = createRoute({
  method: "put",
  path: "/me/address",
  tags: ["owners"],
  summary: "The signed-in owner sets its shipping address and region",
  security: BEARER,
  request: {
    body: jsonBody(
      z
        .object({
          address: Address,
          region: z.string().min(1).max(40).openapi({ example: "kanto" }),
          expectedVersion: z.number().int().min(0).max(1_000_000_000).optional(),
        })
        .strict(),
    ),
  },
  responses: { 200: jsonResponse("The address", MyAddress), ...problems(400, 401, 403, 409) },
});

interface MyAddressJson {
  readonly address: OwnerProfile["address"] | null;
  readonly region: string | null;
  readonly updatedAt: string | null;
  readonly version: number;
}

const addressJson = (profile: OwnerProfile): MyAddressJson => ({
  address: profile.address,
  region: profile.region,
  updatedAt: profile.updatedAt,
  version: profile.version,
});

export const registerAddressRoutes = (app: ApiApp, { shipments }: UseCases): void => {
  addRoute(app, getRoute, (c) =>
    signedIn(
      c,
      (actor) => shipments.getMyAddress(actor),
      200,
      O.match(
        () => ({ address: null, region: null, updatedAt: null, version: 0 }),
        (profile): MyAddressJson => addressJson(profile),
      ),
    ),
  );

  addRoute(app, putRoute, (c) =>
    signedIn(c, (actor) => shipments.setMyAddress(actor, c.req.valid("json")), 200, addressJson),
  );
};
