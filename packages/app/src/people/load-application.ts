import type { ProducerApplication } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { type AppError, appError } from "../errors.ts";
import type { ProducerApplicationStore } from "../ports/producer-application-store.ts";

/** The application with this id, or APPLICATION.NOT_FOUND. */
export const loadApplication =
  (store: ProducerApplicationStore) =>
  (id: string): TE.TaskEither<AppError, ProducerApplication> =>
    pipe(
      store.get(id),
      TE.chain(
        TE.fromOption(
          (): AppError => appError("APPLICATION.NOT_FOUND", "no such application", { id }),
        ),
      ),
    );
