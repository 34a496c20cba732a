import type { ProducerId, Yen } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireOwner } from "../access.ts";
import type { Actor } from "../actor.ts";
import type { AppError } from "../errors.ts";
import type { CreditBalances } from "../ports/credit-balances.ts";

export interface MyCredits {
  /** One line per producer the owner holds credit at (non-zero balances), producer id order. */
  readonly credits: readonly { readonly producerId: ProducerId; readonly balanceYen: Yen }[];
}

/**
 * The signed-in owner's store credit, per producer: what its next reservation of that producer's
 * plans spends first (unless it asks not to). Only the owner's own balances, never anyone else's.
 */
export const listMyCredits =
  (deps: { readonly creditBalances: CreditBalances }) =>
  (actor: Actor): TE.TaskEither<AppError, MyCredits> =>
    pipe(
      requireOwner(actor),
      TE.chain((owner) => deps.creditBalances.listByOwner(owner)),
      TE.map((balances) => ({
        credits: balances.map((b) => ({ producerId: b.producerId, balanceYen: b.balanceYen })),
      })),
    );
