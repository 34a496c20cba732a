import * as E from "fp-ts/lib/Either.js";
import * as O from "fp-ts/lib/Option.js";
import * as TE from "fp-ts/lib/TaskEither.js";
import { describe, expect, it } from "vitest";
import { withFixedRecipients } from "./fixed-recipients.ts";
import type { RecipientDirectory } from "./recipient-directory.ts";

describe("withFixedRecipients", () => {
  const asked: string[] = [];
  const people: RecipientDirectory = {
    emailOf: (id) => {
      asked.push(id);
      return TE.right(id === "owner-1" ? O.some("owner@example.jp") : O.none);
    },
  };
  const directory = withFixedRecipients(people, { admins: "ops@example.jp" });

  it("answers the platform's own recipients from configuration, people from the pool", async () => {
    expect(await directory.emailOf("admins")()).toEqual(E.right(O.some("ops@example.jp")));
    expect(await directory.emailOf("owner-1")()).toEqual(E.right(O.some("owner@example.jp")));
    expect(await directory.emailOf("nobody")()).toEqual(E.right(O.none));
    // The pool is never asked for a configured id (it would look for a user named "admins").
    expect(asked).toEqual(["owner-1", "nobody"]);
  });

  it("does not treat inherited object keys as configured recipients", async () => {
    expect(await directory.emailOf("toString")()).toEqual(E.right(O.none));
  });
});
