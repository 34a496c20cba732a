import type * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";

/**
 * A store holding personal data, as the export and account deletion see it. Erasure removes or
 * blanks names, emails, phones, addresses, free text and photos; it keeps ids (a pseudonym once
 * the identity is gone) and money/audit records.
 */
export interface PersonalDataHolder {
  /** What this holder's part of an export is called (e.g. "ownerProfile"). */
  readonly category: string;
  /** Everything this store holds about the person, as JSON-ready data. */
  exportFor(personId: string): TE.TaskEither<AppError, unknown>;
  /** Erases the person's personal data here; idempotent. */
  eraseFor(personId: string): TE.TaskEither<AppError, void>;
}
