import { planView } from "@owners/app";
import type { Plan } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import * as z from "zod/mini";
import type { UseCases } from "../composition/use-cases.ts";
import type { ApiEnv } from "../http/env.ts";
import { withPhotoUrls } from "../http/photo-urls.ts";
import { readerOf } from "../http/reader.ts";
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
  pageQueryShape,
  problems,
  Text,
  withDoc,
} from "../http/schemas.ts";
import { requireActor } from "../http/signed-in.ts";
import { validate } from "../http/validation.ts";
import { planJson } from "../views/plan.ts";
import { withProducers } from "../views/plan-producer.ts";
import { producerListCard, producerProfileJson } from "../views/producer.ts";
import { PlanJsonSchema, ProducerCardSchema } from "./plan-schemas.ts";

const Disclosure = named(
  "SellerDisclosure",
  z.strictObject({
    legalName: Text(1, 1000),
    address: Text(1, 1000),
    phone: Text(1, 1000),
    email: Text(1, 1000),
    responsiblePerson: Text(1, 1000),
    pricesAndFees: Text(1, 1000),
    deliveryTime: Text(1, 1000),
    returnsAndCancellation: Text(1, 1000),
  }),
);

const Link = z.strictObject({ label: Text(1, 80), url: Text(1, 500) });

const ProducerProfileSchema = named(
  "ProducerProfile",
  z.object({
    id: z.string(),
    displayName: z.string(),
    prefecture: z.string(),
    area: z.nullable(z.string()),
    story: z.string(),
    photoKeys: z.array(z.string()),
    photoUrls: z.array(z.string()),
    products: z.array(z.string()),
    categories: z.array(z.string()),
    links: z.array(z.object({ label: z.string(), url: z.string() })),
    disclosure: withDoc(Disclosure, {
      description: "特定商取引法に基づく表記 (the seller disclosure the law requires)",
    }),
    approvedAt: z.string(),
    updatedAt: z.string(),
    version: Int,
  }),
);

const ProducerListCard = named(
  "ProducerListCard",
  z.object({
    id: z.string(),
    displayName: z.string(),
    prefecture: z.string(),
    area: z.nullable(z.string()),
    products: z.array(z.string()),
    categories: z.array(z.string()),
    coverPhotoUrl: z.nullable(z.string()),
  }),
);

const ListQuery = z.strictObject({
  ...pageQueryShape,
  prefecture: z.optional(Text(1, 20)),
  category: z.optional(Text(1, 40)),
});

const ProfileEdit = named(
  "ProducerProfileEdit",
  z.strictObject({
    displayName: z.optional(Text(1, 80)),
    prefecture: z.optional(Text(1, 20)),
    area: withDoc(z.optional(z.string().check(z.maxLength(80))), {
      description: "An empty string clears it",
    }),
    story: z.optional(z.string().check(z.maxLength(5000))),
    photoKeys: withDoc(z.optional(z.array(Text(1, 256)).check(z.maxLength(10))), {
      description: "Keys from POST /uploads (verified as the producer's own) or already attached",
    }),
    products: z.optional(z.array(Text(1, 60)).check(z.maxLength(20))),
    categories: z.optional(z.array(Text(1, 40)).check(z.maxLength(8))),
    links: z.optional(z.array(Link).check(z.maxLength(5))),
    disclosure: z.optional(Disclosure),
    expectedVersion: z.optional(z.int().check(z.gte(0), z.lte(1_000_000_000))),
  }),
);

const FollowStateSchema = named(
  "FollowState",
  z.object({ producerId: z.string(), following: z.boolean(), followers: Int }),
);

const ProducerPageSchema = named(
  "ProducerPage",
  z.object({
    profile: ProducerProfileSchema,
    plans: z.object({ current: z.array(PlanJsonSchema), past: z.array(PlanJsonSchema) }),
    seasonReports: withDoc(z.array(z.object({})), {
      description: "Empty until season reports exist",
    }),
    owners: withDoc(Int, { description: "Distinct owners of its plans" }),
    returningOwners: withDoc(Int, { description: "Owners of two of its plans or more" }),
    followers: Int,
    following: withDoc(z.boolean(), { description: "Whether the signed-in owner follows it" }),
  }),
);

const FollowedSchema = named(
  "FollowedProducer",
  z.object({
    producerId: z.string(),
    followedAt: z.string(),
    producer: z.nullable(ProducerCardSchema),
  }),
);

