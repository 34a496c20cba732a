import type { OwnerId, Ownership } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { allPages, eachInOrder } from "../../all-pages.ts";
import type { LedgerRepository } from "../../ports/ledger-repository.ts";
import type { OwnershipStore } from "../../ports/ownership-store.ts";
import type { PersonalDataHolder } from "../../ports/personal-data.ts";
import type { RefundIntentStore } from "../../ports/refund-intents.ts";

export interface OwnershipsHolderDeps {
  readonly ownerships: OwnershipStore;
  readonly ledger: LedgerRepository;
  readonly refundIntents: RefundIntentStore;
}

/** Every ownership of the person, newest first. */
export const allOwnershipsOf = (ownerships: OwnershipStore, personId: string) =>
  allPages((page) => ownerships.listByOwner(personId as OwnerId, page));

/** The plans the person ever owned shares of, once each (where per-plan stores keep their data). */
export const plansOwnedBy = (ownerships: OwnershipStore, personId: string) =>
  pipe(
    allOwnershipsOf(ownerships, personId),
    TE.map((owned) => [...new Set(owned.map((o) => o.planId))]),
  );

/**
 * Ownerships with their payments (ledger entries) and refunds. Nothing here names the person
 * but its id: these are money records the law keeps, so erasure leaves them, pseudonymous.
 */
export const ownershipsHolder = (deps: OwnershipsHolderDeps): PersonalDataHolder => ({
  category: "ownerships",
  exportFor: (personId) =>
    pipe(
      allOwnershipsOf(deps.ownerships, personId),
      TE.chain((owned) => eachInOrder(owned, withMoney(deps))),
    ),
  eraseFor: () => TE.right(undefined),
});

const withMoney = (deps: OwnershipsHolderDeps) => (ownership: Ownership) =>
  pipe(
    TE.Do,
    TE.bind("payments", () => deps.ledger.listByOwnership(ownership.planId, ownership.id)),
    TE.bind("refunds", () =>
      pipe(
        deps.refundIntents.listByPlan(ownership.planId),
        TE.map((intents) => intents.filter((i) => i.ownershipId === ownership.id)),
      ),
    ),
    TE.map(({ payments, refunds }) => ({ ownership, payments, refunds })),
  );
