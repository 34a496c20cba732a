import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { allPages, eachInOrder } from "../../all-pages.ts";
import type { CommunicationRepository } from "../../ports/communication-repository.ts";
import type { PersonalDataHolder } from "../../ports/personal-data.ts";

/** Comments are free text the person wrote: their bodies are blanked, the thread keeps its shape. */
export const commentsHolder = (communication: CommunicationRepository): PersonalDataHolder => {
  const commentsOf = (personId: string) =>
    allPages((page) => communication.listCommentsByAuthor(personId, page));
  return {
    category: "comments",
    exportFor: commentsOf,
    eraseFor: (personId) =>
      pipe(
        commentsOf(personId),
        TE.chain((comments) => eachInOrder(comments, (c) => communication.eraseComment(c.id))),
        TE.map(() => undefined),
      ),
  };
};
