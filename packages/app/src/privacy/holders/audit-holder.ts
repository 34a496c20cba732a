import type { AuditEntry } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { allPages, eachInOrder } from "../../all-pages.ts";
import type { AuditLog } from "../../ports/ledger-repository.ts";
import type { OwnershipStore } from "../../ports/ownership-store.ts";
import type { PersonalDataHolder } from "../../ports/personal-data.ts";
import { allOwnershipsOf } from "./ownerships-holder.ts";

/**
 * Audit entries the person made (by actor) and about their ownerships (by subject). The trail is
 * what explains every yen: erasure keeps it, the person's id being a pseudonym by then.
 */
export const auditHolder = (deps: {
  readonly audit: AuditLog;
  readonly ownerships: OwnershipStore;
}): PersonalDataHolder => ({
  category: "audit",
  exportFor: (personId) =>
    pipe(
      TE.Do,
      TE.bind("byThem", () =>
        allPages((page) => deps.audit.search({ index: { by: "actor", actorId: personId } }, page)),
      ),
      TE.bind("aboutThem", () =>
        pipe(
          allOwnershipsOf(deps.ownerships, personId),
          TE.chain((owned) =>
            eachInOrder(owned, (o) => deps.audit.listBySubject("ownership", o.id)),
          ),
        ),
      ),
      TE.map(({ byThem, aboutThem }) => {
        const byId = new Map<string, AuditEntry>();
        for (const entry of [...byThem, ...aboutThem.flat()]) byId.set(entry.id, entry);
        return [...byId.values()].sort((a, b) =>
          a.at === b.at ? a.id.localeCompare(b.id) : a.at.localeCompare(b.at),
        );
      }),
    ),
  eraseFor: () => TE.right(undefined),
});
