/**
 * Field names that hold personal data or credentials somewhere in OWNERS (profiles, addresses,
 * tokens, owner ids, idempotency keys a client may fill with anything). Nothing is meant to log
 * them; a line that does anyway loses them, at the top level or one object down.
 */
const PERSONAL_FIELDS = [
  "email",
  "name",
  "displayName",
  "recipientName",
  "address",
  "line1",
  "line2",
  "phone",
  "postalCode",
  "ownerId",
  "actorId",
  "authorization",
  "token",
  "idempotencyKey",
] as const;

/** pino redaction paths for PERSONAL_FIELDS. */
export const PERSONAL_DATA_PATHS: readonly string[] = PERSONAL_FIELDS.flatMap((field) => [
  field,
  `*.${field}`,
]);
