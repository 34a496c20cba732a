import type { ProducerApplication } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { Actor } from "../actor.ts";
import { type AppError, appError } from "../errors.ts";
import type { ProducerApplicationStore } from "../ports/producer-application-store.ts";

/** The caller's own application, whatever its role now (an approved one reads it as a producer). */
export const getMyApplication =
  (deps: { readonly producerApplications: ProducerApplicationStore }) =>
  (actor: Actor): TE.TaskEither<AppError, ProducerApplication> =>
    pipe(
      deps.producerApplications.get(actor.id),
      TE.chain(
        TE.fromOption(
          (): AppError => appError("APPLICATION.NOT_FOUND", "you have not applied to sell yet"),
        ),
      ),
    );
