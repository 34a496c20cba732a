import type { SeedReport } from "./seed.ts";

export interface BannerInput {
  readonly store: "dynamodb" | "memory";
  readonly apiUrl: string;
  readonly webUrl?: string;
  readonly dynamoEndpoint?: string;
  readonly s3Endpoint?: string;
  readonly notificationsPath: string;
  readonly seed?: SeedReport;
  /** The local test processor, or Stripe's test mode (its keys were set). */
  readonly payments?: "local" | "stripe";
}

/** What `pnpm start` prints once everything answers: where to go and how to sign in. */
export const banner = (input: BannerInput): string => {
  const { apiUrl } = input;
  const seed = input.seed;
  const demo =
    seed === undefined
      ? "not loaded"
      : seed.plansCreated > 0
        ? `loaded: ${seed.plansCreated} plans, ${seed.reservations} reservations`
        : `already loaded (${seed.plansKept} plans kept from an earlier run)`;
  const lines = [
    "",
    `OWNERS is running locally (store: ${input.store})`,
    "",
    ...(input.webUrl === undefined
      ? []
      : [`  Web           ${input.webUrl}   <- open this: sign in as a demo owner or producer`]),
    `  API           ${apiUrl}`,
    `  Docs          ${apiUrl}/docs`,
    `  OpenAPI       ${apiUrl}/openapi.json`,
    `  Health        ${apiUrl}/health`,
    ...(input.dynamoEndpoint === undefined ? [] : [`  DynamoDB      ${input.dynamoEndpoint}`]),
    ...(input.s3Endpoint === undefined ? [] : [`  S3 (s3rver)   ${input.s3Endpoint}`]),
    `  Notifications ${input.notificationsPath}`,
    `  Demo data     ${demo}`,
    ...(input.payments === "stripe"
      ? [
          "  Payments      Stripe test mode: forward its webhooks with",
          `                stripe listen --forward-to ${apiUrl}/api/webhooks/payments`,
        ]
      : [
          "  Payments      local test processor: card 4242 4242 4242 4242 pays,",
          "                4000 0000 0000 0002 is declined, konbini stays pending",
        ]),
    "",
    "Sign in (dev login) and browse the demo plans:",
    "",
    `  TOKEN=$(curl -s -X POST ${apiUrl}/auth/dev-login \\`,
    `    -H 'content-type: application/json' \\`,
    `    -d '{"sub":"owner-sato","role":"owner"}' | sed -E 's/.*"token":"([^"]+)".*/\\1/')`,
    `  curl -s ${apiUrl}/plans`,
    `  curl -s ${apiUrl}/me/ownerships -H "authorization: Bearer $TOKEN"`,
    "",
    "Producers sign in the same way with a role of producer (demo: producer-kobayashi), operators",
    "with admin. Press Ctrl-C to stop everything.",
    "",
  ];
  return lines.join("\n");
};
