import type { OutboxMessage } from "../communication/outbox.ts";
import type { OwnerId } from "../shared/ids.ts";
import type { Instant } from "../shared/time.ts";
import type { ProducerApplication } from "./producer-application.ts";

interface DecisionEnvelope {
  /** This message's id, from the IdGenerator. */
  readonly id: string;
  readonly application: ProducerApplication;
  readonly at: Instant;
}

/** One decision per submission: a resubmitted application is told of its own decision. */
const decisionKey = (kind: string, application: ProducerApplication) =>
  [kind, application.id, application.submittedAt].join("#");

/** The applicant is now a producer: it signs in again and finishes payout onboarding. */
export const applicationApprovedMessage = (input: DecisionEnvelope): OutboxMessage => ({
  id: input.id,
  recipientId: input.application.applicantId as OwnerId,
  kind: "producer-application-approved",
  subject: `Welcome, ${input.application.farmName}: you are a producer on OWNERS`,
  body:
    "Your producer application is approved. Sign in again to open your producer dashboard, " +
    "finish setting up payouts there, then publish your first plan.",
  params: { farmName: input.application.farmName },
  at: input.at,
  dedupeKey: decisionKey("producer-application-approved", input.application),
});

/** The applicant reads why it was rejected; it may apply again. */
export const applicationRejectedMessage = (
  input: DecisionEnvelope & { readonly reason: string },
): OutboxMessage => ({
  id: input.id,
  recipientId: input.application.applicantId as OwnerId,
  kind: "producer-application-rejected",
  subject: "Your producer application on OWNERS",
  body: `Your producer application for ${input.application.farmName} was not approved. Reason: ${input.reason}\nYou may correct it and apply again.`,
  params: { farmName: input.application.farmName, reason: input.reason },
  at: input.at,
  dedupeKey: decisionKey("producer-application-rejected", input.application),
});
