import { applyAsProducer } from "./apply-as-producer.ts";
import { type ApproveDeps, approveApplication } from "./approve-application.ts";
import { getMyApplication } from "./get-my-application.ts";
import { listApplications } from "./list-applications.ts";
import { rejectApplication } from "./reject-application.ts";

/** Producer applications bound to their deps (USE_CASE_TOKENS.producerApplications). */
export const makeApplicationUseCases = (deps: ApproveDeps) => ({
  apply: applyAsProducer(deps),
  mine: getMyApplication(deps),
  list: listApplications(deps),
  approve: approveApplication(deps),
  reject: rejectApplication(deps),
});

export type ApplicationUseCases = ReturnType<typeof makeApplicationUseCases>;
