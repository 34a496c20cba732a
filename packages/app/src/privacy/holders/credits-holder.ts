import type { OwnerId } from "@owners/domain";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { CreditBalances } from "../../ports/credit-balances.ts";
import type { PersonalDataHolder } from "../../ports/personal-data.ts";

/** Store credit balances: money, kept under the pseudonymous id. */
export const creditsHolder = (credits: CreditBalances): PersonalDataHolder => ({
  category: "credits",
  exportFor: (personId) => credits.listByOwner(personId as OwnerId),
  eraseFor: () => TE.right(undefined),
});
