import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  type Json,
  makeStripeBook,
  type SessionOutcome,
  StripeBookError,
} from "../local/stripe-book.ts";

/** One request as the fake Stripe received it. */
export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  readonly idempotencyKey: string | undefined;
  readonly authorization: string | undefined;
  readonly contentType: string | undefined;
  /** The form (POST body or GET query) decoded into nested objects, values as sent (strings). */
  readonly params: Json;
  readonly rawBody: string;
}

type Nested = Record<string, unknown>;

/** Stripe's form encoding (`a[b][0][c]=v`) back into nested objects; arrays stay index-keyed. */
export const decodeForm = (form: string): Nested => {
  const out: Nested = {};
  for (const [key, value] of new URLSearchParams(form)) {
    const path = key.replace(/\]/g, "").split("[");
    let node: Nested = out;
    path.forEach((part, i) => {
      if (i === path.length - 1) node[part] = value;
      else {
        node[part] ??= {};
        node = node[part] as Nested;
      }
    });
  }
  return out;
};

const listOf = (value: unknown): string[] =>
  value === undefined ? [] : Object.values(value as Record<string, string>);

export interface FakeStripeServer {
  readonly host: string;
  readonly port: number;
  readonly requests: ReceivedRequest[];
  readonly book: ReturnType<typeof makeStripeBook>;
  /** Moves a session as the owner would and answers the events Stripe would send. */
  settle(sessionId: string, outcome: SessionOutcome): Json[];
  /** The next request answers this status and error instead (rate limits, outages). */
  failNext(status: number, error: { type: string; code?: string; message: string }): void;
  close(): Promise<void>;
}

const read = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      body += chunk;
    });
    req.on("end", () => resolve(body));
    req.on("error", reject);
  });

/**
 * A Stripe API on a free loopback port, for the adapter's tests: it answers the calls the adapter
 * makes (form-encoded, Idempotency-Key replayed as Stripe does) with JSON objects shaped as
 * Stripe documents them, kept by the same book the local processor uses, and records every request.
 */
