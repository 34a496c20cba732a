import type { OwnerProfile } from "@owners/app";
import * as O from "fp-ts/lib/Option.js";
import * as z from "zod/mini";
import type { ApiApp } from "../app.ts";
import type { UseCases } from "../composition/use-cases.ts";
import { signedIn } from "../http/handle.ts";
import { addRoute, createRoute } from "../http/route.ts";
import {
  BEARER,
  Int,
  jsonBody,
  jsonResponse,
  named,
  problems,
  Text,
  withDoc,
} from "../http/schemas.ts";

const Address = named(
  "ShippingAddress",
  z.strictObject({
    recipientName: Text(1, 200),
    postalCode: withDoc(Text(1, 20), { example: "150-0001" }),
    prefecture: Text(1, 40),
    city: Text(1, 200),
    line1: Text(1, 400),
    line2: z.optional(z.string().check(z.maxLength(400))),
    phone: Text(1, 40),
  }),
);

const MyAddress = named(
  "MyAddress",
  z.object({
    address: z.nullable(Address),
    region: z.nullable(z.string()),
    updatedAt: z.nullable(z.string()),
    /** 0 before the first save; send it back as expectedVersion to guard against a concurrent edit. */
    version: Int,
  }),
);

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
      z.strictObject({
        address: Address,
        region: withDoc(Text(1, 40), { example: "kanto" }),
        expectedVersion: z.optional(z.int().check(z.gte(0), z.lte(1_000_000_000))),
      }),
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
