import type { Ownership } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { requireOwner } from "../access.ts";
import type { Actor } from "../actor.ts";
import type { AppError } from "../errors.ts";
import type { Page, PageRequest } from "../pagination.ts";
import type { ReservationDeps } from "./reservation-deps.ts";

/** The signed-in owner's ownerships across plans, newest first; nobody else's. */
export const listMyOwnerships =
  (deps: Pick<ReservationDeps, "ownerships">) =>
  (actor: Actor, input: { readonly page: PageRequest }): TE.TaskEither<AppError, Page<Ownership>> =>
    pipe(
      requireOwner(actor),
      TE.chain((owner) => deps.ownerships.listByOwner(owner, input.page)),
    );
