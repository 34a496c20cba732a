import type * as TE from "fp-ts/lib/TaskEither.js";
import type { AppError } from "../errors.ts";

/**
 * One store's share of a person's data (APPI): what it holds about them, and how it forgets them.
 * Every store that holds personal data registers one under the multi-binding token
 * `personalDataHolders`; `exportPersonalData` and `deleteAccount` go through all of them.
 */
export interface PersonalDataHolder {
  /** The export's key for this store's data ("profile", "ownerships", "comments", …). */
  readonly category: string;
  /** Everything this store holds about the person, as plain JSON data (empty when nothing). */
  exportFor(personId: string): TE.TaskEither<AppError, unknown>;
  /**
   * Removes or blanks names, emails, phones, addresses, free text and photos. Keeps ids (the
   * person's id is a pseudonym once the identity provider's user and the profile are gone) and
   * money and audit records, which the law requires. Idempotent: erasing twice is erasing once.
   */
  eraseFor(personId: string): TE.TaskEither<AppError, void>;
}
