import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";

const isConflict = (error: AppError) => error._tag === "STORE.VERSION_CONFLICT";

/**
 * Runs `attempt` again (from its reads) while it loses an optimistic-locking race, up to
 * `attempts` times, with a small random pause so that racing callers spread out.
 */
export const retryOnConflict = <A>(
  attempts: number,
  attempt: () => TE.TaskEither<AppError, A>,
): TE.TaskEither<AppError, A> => {
  const go = (left: number): TE.TaskEither<AppError, A> =>
    pipe(
      attempt(),
      TE.orElse((error) =>
        isConflict(error) && left > 1
          ? pipe(
              TE.fromTask(
                () => new Promise<void>((resolve) => setTimeout(resolve, Math.random() * 5)),
              ),
              TE.chain(() => go(left - 1)),
            )
          : TE.left(error),
      ),
    );
  return go(Math.max(1, attempts));
};
