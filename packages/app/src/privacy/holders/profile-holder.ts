import type { OwnerId } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { OwnerProfileRepository } from "../../ports/owner-profile-repository.ts";
import type { PersonalDataHolder } from "../../ports/personal-data.ts";

/** The owner profile: name, address and phone. Erased by deleting it whole. */
export const profileHolder = (profiles: OwnerProfileRepository): PersonalDataHolder => ({
  category: "profile",
  exportFor: (personId) =>
    pipe(
      profiles.get(personId as OwnerId),
      TE.map((profile) => O.toNullable(profile)),
    ),
  eraseFor: (personId) => profiles.delete(personId as OwnerId),
});