export const startFakeStripe = async (
  options: { readonly now?: () => number } = {},
): Promise<FakeStripeServer> => {
  const now = options.now ?? (() => Math.floor(Date.now() / 1000));
  const requests: ReceivedRequest[] = [];
  const book = makeStripeBook({
    now,
    checkoutUrl: "https://checkout.stripe.test/c/pay",
    accountsReady: false,
  });
  const replays = new Map<
    string,
    { readonly body: string; readonly status: number; readonly answer: Json }
  >();
  let failure: { status: number; error: Json } | undefined;

  const route = (method: string, path: string, params: Nested): Json => {
    const expand = listOf(params.expand);
    const meta = (params.metadata ?? {}) as Record<string, string>;
    if (method === "POST" && path === "/v1/checkout/sessions") {
      const item = ((params.line_items as Nested)["0"] ?? {}) as Nested;
      const price = (item.price_data ?? {}) as Nested;
      const intentData = (params.payment_intent_data ?? {}) as Nested;
      const fee = intentData.application_fee_amount;
      const destination = (intentData.transfer_data as Nested | undefined)?.destination;
      return book.createSession({
        amount: Number(price.unit_amount),
        name: String((price.product_data as Nested).name),
        expiresAt: Number(params.expires_at),
        successUrl: String(params.success_url),
        cancelUrl: String(params.cancel_url),
        metadata: meta,
        ...(fee === undefined ? {} : { applicationFeeAmount: Number(fee) }),
        ...(destination === undefined ? {} : { destination: String(destination) }),
      });
    }
    const m = path.match(/^\/v1\/checkout\/sessions\/([^/]+)(\/expire)?$/);
    if (m !== null) {
      const id = decodeURIComponent(m[1] ?? "");
      const session =
        method === "POST" && m[2] !== undefined ? book.expireSession(id) : book.retrieveSession(id);
      return expand.includes("payment_intent") && typeof session.payment_intent === "string"
        ? { ...session, payment_intent: book.retrieveIntent(session.payment_intent) }
        : session;
    }
    if (method === "POST" && path === "/v1/refunds")
      return book.refund({
        paymentIntent: String(params.payment_intent),
        ...(params.amount === undefined ? {} : { amount: Number(params.amount) }),
        reverseTransfer: params.reverse_transfer === "true",
        refundApplicationFee: params.refund_application_fee === "true",
        metadata: meta,
      });
    if (method === "GET" && path === "/v1/payment_intents/search") {
      const q = String(params.query).match(/^metadata\['(\w+)'\]:'((?:[^'\\]|\\.)*)'$/);
      if (q === null)
        throw new StripeBookError(
          400,
          "invalid_request_error",
          "parameter_invalid",
          "Unsupported query",
        );
      const below = expand.map((p) => p.replace(/^data\./, ""));
      const all = book.searchIntents(q[1] ?? "", (q[2] ?? "").replace(/\\'/g, "'"), [
        ...below,
        ...(below.some((p) => p.startsWith("latest_charge")) ? ["latest_charge"] : []),
      ]);
      const limit = Number(params.limit ?? 10);
      const start = params.page === undefined ? 0 : Number(params.page);
      const data = all.slice(start, start + limit);
      const more = start + limit < all.length;
      return {
        object: "search_result",
        url: "/v1/payment_intents/search",
        data,
        has_more: more,
        next_page: more ? String(start + limit) : null,
      };
    }
    if (method === "POST" && path === "/v1/accounts") return book.createAccount(meta);
    if (method === "POST" && path === "/v1/account_links")
      return {
        object: "account_link",
        url: `https://connect.stripe.test/setup/e/${String(params.account)}`,
        expires_at: now() + 300,
        created: now(),
      };
    const login = path.match(/^\/v1\/accounts\/([^/]+)\/login_links$/);
    if (login !== null && method === "POST") {
      const m = login;
      book.retrieveAccount(m[1] ?? "");
      return {
        object: "login_link",
        url: `https://connect.stripe.test/express/${m[1]}`,
        created: now(),
      };
    }
    const account = path.match(/^\/v1\/accounts\/([^/]+)$/);
    if (account !== null && method === "GET") return book.retrieveAccount(account[1] ?? "");
    throw new StripeBookError(
      404,
      "invalid_request_error",
      "url_invalid",
      `Unrecognized request URL (${method}: ${path})`,
    );
  };

  const answer = (res: ServerResponse, status: number, body: Json) => {
    res.writeHead(status, {
      "content-type": "application/json",
      "request-id": `req_${requests.length}`,
    });
    res.end(JSON.stringify(body));
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://fake");
    const rawBody = await read(req);
    const method = req.method ?? "GET";
    const form = method === "GET" ? url.search.slice(1) : rawBody;
    const params = decodeForm(form);
    const key = req.headers["idempotency-key"];
    const idempotencyKey = typeof key === "string" ? key : undefined;
    requests.push({
      method,
      path: url.pathname,
      idempotencyKey,
      authorization: req.headers.authorization,
      contentType: req.headers["content-type"],
      params,
      rawBody,
    });
    if (failure !== undefined) {
      const { status, error } = failure;
      failure = undefined;
      answer(res, status, { error });
      return;
    }
    const replay = idempotencyKey === undefined ? undefined : replays.get(idempotencyKey);
    if (replay !== undefined) {
      if (replay.body !== form)
        answer(res, 400, {
          error: {
            type: "idempotency_error",
            message:
              "Keys for idempotent requests can only be used with the same parameters they were first used with.",
          },
        });
      else {
        res.setHeader("idempotent-replayed", "true");
        answer(res, replay.status, replay.answer);
      }
      return;
    }
    let status = 200;
    let body: Json;
    try {
      body = route(method, url.pathname, params);
    } catch (error) {
      if (!(error instanceof StripeBookError)) throw error;
      status = error.status;
      body = { error: { type: error.type, code: error.code, message: error.message } };
    }
    if (idempotencyKey !== undefined && method === "POST" && status < 500)
      replays.set(idempotencyKey, { body: form, status, answer: body });
    answer(res, status, body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: "127.0.0.1",
    port,
    requests,
    book,
    settle: (sessionId, outcome) => book.settle(sessionId, outcome),
    failNext: (status, error) => {
      failure = { status, error };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      }),
  };
};
