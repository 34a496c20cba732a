import {
  auditEntryId,
  creditMovementEntries,
  type Instant,
  type LedgerEntry,
  ledgerEntryId,
  moneyMoved,
  type Plan,
  sumYen,
  voidableCredit,
  type Yen,
} from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { Actor } from "../actor.ts";
import { allPages } from "../all-pages.ts";
import { auditActorOf } from "../audit-records.ts";
import type { AppError } from "../errors.ts";
import type { CreditBalances } from "../ports/credit-balances.ts";
import type { IdGenerator } from "../ports/id-generator.ts";
import type { LedgerRepository } from "../ports/ledger-repository.ts";
import type { OwnershipStore } from "../ports/ownership-store.ts";

export interface VoidCreditsDeps {
  readonly ownerships: OwnershipStore;
  readonly ledger: LedgerRepository;
  readonly creditBalances: CreditBalances;
  readonly ids: IdGenerator;
}

/** Shortfall credit a plan issued to one ownership and has not voided yet. */
const stillIssued = (entries: readonly LedgerEntry[]): Yen =>
  sumYen(
    entries
      .filter(
        (e) =>
          e.kind === "credit" && (e.reason === "shortfall-credit" || e.reason === "credit-voided"),
      )
      .map((e) => e.amountYen),
  );

/** How often a void is tried again when the owner spends credit at the same moment. */
const RACE_RETRIES = 3;

/**
 * A plan cancelled after its shortfall was settled in store credit refunds its owners in full,
 * so the credit it issued is taken back: what is still unspent of it (credit already spent on
 * another plan stays spent). One "credit-voided" entry per ownership, written with the balance
 * decrement; idempotent (a repeat finds nothing left to void). Returns the yen voided.
 */
export const voidShortfallCredits =
  (deps: VoidCreditsDeps) =>
  (actor: Actor, plan: Plan, at: Instant): TE.TaskEither<AppError, number> =>
    pipe(
      TE.Do,
      TE.bind("ownerships", () => allPages((page) => deps.ownerships.listByPlan(plan.id, page))),
      TE.bind("ledger", () => deps.ledger.listByPlan(plan.id)),
      TE.chain(({ ownerships, ledger }) => async () => {
        let voided = 0;
        for (const ownership of ownerships) {
          const mine = ledger.filter((e) => e.ownershipId === ownership.id);
          const issued = stillIssued(mine);
          if (issued <= 0) continue;
          const round = `credit-voided-${mine.filter((e) => e.reason === "credit-voided").length + 1}`;
          for (let attempt = 0; ; attempt++) {
            const balance = await deps.creditBalances.balance(ownership.ownerId, plan.producerId)();
            if (E.isLeft(balance)) return balance;
            const amount = voidableCredit(issued, balance.right);
            if (amount === 0) break;
            const entries = creditMovementEntries(
              {
                planId: plan.id,
                ownershipId: ownership.id,
                at,
                actor: actor.id,
                entryId: () =>
                  ledgerEntryId(deps.ids.deterministic("led", plan.id, ownership.id, round)),
              },
              amount,
              "credit-voided",
            );
            if (E.isLeft(entries)) return entries;
            const written = await deps.creditBalances.record({
              entries: entries.right,
              audit: [
                moneyMoved(
                  {
                    id: auditEntryId(deps.ids.deterministic("aud", plan.id, ownership.id, round)),
                    at,
                    actor: auditActorOf(actor),
                  },
                  {
                    action: "money.credit_voided",
                    subject: { type: "ownership", id: ownership.id },
                    planId: plan.id,
                    amountYen: amount,
                  },
                ),
              ],
              changes: [
                { ownerId: ownership.ownerId, producerId: plan.producerId, deltaYen: -amount },
              ],
            })();
            if (E.isRight(written)) {
              voided += amount;
              break;
            }
            if (written.left._tag !== "CREDIT.INSUFFICIENT" || attempt >= RACE_RETRIES)
              return written;
          }
        }
        return E.right(voided);
      }),
    );
