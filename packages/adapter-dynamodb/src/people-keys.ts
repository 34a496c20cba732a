import type { ItemKey } from "./reservation-keys.ts";

/** The keys of producer applications (README: "People"). */
export const applicationKeys = {
  /** One item per applicant. */
  item: (id: string): ItemKey => ({ PK: `APPLICATION#${id}`, SK: "APPLICATION" }),
  /** GSI1: applications by status, oldest submission first (few: one partition per status). */
  byStatus: (status: string) => `APPLICATIONS#${status}`,
  byStatusSort: (submittedAt: string, id: string) => `${submittedAt}#${id}`,
} as const;
