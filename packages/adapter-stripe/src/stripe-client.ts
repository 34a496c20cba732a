import Stripe from "stripe";

export interface StripeClientOptions {
  /** The platform's secret key (`sk_…`, or a restricted `rk_…`). */
  readonly secretKey: string;
  /** Another API server (tests' fake Stripe): host, port and protocol. */
  readonly host?: string;
  readonly port?: number;
  readonly protocol?: "http" | "https";
  /** Network retries (the SDK reuses the idempotency key on each); default 2. */
  readonly maxNetworkRetries?: number;
  /** Per-request timeout in ms: a Lambda must answer within API Gateway's 30 s; default 10 s. */
  readonly timeoutMs?: number;
}

/** The Stripe client, pinned to the API version this SDK release was built for. */
export const makeStripeClient = (options: StripeClientOptions): Stripe =>
  new Stripe(options.secretKey, {
    maxNetworkRetries: options.maxNetworkRetries ?? 2,
    timeout: options.timeoutMs ?? 10_000,
    telemetry: false,
    appInfo: { name: "owners" },
    ...(options.host === undefined ? {} : { host: options.host }),
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(options.protocol === undefined ? {} : { protocol: options.protocol }),
  });
