import type { Actor, AppError, Page, PeopleUseCases } from "@owners/app";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";

/**
 * Comments as shown: each with its author's display name (null if none), one batch read per page
 * (rendering, like photo URLs: names replace ids on screen, no decision depends on them).
 */
export const withAuthorNames =
  (people: Pick<PeopleUseCases, "authorNames">) =>
  <T extends { readonly authorId: string }>(comments: readonly T[]) =>
    pipe(
      people.authorNames(comments.map((c) => c.authorId)),
      TE.map((names) => comments.map((c) => ({ ...c, authorName: names.get(c.authorId) ?? null }))),
    );

/** A page of comments with their authors' names. */
export const pageWithAuthorNames =
  (people: Pick<PeopleUseCases, "authorNames">) =>
  <T extends { readonly authorId: string }>(page: Page<T>) =>
    pipe(
      withAuthorNames(people)(page.items),
      TE.map((items) => ({ ...page, items })),
    );

/**
 * A plan's allocation rows with their owners' names: filled for the plan's own producer only (an
 * owner sees nobody's name, not even in its own row), null otherwise.
 */
export const withOwnerNames =
  (people: Pick<PeopleUseCases, "ownerNamesForPlan">, actor: Actor, planId: string) =>
  <T extends { readonly ownerId: string }>(
    page: Page<T>,
  ): TE.TaskEither<AppError, Page<T & { ownerName: string | null }>> =>
    pipe(
      people.ownerNamesForPlan(
        actor,
        planId,
        page.items.map((a) => a.ownerId),
      ),
      TE.map((names) => ({
        ...page,
        items: page.items.map((a) => ({ ...a, ownerName: names.get(a.ownerId) ?? null })),
      })),
    );
