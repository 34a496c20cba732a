/** The mark a stand-in adapter carries: what it is, for the refusal's message. */
export const DEV_ONLY = Symbol.for("owners.devOnly");

/**
 * Marks an adapter that must never run where real users are (an in-memory or local payment
 * processor, an in-memory notifier): a deployed composition refuses to start with one bound.
 */
export const markDevOnly = <T extends object>(port: T, what: string): T =>
  Object.defineProperty(port, DEV_ONLY, { value: what, enumerable: false });

/** What the port is when it is a dev-only stand-in; undefined for a real adapter. */
export const devOnlyKind = (port: unknown): string | undefined => {
  if (typeof port !== "object" || port === null) return undefined;
  const kind = (port as { readonly [DEV_ONLY]?: unknown })[DEV_ONLY];
  return typeof kind === "string" ? kind : undefined;
};

/**
 * Throws when any of the named ports is a dev-only stand-in. Entry points call it when they run
 * in AWS (AWS_LAMBDA_FUNCTION_NAME is set), so money and mail cannot silently go nowhere.
 */
export const refuseDevOnlyPorts = (
  where: string,
  ports: Readonly<Record<string, unknown>>,
): void => {
  const found = Object.entries(ports).flatMap(([name, port]) => {
    const kind = devOnlyKind(port);
    return kind === undefined ? [] : [`${name} (${kind})`];
  });
  if (found.length > 0)
    throw new Error(
      `${where}: will not start in AWS with dev-only adapters bound: ${found.join(", ")}. ` +
        "Configure Stripe (OWNERS_STRIPE_SECRET_KEY_ARN, OWNERS_STRIPE_WEBHOOK_SECRET_ARN) a real notifier and the user pool (OWNERS_USER_POOL_ID).",
    );
};
