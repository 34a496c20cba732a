import type { CreditBalances } from "@owners/app";
import { canonicalJson, storeErrors } from "@owners/app";
import type { OwnerId, ProducerId, Yen } from "@owners/domain";
import * as E from "fp-ts/lib/Either.js";
import {
  atomically,
  creditKey,
  prepareAppend,
  prepareCreditChanges,
  type ReservationDb,
} from "./reservation-db.ts";

/**
 * The CreditBalances of the memory mode and the tests, on the shared reservation database: a
 * record checks its entries and balances, then writes them together, with nothing in between.
 */
export const makeMemoryCreditBalances = (db: ReservationDb): CreditBalances => ({
  balance: (ownerId, producerId) =>
    atomically(() => E.right((db.credits.get(creditKey(ownerId, producerId)) ?? 0) as Yen)),
  listByOwner: (ownerId) =>
    atomically(() =>
      E.right(
        [...db.credits.entries()]
          .flatMap(([key, balance]) => {
            const [owner, producer] = key.split("|");
            return owner === ownerId && balance !== 0 && producer !== undefined
              ? [
                  {
                    ownerId: ownerId as OwnerId,
                    producerId: producer as ProducerId,
                    balanceYen: balance as Yen,
                  },
                ]
              : [];
          })
          .sort((a, b) => (a.producerId < b.producerId ? -1 : 1)),
      ),
    ),
  record: (command) =>
    atomically(() => {
      if (command.entries.length === 0)
        return E.left(storeErrors.invalid("a credit record needs its ledger entries", {}));
      const stored = command.entries.map((e) => db.ledger.get(e.id));
      if (
        stored.every(
          (s, i) => s !== undefined && canonicalJson(s) === canonicalJson(command.entries[i]),
        )
      )
        return E.right(undefined);
      const append = prepareAppend(db, command.entries, command.audit);
      if (E.isLeft(append)) return append;
      if (stored.some((s) => s !== undefined))
        return E.left(storeErrors.duplicate("ledger entry", command.entries[0]?.id ?? ""));
      const credits = prepareCreditChanges(db, command.changes);
      if (E.isLeft(credits)) return credits;
      append.right();
      credits.right();
      return E.right(undefined);
    }),
});
