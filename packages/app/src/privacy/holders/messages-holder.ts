import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { allPages, eachInOrder } from "../../all-pages.ts";
import type { Clock } from "../../ports/clock.ts";
import type { Outbox } from "../../ports/outbox.ts";
import type { PersonalDataHolder } from "../../ports/personal-data.ts";

/**
 * Messages addressed to the person (the outbox): subjects and bodies may name them or their
 * address, so both are blanked; pending ones are set aside, never sent to a closed account.
 */
export const messagesHolder = (deps: {
  readonly outbox: Outbox;
  readonly clock: Clock;
}): PersonalDataHolder => {
  const messagesOf = (personId: string) =>
    allPages((page) => deps.outbox.listByRecipient(personId, page));
  return {
    category: "messages",
    exportFor: messagesOf,
    eraseFor: (personId) =>
      pipe(
        messagesOf(personId),
        TE.chain((messages) =>
          eachInOrder(messages, (m) => deps.outbox.erase(m.dedupeKey, deps.clock.now())),
        ),
        TE.map(() => undefined),
      ),
  };
};