/** Producers as people: the list, the public page, the producer's own profile, follows. */
export const producerRoutes = ({
  people,
  photoUploads,
}: Pick<UseCases, "people" | "photoUploads">) => {
  const plansShown = (plans: readonly Plan[]) =>
    pipe(
      TE.traverseSeqArray((plan: Plan) => withPhotoUrls(photoUploads)(planJson(planView(plan))))(
        plans,
      ),
      TE.chain(withProducers(people)),
    );
  const profileShown = producerProfileJson(photoUploads);

  return new Hono<ApiEnv>()
    .get(
      "/producers",
      describeRoute({
        tags: ["producers"],
        summary: "Approved producers by prefecture and/or category, newest first (one query)",
        responses: {
          200: jsonResponse(
            "A page of producers",
            named(
              "ProducerList",
              z.object({
                producers: z.array(ProducerListCard),
                nextCursor: z.nullable(z.string()),
              }),
            ),
          ),
          ...problems(400),
        },
      }),
      validate("query", ListQuery),
      (c) => {
        const { prefecture, category, ...page } = c.req.valid("query");
        return respond(
          c,
          pipe(
            people.listProducers({
              ...pageOf(page),
              ...(prefecture === undefined ? {} : { prefecture }),
              ...(category === undefined ? {} : { category }),
            }),
            TE.chain((found) =>
              pipe(
                TE.traverseSeqArray(producerListCard(photoUploads))(found.items),
                TE.map((producers) => ({ producers, nextCursor: found.nextCursor ?? null })),
              ),
            ),
          ),
        );
      },
    )
    .get(
      "/producers/me/profile",
      describeRoute({
        tags: ["producers"],
        summary: "The signed-in producer's own profile (404 before its approval)",
        security: BEARER,
        responses: {
          200: jsonResponse("The profile", ProducerProfileSchema),
          ...problems(401, 403, 404),
        },
      }),
      requireActor,
      validate("query", NoQuery),
      (c) => respond(c, pipe(people.getMyProducerProfile(c.var.actor), TE.chain(profileShown))),
    )
    .put(
      "/producers/me/profile",
      describeRoute({
        tags: ["producers"],
        summary: "The signed-in producer edits its profile (fields sent replace the stored ones)",
        security: BEARER,
        responses: {
          200: jsonResponse("The profile", ProducerProfileSchema),
          ...problems(400, 401, 403, 404, 409),
        },
      }),
      requireActor,
      validate("json", ProfileEdit),
      (c) => {
        const { photoKeys, expectedVersion, ...edit } = c.req.valid("json");
        return respond(
          c,
          pipe(
            people.editMyProducerProfile(c.var.actor, {
              edit: { ...edit, ...(photoKeys === undefined ? {} : { photos: photoKeys }) },
              ...(expectedVersion === undefined ? {} : { expectedVersion }),
            }),
            TE.chain(profileShown),
          ),
        );
      },
    )
    .get(
      "/producers/:id",
      describeRoute({
        tags: ["producers"],
        summary:
          "A producer's public page: profile with the seller disclosure, plans, owners, followers",
        responses: { 200: jsonResponse("The page", ProducerPageSchema), ...problems(400, 404) },
      }),
      validate("param", IdParam),
      validate("query", NoQuery),
      (c) =>
        respond(
          c,
          pipe(
            people.getProducerPage(readerOf(c), { producerId: c.req.valid("param").id }),
            TE.chain((page) =>
              pipe(
                TE.Do,
                TE.apS("profile", profileShown(page.profile)),
                TE.apS("current", plansShown(page.currentPlans)),
                TE.apS("past", plansShown(page.pastPlans)),
                TE.map(({ profile, current, past }) => ({
                  profile,
                  plans: { current, past },
                  seasonReports: [],
                  owners: page.owners,
                  returningOwners: page.returningOwners,
                  followers: page.followers,
                  following: page.following,
                })),
              ),
            ),
          ),
        ),
    )
    .put(
      "/producers/:id/follow",
      describeRoute({
        tags: ["producers"],
        summary: "The signed-in owner follows a producer (hears of its next plans); idempotent",
        security: BEARER,
        responses: {
          200: jsonResponse("Following", FollowStateSchema),
          ...problems(400, 401, 403, 404),
        },
      }),
      requireActor,
      validate("param", IdParam),
      (c) =>
        respond(c, people.followProducer(c.var.actor, { producerId: c.req.valid("param").id })),
    )
    .delete(
      "/producers/:id/follow",
      describeRoute({
        tags: ["producers"],
        summary: "The signed-in owner stops following a producer; idempotent",
        security: BEARER,
        responses: {
          200: jsonResponse("Not following", FollowStateSchema),
          ...problems(400, 401, 403),
        },
      }),
      requireActor,
      validate("param", IdParam),
      (c) =>
        respond(c, people.unfollowProducer(c.var.actor, { producerId: c.req.valid("param").id })),
    )
    .get(
      "/me/follows",
      describeRoute({
        tags: ["owners"],
        summary: "The producers the signed-in owner follows, most recent first",
        security: BEARER,
        responses: {
          200: jsonResponse("A page of follows", PageOf(FollowedSchema, "FollowPage")),
          ...problems(400, 401, 403),
        },
      }),
      requireActor,
      validate("query", PageQuery),
      (c) =>
        respond(
          c,
          people.listMyFollows(c.var.actor, pageOf(c.req.valid("query"))),
          200,
          (page) => ({
            ...page,
            items: page.items.map(({ follow, producer }) => ({
              producerId: follow.producerId,
              followedAt: follow.followedAt,
              producer: producer ?? null,
            })),
          }),
        ),
    );
};
