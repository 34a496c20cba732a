import type { ProducerProfile } from "@owners/domain";
import { ownerId, type Plan, producerId } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { Actor } from "../actor.ts";
import { allPages } from "../all-pages.ts";
import type { AppError } from "../errors.ts";
import type { FollowStore } from "../ports/follow-store.ts";
import type { PlanRepository } from "../ports/plan-repository.ts";
import type { ProducerProfileStore } from "../ports/producer-profile-store.ts";
import type { ProducerSummaries } from "../ports/producer-summaries.ts";
import { loadProducerProfile } from "./producer-profiles.ts";

export interface ProducerPageDeps {
  readonly producerProfiles: ProducerProfileStore;
  readonly plans: PlanRepository;
  /** The producer's tallies, kept by the writes: owners and returning owners in one read. */
  readonly producerSummaries: ProducerSummaries;
  readonly follows: FollowStore;
}

export interface ProducerPage {
  readonly profile: ProducerProfile;
  /** Published plans still running (open to shipped), newest first. */
  readonly currentPlans: readonly Plan[];
  /** Completed or cancelled plans, newest first. */
  readonly pastPlans: readonly Plan[];
  readonly owners: number;
  readonly returningOwners: number;
  readonly followers: number;
  /** Whether the signed-in owner follows it (false for anyone else). */
  readonly following: boolean;
}

const PAST = new Set(["completed", "cancelled"]);

/** A producer's public page: profile with disclosure, its published plans, owners and followers. */
export const getProducerPage =
  (deps: ProducerPageDeps) =>
  (actor: Actor, input: { readonly producerId: string }): TE.TaskEither<AppError, ProducerPage> =>
    pipe(
      loadProducerProfile(deps.producerProfiles, input.producerId),
      TE.bindTo("profile"),
      TE.bind("plans", () =>
        pipe(
          allPages((page) => deps.plans.list({ producerId: producerId(input.producerId) }, page)),
          // Drafts are private to their producer, even on its own public page.
          TE.map((plans) => plans.filter((p) => p.status !== "draft")),
        ),
      ),
      TE.bind("counts", () => deps.producerSummaries.summaryOf(producerId(input.producerId))),
      TE.bind("followers", () => deps.follows.countFor(producerId(input.producerId))),
      TE.bind("following", () =>
        actor.role === "owner" && actor.id !== ""
          ? deps.follows.isFollowing(ownerId(actor.id), producerId(input.producerId))
          : TE.right(false),
      ),
      TE.map(({ profile, plans, counts, followers, following }) => ({
        profile,
        currentPlans: plans.filter((p) => !PAST.has(p.status)),
        pastPlans: plans.filter((p) => PAST.has(p.status)),
        owners: counts.owners,
        returningOwners: counts.repeatOwners,
        followers,
        following,
      })),
    );
