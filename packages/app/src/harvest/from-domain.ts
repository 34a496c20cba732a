import type * as E from "fp-ts/lib/Either.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";

/** A domain decision as a step of a use case: its narrow error widened to AppError. */
export const fromDomain = <A>(decision: E.Either<AppError, A>): TE.TaskEither<AppError, A> =>
  TE.fromEither(decision);
