import { createHmac, timingSafeEqual } from "node:crypto";
import * as E from "fp-ts/lib/Either.js";
import { type AppError, appError } from "./errors.ts";

/**
 * Opaque, tamper-evident page cursors: the position as base64url JSON plus an HMAC of it.
 * A client can hold and return a cursor but not forge one to read outside its query.
 */
export interface CursorCodec {
  encode(position: Readonly<Record<string, unknown>>, scope: string): string;
  decode(cursor: string, scope: string): E.Either<AppError, Record<string, unknown>>;
}

export const makeCursorCodec = (secret: string): CursorCodec => {
  const sign = (payload: string, scope: string) =>
    createHmac("sha256", secret).update(`${scope}\n${payload}`).digest("base64url").slice(0, 22);
  const invalid = () =>
    E.left(
      appError("PAGINATION.INVALID_CURSOR", "the cursor is not one this API issued for this list"),
    );
  return {
    encode: (position, scope) => {
      const payload = Buffer.from(JSON.stringify(position)).toString("base64url");
      return `${payload}.${sign(payload, scope)}`;
    },
    decode: (cursor, scope) => {
      const [payload, signature, ...rest] = cursor.split(".");
      if (payload === undefined || signature === undefined || rest.length > 0) return invalid();
      const expected = Buffer.from(sign(payload, scope));
      const given = Buffer.from(signature);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return invalid();
      try {
        const position: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
        return typeof position === "object" && position !== null && !Array.isArray(position)
          ? E.right(position as Record<string, unknown>)
          : invalid();
      } catch {
        return invalid();
      }
    },
  };
};
