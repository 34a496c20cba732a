import {
  type Actor,
  type AppError,
  type CompleteDevPaymentDeps,
  type CreatePlanDeps,
  completeDevPayment,
  createPlan,
  listPlans,
  type PayoutReadyDeps,
  type ProducerProfileStore,
  publishPlan,
  type ReservationDeps,
  reserveShares,
  type SetMyAddressDeps,
  setMyAddress,
} from "@owners/app";
import { instantFromMillis, type Plan, producerId } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import type * as TE from "fp-ts/lib/TaskEither.js";
import {
  type DemoPlan,
  demoOwnerAddresses,
  demoOwners,
  demoPlans,
  demoProducers,
  demoReservations,
} from "./demo-data.ts";
import { demoProducerProfile } from "./demo-producer-profiles.ts";
import { demoPlanTerms } from "./demo-terms.ts";

/** The use cases the demo goes through, as a composition root binds them. */
export interface SeedUseCases {
  readonly listPlans: ReturnType<typeof listPlans>;
  readonly createPlan: ReturnType<typeof createPlan>;
  readonly publishPlan: ReturnType<typeof publishPlan>;
  readonly reserveShares: ReturnType<typeof reserveShares>;
  /** Pays a demo reservation's checkout at the local processor, as its owner would. */
  readonly completeDevPayment: ReturnType<typeof completeDevPayment>;
  readonly setMyAddress: ReturnType<typeof setMyAddress>;
  /** Where the demo producers' public profiles go (as their approval would create them). */
  readonly producerProfiles?: ProducerProfileStore;
}

/** The same use cases bound directly to ports (tests on the in-memory adapters). */
export const seedUseCasesOf = (
  deps: ReservationDeps &
    SetMyAddressDeps &
    PayoutReadyDeps &
    CompleteDevPaymentDeps &
    Pick<CreatePlanDeps, "producerProfiles">,
): SeedUseCases => ({
  listPlans: listPlans(deps),
  createPlan: createPlan(deps),
  publishPlan: publishPlan(deps),
  reserveShares: reserveShares(deps),
  completeDevPayment: completeDevPayment(deps),
  setMyAddress: setMyAddress(deps),
});

export interface SeedReport {
  /** Demo plans created and published by this run. */
  readonly plansCreated: number;
  /** Demo plans found from an earlier run and left as they are. */
  readonly plansKept: number;
  readonly reservations: number;
}

const run = async <T>(task: TE.TaskEither<AppError, T>, what: string): Promise<T> => {
  const result = await task();
  if (E.isLeft(result))
    throw new Error(`demo data: ${what} failed: ${result.left._tag} ${result.left.message}`);
  return result.right;
};

const producerActor = (id: string): Actor => {
  const producer = demoProducers.find((p) => p.id === id);
  return { id, role: "producer", ...(producer === undefined ? {} : { name: producer.name }) };
};

/** The producer's own plan with this title, from an earlier run. */
const existingPlan = async (useCases: SeedUseCases, demo: DemoPlan) => {
  const page = await run(
    useCases.listPlans(producerActor(demo.producerId), {
      producerId: demo.producerId,
      page: { limit: 100 },
    }),
    `listing ${demo.producerId}'s plans`,
  );
  return page.items.find((view) => view.plan.title === demo.title.trim());
};

const createAndPublish = async (
  useCases: SeedUseCases,
  demo: DemoPlan,
  nowMs: number,
): Promise<Plan> => {
  const actor = producerActor(demo.producerId);
  const draft = await run(
    useCases.createPlan(actor, { terms: demoPlanTerms(demo, nowMs) }),
    `creating "${demo.title}"`,
  );
  return run(useCases.publishPlan(actor, { planId: draft.id }), `publishing "${demo.title}"`);
};

/**
 * Loads the demo through the use cases, as producers and owners would: each producer's plan is
 * created and published, owners set their addresses and reserve a few shares. A plan already there
 * (a restart on kept data) is left alone with its reservations, so running this again adds nothing.
 */
export const loadDemoData = async (
  useCases: SeedUseCases,
  nowMs = Date.now(),
): Promise<SeedReport> => {
  // Approved producers have a public profile: created once, kept on a restart.
  const store = useCases.producerProfiles;
  if (store !== undefined)
    for (const producer of demoProducers) {
      const existing = await run(store.get(producerId(producer.id)), `reading ${producer.id}`);
      if (existing._tag === "None")
        await run(
          store.save(demoProducerProfile(producer, instantFromMillis(nowMs)), 0),
          `saving ${producer.id}'s profile`,
        );
    }
  const created = new Map<string, Plan>();
  let plansKept = 0;
  for (const demo of demoPlans) {
    if ((await existingPlan(useCases, demo)) !== undefined) {
      plansKept += 1;
      continue;
    }
    created.set(demo.producerId, await createAndPublish(useCases, demo, nowMs));
  }
  if (created.size === 0) return { plansCreated: 0, plansKept, reservations: 0 };

  for (const owner of demoOwners) {
    const actor: Actor = { id: owner.id, role: "owner", name: owner.name };
    await run(
      useCases.setMyAddress(actor, { address: demoOwnerAddresses[owner.id], region: owner.region }),
      `setting ${owner.id}'s address`,
    );
  }
  let reservations = 0;
  for (const demo of demoReservations) {
    const plan = created.get(demo.producerId);
    const owner = demoOwners.find((o) => o.id === demo.ownerId);
    if (plan === undefined || owner === undefined) continue;
    const actor: Actor = { id: owner.id, role: "owner", name: owner.name };
    const { ownership } = await run(
      useCases.reserveShares(actor, {
        planId: plan.id,
        shares: demo.shares,
        shippingRegion: owner.region,
        // Deterministic: a seed interrupted and run again replays instead of charging twice.
        idempotencyKey: `demo-${plan.id}-${owner.id}`,
      }),
      `${owner.id} reserving "${plan.title}"`,
    );
    // Demo owners own what they reserved: each reservation is paid at the local checkout.
    if (ownership.status === "pending_payment" && ownership.payment !== undefined)
      await run(
        useCases.completeDevPayment(actor, {
          paymentId: ownership.payment.id,
          outcome: "succeeded",
        }),
        `${owner.id} paying for "${plan.title}"`,
      );
    reservations += 1;
  }
  return { plansCreated: created.size, plansKept, reservations };
};
