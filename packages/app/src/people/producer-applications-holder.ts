import { type ProducerApplication, withdrawProducerApplication } from "@owners/domain";
import { pipe } from "fp-ts/lib/function.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";
import type { Clock } from "../ports/clock.ts";
import type { PersonalDataHolder } from "../ports/personal-data.ts";
import type { ProducerApplicationStore } from "../ports/producer-application-store.ts";

/**
 * The application with its free text and the seller's identity blanked: status, dates and who
 * decided stay (the record that the person was approved or rejected, under its pseudonymous id).
 */
export const erasedApplication = (application: ProducerApplication): ProducerApplication => ({
  ...application,
  farmName: "",
  prefecture: "",
  products: [],
  story: "",
  disclosure: {
    legalName: "",
    address: "",
    phone: "",
    email: "",
    responsiblePerson: "",
    pricesAndFees: "",
    deliveryTime: "",
    returnsAndCancellation: "",
  },
  ...(application.rejectionReason === undefined ? {} : { rejectionReason: "" }),
});

const isErased = (application: ProducerApplication) =>
  application.farmName === "" && application.disclosure.legalName === "";

/**
 * The person's producer application, for export and account deletion (APPI). Erasing a pending
 * one also withdraws it: it leaves the admins' queue, and no decision can be made on it any more.
 */
export const producerApplicationsHolder = (
  store: ProducerApplicationStore,
  clock: Clock,
): PersonalDataHolder => ({
  category: "producerApplication",
  // Without decidedBy: which admin decided is the platform's business, not the applicant's.
  exportFor: (personId) =>
    pipe(
      store.get(personId),
      TE.map(
        O.match(
          () => null,
          ({ decidedBy: _decidedBy, ...application }) => application,
        ),
      ),
    ),
  eraseFor: (personId) =>
    pipe(
      store.get(personId),
      TE.chain(
        O.match(
          () => TE.right<AppError, void>(undefined),
          (application) =>
            isErased(application) && application.status !== "pending"
              ? TE.right<AppError, void>(undefined)
              : pipe(
                  store.save(
                    withdrawProducerApplication(erasedApplication(application), clock.now()),
                    application.version,
                  ),
                  TE.asUnit,
                ),
        ),
      ),
    ),
});
